package io.github.youshu.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.youshu.delivery.OutboundEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class YoushuRecorderTest {

    private final YoushuRecorder recorder = new YoushuRecorder(100, Duration.ofSeconds(5));

    @Test
    void recordsEventsWithTypeOrderIdStatusAndJson() throws IOException {
        recorder.record(golden("custom_order", "xxxx"));
        recorder.record(golden("coupon_order", "xxxx"));
        recorder.record(event("store_visit", null, "{\"type\":\"store_visit\",\"props\":{}}"));

        assertThat(recorder.events()).extracting(RecordedEvent::type).containsExactly("custom_order", "coupon_order", "store_visit");
        RecordedEvent custom = recorder.ofType("custom_order").get(0);
        assertThat(custom.orderId()).isEqualTo("xxxx");
        assertThat(custom.status()).isEqualTo("cancel_pay");
        assertThat(custom.json()).startsWith("{").contains("\"order_status\": \"cancel_pay\"");
        assertThat(recorder.ofOrder("coupon_order", "xxxx")).singleElement()
                .satisfies(coupon -> assertThat(coupon.status()).isEqualTo("cancel_pay"));
        assertThat(recorder.ofType("store_visit").get(0).status()).isNull();
        assertThat(recorder.ofOrder("custom_order", "other")).isEmpty();
    }

    @Test
    void valueReadsAJsonPointer() throws IOException {
        recorder.record(golden("coupon_order", "xxxx"));
        RecordedEvent event = recorder.events().get(0);

        assertThat(event.value("/props/coupon/pay_amt")).isEqualTo("9.00");
        assertThat(event.value("/props/wx_user/open_id")).isEqualTo("ogN6X0T-ilsH-XmIdzXtuR1f1r3Q");
        assertThat(event.value("/props/coupon_info")).isEqualTo("[{\"coupon_id\":\"xxxxx\"}]");
        assertThat(event.value("/props/nothing")).isNull();
    }

    @Test
    void awaitEventReturnsAnEventRecordedLaterByAnotherThread() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<RecordedEvent> awaited = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            return recorder.awaitEvent("custom_order", "SO123", Duration.ofSeconds(10));
        });
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        recorder.record(event("custom_order", "SO999", "{\"props\":{\"order\":{\"order_status\":\"pay\"}}}"));
        recorder.record(event("custom_order", "SO123", "{\"props\":{\"order\":{\"order_status\":\"payed\"}}}"));

        assertThat(awaited.get(10, TimeUnit.SECONDS).status()).isEqualTo("payed");
    }

    @Test
    void awaitEventReturnsTheFirstMatchAlreadyRecordedAtOnce() {
        recorder.record(event("custom_order", "SO1", "{\"props\":{\"order\":{\"order_status\":\"pay\"}}}"));
        recorder.record(event("custom_order", "SO1", "{\"props\":{\"order\":{\"order_status\":\"refund\"}}}"));

        assertThat(recorder.awaitEvent("custom_order", "SO1").status()).isEqualTo("pay");
        assertThat(recorder.awaitEvent(e -> "refund".equals(e.status()), Duration.ZERO).orderId()).isEqualTo("SO1");
    }

    @Test
    void aTimedOutWaitFailsListingWhatWasRecorded() {
        recorder.record(event("custom_order", "SO1", "{\"props\":{\"order\":{\"order_status\":\"pay\"}}}"));

        assertThatThrownBy(() -> recorder.awaitEvent("custom_order", "SO2", Duration.ofMillis(20)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Youshu recorder: no custom_order event for order SO2 was reported within PT0.02S; "
                        + "recorded: [custom_order SO1 pay]");
        recorder.clear();
        assertThatThrownBy(() -> recorder.awaitEvent(e -> true, Duration.ZERO)).hasMessageEndingWith("recorded: nothing");
    }

    @Test
    void clearForgetsAndTheOldestAreDroppedBeyondTheCapacity() {
        YoushuRecorder small = new YoushuRecorder(2, Duration.ofSeconds(1));
        for (int i = 1; i <= 3; i++) {
            small.record(event("custom_order", "SO" + i, "{}"));
        }
        assertThat(small.events()).extracting(RecordedEvent::orderId).containsExactly("SO2", "SO3");

        small.clear();
        assertThat(small.events()).isEmpty();
    }

    @Test
    void badLimitsAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new YoushuRecorder(0, Duration.ofSeconds(1))).hasMessageContaining("youshu.test.recorder-capacity");
        assertThatThrownBy(() -> new YoushuRecorder(1, Duration.ofSeconds(-1))).hasMessageContaining("youshu.test.await-timeout");
    }

    private static OutboundEvent event(String type, String orderId, String json) {
        return new OutboundEvent(type, orderId, json.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    private static OutboundEvent golden(String type, String orderId) throws IOException {
        try (InputStream in = YoushuRecorderTest.class.getResourceAsStream("/golden/" + type + ".json")) {
            return new OutboundEvent(type, orderId, in.readAllBytes(), Instant.now());
        }
    }
}
