package io.github.youshu.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.youshu.delivery.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.youshu.delivery.memory.DeadLetter;
import io.github.youshu.delivery.memory.MemoryDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue input: an event that makes the server drop the connection, while it accepts every other
 * request. It used to be retried with its batch, each retry taking in the newest events, so that a
 * normal order sent after it was dead-lettered with it. Now only the poison waits and dies.
 */
class PoisonEventTest {

    private final WireMockYoushu youshu = new WireMockYoushu();

    private MemoryDelivery delivery;

    @AfterEach
    void stop() {
        if (delivery != null) {
            delivery.close();
        }
        youshu.close();
    }

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
