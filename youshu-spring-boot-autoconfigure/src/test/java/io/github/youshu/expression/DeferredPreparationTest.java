package io.github.youshu.expression;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.youshu.YoushuReportException;
import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.autoconfigure.YoushuAutoConfiguration;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.transport.SendResult;
import io.github.youshu.transport.YoushuTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14 item 1 through the auto-configuration (memory delivery): in {@code log} mode only the
 * expressions and the context run on the caller's thread, and the event is normalised, validated
 * and written as JSON on a relay thread; one found invalid there is counted invalid (not accepted)
 * and logged with its order id. In {@code throw} mode the caller's thread validates it and gets the
 * {@link YoushuReportException}; a relay thread still writes it. With the outbox, the caller's
 * thread does it all (the bytes are written inside its transaction). The threads are those that touched the amount: its
 * {@code signum} (the validator's check) and {@code toPlainString} (Jackson writing it).
 */
class DeferredPreparationTest {

    /** Which threads validated and wrote the amounts, e.g. {@code write@youshu-delivery-1}. */
    private static final List<String> TOUCHED = new CopyOnWriteArrayList<>();

    private final List<String> sent = new CopyOnWriteArrayList<>();

    private final ListAppender<ILoggingEvent> failures = new ListAppender<>();

    private final Logger failureLogger = (Logger) LoggerFactory.getLogger(ReportFailureLog.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class))
            .withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0",
                    "youshu.from=test-shop", "youshu.defaults.page=pages/pay/result", "youshu.defaults.scene=1001",
                    "youshu.delivery.flush-interval=20ms")
            .withBean(Checkout.class)
            .withBean(YoushuTransport.class, () -> (body, count) -> {
                sent.add(new String(body, StandardCharsets.UTF_8));
                return SendResult.accepted(200, 0, "ok");
            });

    @BeforeEach
    void captureFailures() {
        TOUCHED.clear();
        failures.start();
        failureLogger.addAppender(failures);
    }

    @AfterEach
    void detach() {
        failureLogger.detachAppender(failures);
    }

    @Test
    void inLogModeTheEventIsNormalisedAndWrittenOnARelayThreadNotTheCallers() {
        runner.run(context -> {
            context.getBean(Checkout.class).confirmPayment("SO-1", new RecordingAmount("19.99"));

            await().atMost(Duration.ofSeconds(10)).until(() -> sent.stream().anyMatch(body -> body.contains("SO-1")));
            String caller = Thread.currentThread().getName();
            assertThat(threadOf("write")).startsWith("youshu-delivery-");
            assertThat(threadOf("validate")).startsWith("youshu-delivery-");
            assertThat(TOUCHED).noneMatch(touch -> touch.endsWith("@" + caller));
            assertThat(sent.get(0)).contains("\"pay_amt\":19.99");
        });
    }

    @Test
    void inLogModeAnEventFoundInvalidOnTheRelayIsCountedInvalidAndLoggedWithItsOrderId() {
        runner.run(context -> {
            Order returned = context.getBean(Checkout.class).confirmPayment("LATE-1", new BigDecimal("-1.00"));

            assertThat(returned.id()).as("the caller is not disturbed").isEqualTo("LATE-1");
            DeliveryStatistics statistics = context.getBean(DeliveryStatistics.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> statistics.snapshot().total().invalid() == 1);
            DeliveryStatistics.EventCounts counts = statistics.snapshot().total();
            assertThat(counts.accepted()).as("never accepted").isZero();
            assertThat(counts.sent() + counts.dropped() + counts.deadLettered()).isZero();
            assertThat(failures.list).singleElement().satisfies(line -> {
                assertThat(line.getFormattedMessage()).contains("LATE-1").contains("pay_amt").contains("event dropped");
                assertThat(line.getThreadName()).startsWith("youshu-delivery-");
            });
            assertThat(sent).isEmpty();
        });
    }

    @Test
    void inThrowModeTheCallerValidatesTheEventAndGetsTheFailureWhileARelayThreadWritesIt() {
        runner.withPropertyValues("youshu.failure-mode=throw").run(context -> {
            Checkout checkout = context.getBean(Checkout.class);
            String caller = Thread.currentThread().getName();

            checkout.confirmPayment("SO-2", new RecordingAmount("19.99"));
            assertThat(threadOf("validate")).isEqualTo(caller);
            await().atMost(Duration.ofSeconds(10)).until(() -> sent.stream().anyMatch(body -> body.contains("SO-2")));
            assertThat(threadOf("write")).startsWith("youshu-delivery-");

            assertThatExceptionOfType(YoushuReportException.class)
                    .isThrownBy(() -> checkout.confirmPayment("BAD-2", new BigDecimal("-1.00")))
                    .satisfies(failure -> assertThat(failure.orderId()).isEqualTo("BAD-2"));
            assertThat(context.getBean(DeliveryStatistics.class).snapshot().total().invalid())
                    .as("counted before the caller gets it").isEqualTo(1);
        });
    }

    @Test
    void withTheOutboxTheCallerValidatesAndWritesTheEventInsideItsTransaction() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        runner.withBean(DataSource.class, () -> dataSource)
                .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource))
                .withPropertyValues("youshu.outbox.enabled=true").run(context -> {
                    String caller = Thread.currentThread().getName();

                    context.getBean(Checkout.class).confirmPayment("SO-3", new RecordingAmount("19.99"));

                    assertThat(threadOf("validate")).isEqualTo(caller);
                    assertThat(threadOf("write")).isEqualTo(caller);
                    assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM youshu_outbox", Integer.class))
                            .isEqualTo(1);
                });
    }

    private static String threadOf(String what) {
        return TOUCHED.stream().filter(touch -> touch.startsWith(what + "@")).findFirst()
                .map(touch -> touch.substring(what.length() + 1)).orElse("(none)");
    }

    public record Order(String id, Instant createdAt, BigDecimal total, BigDecimal payable, String openId) {
    }

    public static class Checkout {

        @ReportOrderStatus(status = "payed", orderId = "#result.id", orderTime = "#result.createdAt",
                orderAmount = "#result.total", payAmount = "#result.payable", openId = "#result.openId")
        public Order confirmPayment(String id, BigDecimal payable) {
            return new Order(id, Instant.parse("2026-11-23T10:00:00Z"), new BigDecimal("19.99"), payable, "oUser-1");
        }
    }

    /** An amount that notes which thread validated it (its sign) and which wrote it as JSON. */
    static final class RecordingAmount extends BigDecimal {

        RecordingAmount(String value) {
            super(value);
        }

        @Override
        public int signum() {
            TOUCHED.add("validate@" + Thread.currentThread().getName());
            return super.signum();
        }

        @Override
        public String toPlainString() {
            TOUCHED.add("write@" + Thread.currentThread().getName());
            return super.toPlainString();
        }
    }
}
