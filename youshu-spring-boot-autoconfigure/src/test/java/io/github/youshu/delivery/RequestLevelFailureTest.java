package io.github.youshu.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.youshu.delivery.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.IntStream;

import io.github.youshu.delivery.memory.MemoryDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue input: a wrong {@code youshu.app-secret} (the Kubernetes-Secret trailing newline, which the
 * startup check now refuses, or a rotated secret: the same kind) against a Youshu that answers a
 * bad signature with code 15 "merchant verification failed". Used to split 100 events into 198
 * requests and dead-letter all 100; now nothing is split or dead-lettered, health names the cause,
 * and the events go once Youshu accepts.
 */
class RequestLevelFailureTest {

    private final WireMockYoushu youshu = new WireMockYoushu();

    private final RecordingListener listener = new RecordingListener();

    private MemoryDelivery delivery;

    @AfterEach
    void stop() {
        if (delivery != null) {
            delivery.close();
        }
        youshu.close();
    }

    @Test
    void aBadSignatureNeitherSplitsNorDeadLettersAndTheEventsGoOnceYoushuAccepts() {
        youshu.server.stubFor(post(urlPathEqualTo(WireMockYoushu.PATH))
                .willReturn(okJson("{\"code\":15,\"msg\":\"merchant verification failed\"}")));
        delivery = new MemoryDelivery(TestSettings.quick().flushInterval(Duration.ofMillis(500))
                .backoff(Duration.ofMillis(20), Duration.ofMillis(200)).build(),
                youshu.transport("s3cr3t-value-rotated"), listener).start();

        IntStream.rangeClosed(1, 100).forEach(seq -> delivery.dispatcher.dispatch(event(seq)));
        await().until(() -> youshu.requestSeqs().size() >= 6);

        assertThat(delivery.relay.requestFailureState().current()).hasValueSatisfying(failure -> {
            assertThat(failure.cause()).isEqualTo("HTTP 200, code 15: merchant verification failed");
            assertThat(failure.checkProperty()).isEqualTo("youshu.app-id, youshu.app-secret");
        });
        assertThat(delivery.deadLetters.list()).isEmpty();
        youshu.server.resetMappings();
        youshu.server.stubFor(post(urlPathEqualTo(WireMockYoushu.PATH)).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));

        await().until(() -> delivery.unsettled() == 0);
        assertThat(youshu.requestSeqs()).as("no batch was split").allSatisfy(seqs -> assertThat(seqs).hasSize(50));
        assertThat(youshu.acceptedSeqs()).hasSize(100).allSatisfy((seq, times) -> assertThat(times).isOne());
        assertThat(delivery.deadLetters.list()).isEmpty();
        assertThat(listener.deadLettered).isEmpty();
        assertThat(delivery.statistics.snapshot().total()).isEqualTo(new DeliveryStatistics.EventCounts(100, 100, 0, 0, 0));
        assertThat(delivery.relay.requestFailureState().current()).isEmpty();
    }
}
