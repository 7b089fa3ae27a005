package io.github.youshu.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.youshu.delivery.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.youshu.delivery.memory.DeadLetter;
import io.github.youshu.delivery.memory.MemoryDelivery;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay's failure classes against a WireMock Youshu through the real HTTP transport. */
class WireMockFailureClassesTest {

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

    /**
     * Issue 10 item 3: a wrong {@code youshu.app-secret} (the Kubernetes-Secret trailing newline,
     * which the startup check now refuses, or a rotated secret: the same kind) against a Youshu that
     * answers a bad signature with code 15 "merchant verification failed". Used to split 100 events
     * into 198 requests and dead-letter all 100; now nothing is split or dead-lettered, the failure
     * names the cause and the property to check, and the events go once Youshu accepts.
     */
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

    /**
     * Issue 15 item 5: an event that makes the server drop the connection, while it accepts every
     * other request. It used to be retried with its batch, each retry taking in the newest events,
     * so that a normal order sent after it was dead-lettered with it. Now only the poison waits and dies.
     */
    @Test
    void onlyThePoisonWaitsAndDiesAndANormalOrderSentAfterItIsDelivered() {
        youshu.server.stubFor(post(urlPathEqualTo(WireMockYoushu.PATH)).atPriority(10)
                .willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
        youshu.server.stubFor(post(urlPathEqualTo(WireMockYoushu.PATH)).atPriority(1)
                .withRequestBody(containing("\"seq\":1}"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        delivery = new MemoryDelivery(TestSettings.quick().batch(10, 100_000).flushInterval(Duration.ofMillis(100))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(100)).maxRetryDuration(Duration.ofSeconds(3)).build(),
                youshu.transport("s3cr3t-value")).start();

        IntStream.rangeClosed(1, 10).forEach(seq -> delivery.dispatcher.dispatch(event(seq)));
        await().until(() -> !youshu.requestSeqs().isEmpty());
        delivery.dispatcher.dispatch(event(11)); // a normal 9.90 order, sent after the poison

        await().atMost(Duration.ofSeconds(30)).until(() -> delivery.unsettled() == 0);
        assertThat(youshu.acceptedSeqs()).containsOnlyKeys(IntStream.rangeClosed(2, 11).boxed().toList())
                .allSatisfy((seq, times) -> assertThat(times).isOne());
        assertThat(delivery.deadLetters.list()).extracting(DeadLetter::event).extracting(OutboundEvent::orderId)
                .containsExactly("order-1");
        assertThat(youshu.requestSeqs()).as("no event joins a batch under suspicion")
                .filteredOn(seqs -> seqs.contains(1)).allSatisfy(seqs -> assertThat(seqs).doesNotContain(11));
        assertThat(youshu.requestSeqs()).contains(List.of(1)); // split down to the poison alone
    }
}
