package io.github.youshu.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.youshu.order.DataApiEndpoint;

/**
 * Where a record goes: behaviour events to the report API ({@link #EVENTS}, a JSON array per
 * request), or data-api items to one {@link DataApiEndpoint} (an envelope {@code {"dataSourceId",
 * "orders"}} per request). Stores keep a record's route ({@link #name()}, the outbox's {@code route}
 * column); a claimed batch, and so a request, holds records of one route only.
 *
 * <p>The route also scopes the ordering key ({@link #orderingScope()}): a behaviour event and a
 * data-api item of the same order never hold each other back, while all data-api items of one
 * order, whatever their endpoint ({@code add_order}, {@code update}, {@code return_order/add}),
 * keep the order they were recorded in (data-api.md §9).
 */
public final class DeliveryRoute {

    /** The name of {@link #EVENTS}: {@value}, also what rows of outbox tables made before routes hold. */
    public static final String EVENTS_NAME = "events";

    /** Behaviour events ({@code custom_order}, {@code coupon_order}, …) to the report API. */
    public static final DeliveryRoute EVENTS = new DeliveryRoute(EVENTS_NAME, null);

    private static final Map<DataApiEndpoint, DeliveryRoute> DATA_API = new EnumMap<>(DataApiEndpoint.class);

    private static final List<DeliveryRoute> ALL;

    static {
        List<DeliveryRoute> all = new ArrayList<>();
        all.add(EVENTS);
        for (DataApiEndpoint endpoint : DataApiEndpoint.values()) {
            DeliveryRoute route = new DeliveryRoute(endpoint.path(), endpoint);
            DATA_API.put(endpoint, route);
            all.add(route);
        }
        ALL = Collections.unmodifiableList(all);
    }

    private final String name;

    private final DataApiEndpoint endpoint;

    private DeliveryRoute(String name, DataApiEndpoint endpoint) {
        this.name = name;
        this.endpoint = endpoint;
    }

    /** The route of a data-api endpoint. */
    public static DeliveryRoute of(DataApiEndpoint endpoint) {
        return DATA_API.get(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /**
     * The route of a stored name.
     *
     * @param name {@value #EVENTS_NAME} or a data-api path ({@code order/add_order}); {@code null}
     *             is {@link #EVENTS} (rows stored before routes existed)
     * @throws IllegalArgumentException naming the known routes when the name is none of them
     */
    public static DeliveryRoute ofName(String name) {
        if (name == null || EVENTS_NAME.equals(name)) {
            return EVENTS;
        }
        for (DeliveryRoute route : ALL) {
            if (route.name.equals(name)) {
                return route;
            }
        }
        throw new IllegalArgumentException("Unknown delivery route '" + name + "': expected one of " + ALL);
    }

    /** Every route, {@link #EVENTS} first. */
    public static List<DeliveryRoute> all() {
        return ALL;
    }

    /** The stored name: {@value #EVENTS_NAME}, or the data-api path, e.g. {@code order/add_order} (at most 64 characters). */
    public String name() {
        return name;
    }

    /** The data-api endpoint, or {@code null} for {@link #EVENTS}. */
    public DataApiEndpoint dataApiEndpoint() {
        return endpoint;
    }

    /** Whether the route carries data-api items. */
    public boolean isDataApi() {
        return endpoint != null;
    }

    /**
     * The scope of the ordering key: {@code events} or {@code data-api}. Records of one order in
     * one scope leave in the order they were recorded; records in different scopes are independent.
     */
    public String orderingScope() {
        return endpoint == null ? EVENTS_NAME : "data-api";
    }

    @Override
    public String toString() {
        return name;
    }
}
