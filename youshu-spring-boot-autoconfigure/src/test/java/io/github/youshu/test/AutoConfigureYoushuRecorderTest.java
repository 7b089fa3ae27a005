package io.github.youshu.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.OutboundEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/** The way an application's own test uses the recorder: one annotation, then the recorder bean. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0", "youshu.from=test-shop"})
@AutoConfigureYoushuRecorder
class AutoConfigureYoushuRecorderTest {

    @Autowired
    private EventDispatcher dispatcher;

    @Autowired
    private YoushuRecorder recorder;

    @AfterEach
    void clear() {
        recorder.clear();
    }

    @Test
    void theAnnotatedTestSeesWhatWouldBeReported() {
        String json = "{\"type\":\"coupon_order\",\"props\":{\"coupon\":{\"order_id\":\"C9\",\"order_status\":\"give_order\"}}}";
        dispatcher.dispatch(new OutboundEvent("coupon_order", "C9", json.getBytes(StandardCharsets.UTF_8), Instant.now()));

        RecordedEvent event = recorder.awaitEvent("coupon_order", "C9");

        assertThat(event.status()).isEqualTo("give_order");
        assertThat(event.value("/props/coupon/order_id")).isEqualTo("C9");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
