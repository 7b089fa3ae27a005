package io.github.youshu.delivery.memory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import io.github.youshu.delivery.LogCapture;
import io.github.youshu.delivery.LossReason;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.ScriptedTransport;
import io.github.youshu.delivery.TestSettings;
import io.github.youshu.transport.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.GenericApplicationContext;

import static io.github.youshu.delivery.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class MemoryDeliveryLifecycleTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private final LogCapture log = LogCapture.of(MemoryDeliveryLifecycle.class);

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void runsWithTheContextAndStopsAfterTheWebServer() {
        MemoryDelivery delivery = new MemoryDelivery(TestSettings.quick().build(), ScriptedTransport.accepting());
        try (GenericApplicationContext context = context(delivery)) {
            assertThat(delivery.lifecycle.isRunning()).isTrue();
            assertThat(delivery.lifecycle.getPhase()).isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048);
        }
        assertThat(delivery.lifecycle.isRunning()).isFalse();
    }

    @Test
    void stoppingSendsWhatIsQueuedAndRefusesNewEvents() {
        ScriptedTransport transport = ScriptedTransport.accepting();
        MemoryDelivery delivery = new MemoryDelivery(TestSettings.quick().flushInterval(Duration.ofHours(1)).build(), transport);
        GenericApplicationContext context = context(delivery);
        for (int seq = 1; seq <= 3; seq++) {
            delivery.dispatcher.dispatch(event(seq));
        }

        context.close();

        assertThat(transport.storedSeqs()).containsExactly(1, 2, 3);
        assertThat(delivery.dispatcher.dispatch(event(4))).isFalse();
        assertThat(delivery.statistics.snapshot().total().dropped()).isEqualTo(1);
        assertThat(log.messages(Level.INFO))
                .containsExactly("Youshu delivery stopped with no event left undelivered");
    }

    @Test
    void theContextStopsWithinTheTimeoutWhenYoushuHangsAndTellsWhatWasLeft() {
        CountDownLatch youshuAnswers = new CountDownLatch(1);
        ScriptedTransport hanging = new ScriptedTransport((n, seqs) -> {
            try {
                youshuAnswers.await();
                return ScriptedTransport.ok();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return SendResult.transientFailure(0, "interrupted", null);
            }
        });
        MemoryDelivery delivery = new MemoryDelivery(TestSettings.quick().flushInterval(Duration.ofHours(1))
                .shutdownTimeout(Duration.ofMillis(300)).build(), hanging);
        GenericApplicationContext context = context(delivery);
        try {
            for (int seq = 1; seq <= 120; seq++) {
                delivery.dispatcher.dispatch(event(seq));
            }
            await().until(() -> delivery.store.inFlightCount() == 100);

            assertTimeoutPreemptively(GENEROUS, context::close);

            assertThat(log.warnings()).first().asString()
                    .startsWith("Youshu delivery stopped with 120 events left undelivered after waiting up to PT0.3S")
                    .contains("or 100 in requests Youshu had not answered");
            assertThat(log.warnings()).hasSize(3).element(1).asString()
                    .startsWith("Youshu events lost at shutdown (1-100 of 120): custom_order order-1, custom_order order-2,");
            assertThat(delivery.statistics.snapshot().total().dropped()).isEqualTo(120);
        }
        finally {
            youshuAnswers.countDown();
        }
    }

    @Test
    void theContextStopsWithinTheTimeoutWhenYoushuIsDown() {
        MemoryDelivery delivery = new MemoryDelivery(TestSettings.quick().flushInterval(Duration.ofMillis(20))
                .shutdownTimeout(Duration.ofMillis(300)).build(), ScriptedTransport.failing());
        GenericApplicationContext context = context(delivery);
        for (int seq = 1; seq <= 10; seq++) {
            delivery.dispatcher.dispatch(event(seq));
        }

        try (LogCapture losses = LogCapture.of(LossReporter.class)) {
            assertTimeoutPreemptively(GENEROUS, context::close);

            assertThat(log.warnings()).hasSize(2).first().asString()
                    .startsWith("Youshu delivery stopped with 10 events left undelivered");
            assertThat(log.warnings().get(1)).isEqualTo("Youshu events lost at shutdown (1-10 of 10): "
                    + IntStream.rangeClosed(1, 10).mapToObj(seq -> "custom_order order-" + seq).collect(Collectors.joining(", ")));
            assertThat(losses.warnings()).first().asString()
                    .startsWith("Youshu event custom_order (order order-1) " + LossReason.SHUTDOWN.description());
            assertThat(losses.warnings()).last().asString().contains("9 " + LossReason.SHUTDOWN.description());
        }
        assertThat(delivery.store.heldCount()).isZero();
        assertThat(delivery.statistics.snapshot().total().dropped()).isEqualTo(10);
        assertThat(delivery.balanced()).isTrue();
    }

    /**
     * Issue inputs: 503 four times then 200, the context closed right after the fourth failure (2 s
     * timeout); and 503 six times then 200, closed after the first (default 10 s timeout). The waits
     * asked for reach far beyond the timeout: at stop the event gets a last attempt at once, and
     * failed retries are tried again within the timeout.
     */
    @ParameterizedTest
    @CsvSource({"4, 4, PT2S", "6, 1, PT10S"})
    void anEventWaitingForARetryIsTriedAgainAtStopAndDelivered(int failures, int failedBeforeStop, Duration timeout) {
        ScriptedTransport transport = new ScriptedTransport((n, seqs) -> n < failedBeforeStop ? ScriptedTransport.unavailable()
                : n <= failures ? SendResult.transientFailure(503, "Service Unavailable", Duration.ofHours(1))
                : ScriptedTransport.ok());
        MemoryDelivery delivery = new MemoryDelivery(TestSettings.quick().flushInterval(Duration.ofMillis(20))
                .shutdownTimeout(timeout).build(), transport);
        GenericApplicationContext context = context(delivery);
        delivery.dispatcher.dispatch(event(1));
        await().until(() -> transport.requestCount() == failedBeforeStop && delivery.store.pendingCount() == 1);

        context.close();

        assertThat(transport.storedSeqs()).containsExactly(1);
        assertThat(transport.requestCount()).isEqualTo(failures + 1);
        assertThat(log.messages(Level.INFO)).containsExactly("Youshu delivery stopped with no event left undelivered");
        assertThat(delivery.statistics.snapshot().total().dropped()).isZero();
    }

    private static GenericApplicationContext context(MemoryDelivery delivery) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(MemoryDeliveryLifecycle.class, () -> delivery.lifecycle);
        context.refresh();
        return context;
    }
}
