package io.github.youshu.metrics;

import static io.github.youshu.delivery.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.youshu.autoconfigure.YoushuAutoConfiguration;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.ScriptedTransport;
import io.github.youshu.delivery.memory.MemoryEventStore;
import io.github.youshu.transport.SendResult;
import io.github.youshu.transport.YoushuTransport;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class YoushuMetricsAutoConfigurationTest {

    private final AtomicReference<YoushuTransport> answers = new AtomicReference<>(ScriptedTransport.accepting());

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class, YoushuMetricsAutoConfiguration.class))
            .withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0", "youshu.from=test-shop", "youshu.delivery.flush-interval=20ms")
            .withBean(YoushuTransport.class, () -> (body, count) -> answers.get().send(body, count));

    @Test
    void countsEveryOutcomeOfEveryTypeFromTheDeliveryStatistics() {
        runner.run(context -> {
            DeliveryStatistics statistics = context.getBean(DeliveryStatistics.class);
            statistics.countAccepted("custom_order");
            statistics.countAccepted("custom_order");
            statistics.countSent("custom_order");
            statistics.countDropped("custom_order");
            statistics.countDeadLettered("coupon_order");
            statistics.countInvalid("coupon_order");
            MeterRegistry registry = bound(context);

            assertThat(events(registry, "custom_order", "accepted")).isEqualTo(2);
            assertThat(events(registry, "custom_order", "sent")).isEqualTo(1);
            assertThat(events(registry, "custom_order", "dropped")).isEqualTo(1);
            assertThat(events(registry, "custom_order", "dead_lettered")).isZero();
            assertThat(events(registry, "coupon_order", "dead_lettered")).isEqualTo(1);
            assertThat(events(registry, "coupon_order", "invalid")).isEqualTo(1);

            statistics.countSent("custom_order");
            assertThat(events(registry, "custom_order", "sent")).isEqualTo(2);
        });
    }

    @Test
    void aTypeFirstSeenAfterBindingGetsItsCountersWithNothingMissed() {
        runner.run(context -> {
            MeterRegistry registry = bound(context);
            EventDispatcher dispatcher = context.getBean(EventDispatcher.class);
            assertThat(registry.find(YoushuMetrics.EVENTS).tag("type", "coupon_order").meters()).isEmpty();

            dispatcher.dispatch(event("coupon_order", 1));
            dispatcher.countInvalid("store_visit");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events(registry, "coupon_order", "sent")).isEqualTo(1));
            assertThat(events(registry, "coupon_order", "accepted")).isEqualTo(1);
            assertThat(events(registry, "store_visit", "invalid")).isEqualTo(1);
        });
    }

    @Test
    void theQueueSizeGaugeCountsQueuedAndWaitingEvents() {
        answers.set(ScriptedTransport.failing());
        runner.withPropertyValues("youshu.delivery.backoff-initial=10m", "youshu.delivery.backoff-max=10m",
                "youshu.delivery.shutdown-timeout=50ms").run(context -> {
            MeterRegistry registry = bound(context);
            EventDispatcher dispatcher = context.getBean(EventDispatcher.class);
            for (int i = 1; i <= 3; i++) {
                dispatcher.dispatch(event(i));
            }

            assertThat(registry.get(YoushuMetrics.QUEUE_SIZE).gauge().value()).isEqualTo(3);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> context.getBean(MemoryEventStore.class).inFlightCount() == 0
                            && registry.get(YoushuMetrics.HTTP_REQUESTS).tag("outcome", "transient").timer().count() > 0);
            assertThat(registry.get(YoushuMetrics.QUEUE_SIZE).gauge().value()).isEqualTo(3);
        });
    }

    @Test
    void theTransportIsTimedByOutcome() {
        runner.run(context -> {
            MeterRegistry registry = bound(context);
            YoushuTransport transport = context.getBean(YoushuTransport.class);
            assertThat(transport).isInstanceOf(TimedYoushuTransport.class);
            byte[] body = "[{}]".getBytes();

            answers.set((b, n) -> SendResult.accepted(200, 0, "ok"));
            transport.send(body, 1);
            answers.set((b, n) -> SendResult.rejected(200, 40001, "bad"));
            transport.send(body, 1);
            transport.send(body, 1);
            answers.set((b, n) -> null);
            transport.send(body, 1);
            answers.set((b, n) -> {
                throw new IllegalStateException("boom");
            });
            assertThatThrownBy(() -> transport.send(body, 1)).hasMessage("boom");

            assertThat(requests(registry, "accepted")).isEqualTo(1);
            assertThat(requests(registry, "rejected")).isEqualTo(2);
            assertThat(requests(registry, "transient")).isEqualTo(2);
        });
    }

    @Test
    void aRegistryRefusingTheMetersNeverReachesTheCaller() {
        runner.run(context -> {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            registry.config().meterFilter(new MeterFilter() {
                @Override
                public Meter.Id map(Meter.Id id) {
                    if ("refused_type".equals(id.getTag("type"))) {
                        throw new IllegalArgumentException("refused");
                    }
                    return id;
                }
            });
            context.getBean(YoushuMetrics.class).bindTo(registry);

            context.getBean(EventDispatcher.class).countInvalid("refused_type");

            assertThat(context.getBean(DeliveryStatistics.class).snapshot().of("refused_type").invalid()).isEqualTo(1);
        });
    }

    @Test
    void offWithoutMicrometerOrWhenReportingIsOff() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(YoushuMetrics.class));
        runner.withPropertyValues("youshu.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(YoushuMetrics.class));
    }

    private static MeterRegistry bound(AssertableApplicationContext context) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        context.getBean(YoushuMetrics.class).bindTo(registry);
        return registry;
    }

    private static double events(MeterRegistry registry, String type, String outcome) {
        FunctionCounter counter = registry.get(YoushuMetrics.EVENTS).tag("type", type).tag("outcome", outcome).functionCounter();
        return counter.count();
    }

    private static long requests(MeterRegistry registry, String outcome) {
        return registry.get(YoushuMetrics.HTTP_REQUESTS).tag("outcome", outcome).timer().count();
    }
}
