package io.github.youshu.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.youshu.autoconfigure.YoushuAutoConfiguration;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.EventStore;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.transport.YoushuTransport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.support.TransactionTemplate;

class YoushuRecorderAutoConfigurationTest {

    private final AtomicInteger requests = new AtomicInteger();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class, YoushuRecorderAutoConfiguration.class))
            .withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0", "youshu.from=test-shop", "youshu.delivery.flush-interval=10ms")
            .withBean(YoushuTransport.class, () -> (body, count) -> {
                requests.incrementAndGet();
                throw new AssertionError("recording mode must never send");
            });

    @Test
    void recordingModeRecordsEveryDispatchedEventAndSendsNothing() {
        runner.withPropertyValues("youshu.test.recording=true").run(context -> {
            YoushuRecorder recorder = context.getBean(YoushuRecorder.class);

            assertThat(context.getBean(EventDispatcher.class).dispatch(event("SO123"))).isTrue();

            assertThat(recorder.awaitEvent("custom_order", "SO123").status()).isEqualTo("payed");
            assertThat(context.getBean(DeliveryStatistics.class).snapshot().of("custom_order").accepted()).isEqualTo(1);
            assertThat(context.getBean(EventStore.class).pendingCount()).isZero();
            assertThat(requests).hasValue(0);
        });
    }

    @Test
    void recordsOnlyWhatTheTransactionCommits() {
        runner.withPropertyValues("youshu.test.recording=true").run(context -> {
            YoushuRecorder recorder = context.getBean(YoushuRecorder.class);
            EventDispatcher dispatcher = context.getBean(EventDispatcher.class);
            DataSource dataSource = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

            transaction.executeWithoutResult(status -> {
                dispatcher.dispatch(event("SO1"));
                assertThat(recorder.events()).as("not before the commit").isEmpty();
            });
            transaction.executeWithoutResult(status -> {
                dispatcher.dispatch(event("SO2"));
                status.setRollbackOnly();
            });

            assertThat(recorder.events()).extracting(RecordedEvent::orderId).containsExactly("SO1");
        });
    }

    @Test
    void limitsAreConfigurable() {
        runner.withPropertyValues("youshu.test.recording=true", "youshu.test.recorder-capacity=1").run(context -> {
            EventDispatcher dispatcher = context.getBean(EventDispatcher.class);
            dispatcher.dispatch(event("SO1"));
            dispatcher.dispatch(event("SO2"));

            assertThat(context.getBean(YoushuRecorder.class).events()).extracting(RecordedEvent::orderId).containsExactly("SO2");
        });
    }

    @Test
    void offByDefaultAndWhenReportingIsOff() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(YoushuRecorder.class));
        runner.withPropertyValues("youshu.test.recording=true", "youshu.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(YoushuRecorder.class));
    }

    private static OutboundEvent event(String orderId) {
        String json = "{\"type\":\"custom_order\",\"props\":{\"order\":{\"order_id\":\"" + orderId + "\",\"order_status\":\"payed\"}}}";
        return new OutboundEvent("custom_order", orderId, json.getBytes(StandardCharsets.UTF_8), Instant.now());
    }
}
