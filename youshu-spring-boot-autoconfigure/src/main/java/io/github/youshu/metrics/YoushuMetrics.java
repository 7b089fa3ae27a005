package io.github.youshu.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.DeliveryStatistics.EventCounts;
import io.github.youshu.delivery.EventStore;
import io.github.youshu.delivery.memory.MemoryEventStore;
import io.github.youshu.transport.SendOutcome;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Youshu meters, bound to every registry of the application: {@code youshu.events} counters
 * per type and outcome read from {@link DeliveryStatistics} (so counting stays where it is), the
 * {@code youshu.queue.size} gauge, and the {@code youshu.http.requests} timer. The counters of an
 * event type are registered when the type is first seen; as they read running totals, nothing
 * counted before is missed.
 */
final class YoushuMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(YoushuMetrics.class);

    static final String EVENTS = "youshu.events";

    static final String QUEUE_SIZE = "youshu.queue.size";

    static final String HTTP_REQUESTS = "youshu.http.requests";

    private static final List<Outcome> OUTCOMES = List.of(
            new Outcome("accepted", EventCounts::accepted),
            new Outcome("sent", EventCounts::sent),
            new Outcome("dropped", EventCounts::dropped),
            new Outcome("dead_lettered", EventCounts::deadLettered),
            new Outcome("invalid", EventCounts::invalid));

    private final DeliveryStatistics statistics;

    private final EventStore store;

    private final Set<String> types = ConcurrentHashMap.newKeySet();

    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    /** Per bound registry, the request timers indexed by {@link SendOutcome#ordinal()}. */
    private final List<Timer[]> requestTimers = new CopyOnWriteArrayList<>();

    YoushuMetrics(DeliveryStatistics statistics, EventStore store) {
        this.statistics = statistics;
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        Gauge.builder(QUEUE_SIZE, store, YoushuMetrics::queueSize)
                .description("Youshu events waiting for delivery, including those in flight (memory store)")
                .baseUnit("events")
                .strongReference(true)
                .register(registry);
        Timer[] timers = new Timer[SendOutcome.values().length];
        for (SendOutcome outcome : SendOutcome.values()) {
            timers[outcome.ordinal()] = Timer.builder(HTTP_REQUESTS)
                    .description("Requests to Youshu's report API, by how Youshu answered")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        requestTimers.add(timers);
        types.addAll(statistics.snapshot().byType().keySet());
        for (String type : types) {
            registerCounters(registry, type);
        }
    }

    /**
     * Registers the counters of {@code type} unless they already are. Cheap when they are; never
     * throws (it runs on the reporting caller's thread): a registry that refuses the meters is logged.
     */
    void typeSeen(String type) {
        if (type == null || types.contains(type) || !types.add(type)) {
            return;
        }
        for (MeterRegistry registry : registries) {
            try {
                registerCounters(registry, type);
            }
            catch (RuntimeException ex) {
                log.warn("Could not register the {} meters of Youshu event type {} in {}", EVENTS, type, registry, ex);
            }
        }
    }

    /** Records one request to Youshu. */
    void requestCompleted(SendOutcome outcome, long nanos) {
        for (Timer[] timers : requestTimers) {
            timers[outcome.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void registerCounters(MeterRegistry registry, String type) {
        for (Outcome outcome : OUTCOMES) {
            FunctionCounter.builder(EVENTS, statistics, s -> outcome.count().applyAsLong(s.snapshot().of(type)))
                    .description("Youshu events by type and by what became of them")
                    .baseUnit("events")
                    .tags("type", type, "outcome", outcome.tag())
                    .register(registry);
        }
    }

    private static double queueSize(EventStore store) {
        return store instanceof MemoryEventStore memory ? memory.heldCount() : store.pendingCount();
    }

    private record Outcome(String tag, ToLongFunction<EventCounts> count) {
    }
}
