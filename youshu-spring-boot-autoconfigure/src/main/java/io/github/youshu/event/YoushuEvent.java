package io.github.youshu.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * One Youshu event, the envelope {@code {"type", "from", "tracking_id", "props"}}. Immutable; the
 * {@code with...} methods return changed copies.
 *
 * <pre>{@code
 * YoushuEvent event = YoushuEvent.customOrder(CustomOrderProps.builder()
 *         .order("o-1001", placedAt, OrderStatus.GIVE_ORDER)
 *         .wholeOrderAsSubOrder(new BigDecimal("30.30"), new BigDecimal("30.30"))
 *         .build());
 * }</pre>
 *
 * @param type       {@code type}: the event type, e.g. {@code custom_order}; required
 * @param from       {@code from}: the data source's name; required, the reporter fills it when absent
 * @param trackingId {@code tracking_id}: the user's session id (a uuid) when known; optional
 * @param props      {@code props}: the type's props and the common props; never {@code null}
 */
@JsonPropertyOrder({"type", "from", "tracking_id", "props"})
public record YoushuEvent(String type, String from, String trackingId, EventProps props) {

    /** The type of an order status change: {@value}. */
    public static final String CUSTOM_ORDER = "custom_order";

    /** The type of a coupon purchase: {@value}. */
    public static final String COUPON_ORDER = "coupon_order";

    /** @throws NullPointerException when {@code props} is {@code null} */
    public YoushuEvent {
        Objects.requireNonNull(props, "props");
    }

    /** A {@code custom_order} event without {@code from} and {@code tracking_id}. */
    public static YoushuEvent customOrder(CustomOrderProps props) {
        return new YoushuEvent(CUSTOM_ORDER, null, null, props);
    }

    /** A {@code coupon_order} event without {@code from} and {@code tracking_id}. */
    public static YoushuEvent couponOrder(CouponOrderProps props) {
        return new YoushuEvent(COUPON_ORDER, null, null, props);
    }

    /** An event of any other type, without {@code from} and {@code tracking_id}. */
    public static YoushuEvent of(String type, GenericProps props) {
        return new YoushuEvent(type, null, null, props);
    }

    public YoushuEvent withFrom(String from) {
        return new YoushuEvent(type, from, trackingId, props);
    }

    public YoushuEvent withTrackingId(String trackingId) {
        return new YoushuEvent(type, from, trackingId, props);
    }

    public YoushuEvent withProps(EventProps props) {
        return new YoushuEvent(type, from, trackingId, props);
    }

    /**
     * This event with what it leaves out filled in: {@code from} when {@code null} or blank, and
     * every absent common prop (see {@link CommonProps#withDefaults}).
     *
     * @param defaultFrom   the data source's name
     * @param defaultCommon the common props to fall back on; {@code null} for none
     */
    public YoushuEvent withDefaults(String defaultFrom, CommonProps defaultCommon) {
        String mergedFrom = ModelSupport.orDefault(from, defaultFrom);
        CommonProps mergedCommon = props.common().withDefaults(defaultCommon);
        EventProps mergedProps = mergedCommon == props.common() ? props : props.withCommon(mergedCommon);
        if (Objects.equals(mergedFrom, from) && mergedProps == props) {
            return this;
        }
        return new YoushuEvent(type, mergedFrom, trackingId, mergedProps);
    }

    /** The order id the event is about ({@link EventProps#orderId()}), or {@code null}. */
    @JsonIgnore
    public String orderId() {
        return props.orderId();
    }
}
