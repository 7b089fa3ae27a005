package io.github.youshu.actuate;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.DeliveryStatistics.EventCounts;
import io.github.youshu.delivery.EventStore;
import io.github.youshu.delivery.RecentDrops;
import io.github.youshu.delivery.memory.DeadLetter;
import io.github.youshu.delivery.memory.MemoryEventStore;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code youshu} actuator endpoint: event counts per type and outcome, the queue, and the dead
 * letters with their events (user ids masked, never a secret). {@code POST} re-sends the dead
 * letters, {@code DELETE} purges them. Expose it with
 * {@code management.endpoints.web.exposure.include=health,youshu} (and secure it like any
 * actuator endpoint that changes state).
 */
@Endpoint(id = "youshu")
public class YoushuEndpoint {

    private final DeliveryStatistics statistics;

    private final EventStore store;

    private final int queueCapacity;

    private final YoushuDeadLetters deadLetters;

    private final int deadLettersShown;

    private final RecentDrops recentDrops;

    private final UserIdMasking masking = new UserIdMasking();

    /**
     * @param deadLetters      the dead letters, or {@code null} when the event store offers none
     * @param deadLettersShown most dead letters {@link #report()} lists
     * @param recentDrops      the recently dropped events {@link #report()} lists
     */
    public YoushuEndpoint(DeliveryStatistics statistics, EventStore store, int queueCapacity,
            YoushuDeadLetters deadLetters, int deadLettersShown, RecentDrops recentDrops) {
        this.statistics = statistics;
        this.store = store;
        this.queueCapacity = queueCapacity;
        this.deadLetters = deadLetters;
        this.deadLettersShown = deadLettersShown;
        this.recentDrops = recentDrops;
    }

    /** What delivery counted, what it holds, the recently dropped events and the newest dead letters. */
    @ReadOperation
    public Report report() {
        Long inFlight = store instanceof MemoryEventStore memory ? memory.inFlightCount() : null;
        Queue queue = new Queue(store.pendingCount(), inFlight, queueCapacity > 0 ? queueCapacity : null);
        DeliveryStatistics.Snapshot snapshot = statistics.snapshot();
        DeadLetterList letters = null;
        if (deadLetters != null) {
            List<DeadLetterView> shown = deadLetters.list(deadLettersShown).stream().map(this::view).toList();
            letters = new DeadLetterList(deadLetters.count(), shown);
        }
        List<DroppedEventView> drops = recentDrops.newestFirst().stream().map(drop -> new DroppedEventView(drop.type(),
                drop.orderId(), drop.outcome(), drop.reason(), drop.at().toString(), drop.user())).toList();
        return new Report(snapshot.byType(), snapshot.total(), queue, drops, letters);
    }

    /** Hands every dead letter back to delivery. */
    @WriteOperation
    public Resent resend() {
        if (deadLetters == null) {
            return new Resent(0, 0);
        }
        int requeued = deadLetters.resendAll();
        return new Resent(requeued, deadLetters.count());
    }

    /** Deletes every dead letter. */
    @DeleteOperation
    public Purged purge() {
        return new Purged(deadLetters == null ? 0 : deadLetters.purge());
    }

    private DeadLetterView view(DeadLetter letter) {
        return new DeadLetterView(letter.event().type(), letter.event().orderId(), letter.reason(), letter.at().toString(),
                masking.masked(letter.event().json()));
    }

    /**
     * @param events      the counts per event type
     * @param total       the counts of all types together
     * @param queue       what delivery holds now
     * @param recentDrops the most recently dropped events (invalid, dropped, dead-lettered), newest
     *                    first, at most {@code youshu.delivery.recent-drops-kept}
     * @param deadLetters the dead letters, {@code null} when the event store offers none
     */
    public record Report(Map<String, EventCounts> events, EventCounts total, Queue queue,
            List<DroppedEventView> recentDrops, @JsonInclude(JsonInclude.Include.NON_NULL) DeadLetterList deadLetters) {
    }

    /**
     * What delivery holds; a value the store cannot give is left out of the JSON (the outbox has
     * neither an in-flight count nor a capacity).
     *
     * @param queued   events waiting for delivery or for a retry
     * @param inFlight events being sent now ({@code null} when the store cannot tell)
     * @param capacity {@code youshu.delivery.queue-capacity}; {@code null} for the outbox, whose table has no capacity
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Queue(long queued, Long inFlight, Integer capacity) {
    }

    /**
     * @param type    the event type
     * @param orderId the order id, {@code null} when it has none or it could not be evaluated
     * @param outcome {@code invalid}, {@code dropped} or {@code dead_lettered}
     * @param reason  why it was dropped
     * @param at      when (ISO-8601)
     * @param user    the masked open id (else user id), e.g. {@code ogN6X0T***}, or {@code null}
     */
    public record DroppedEventView(String type, String orderId, String outcome, String reason, String at, String user) {
    }

    /**
     * @param count  how many dead letters are kept
     * @param newest the newest, at most {@code youshu.actuator.dead-letters-shown}
     */
    public record DeadLetterList(long count, List<DeadLetterView> newest) {
    }

    /**
     * @param type           the event type
     * @param orderId        the order id, {@code null} for events without one
     * @param reason         Youshu's rejection, or the last failure before the retries ran out
     * @param deadLetteredAt when it was dead-lettered (ISO-8601)
     * @param event          the event as sent, open_id, union_id and user_id masked
     */
    public record DeadLetterView(String type, String orderId, String reason, String deadLetteredAt,
            Map<String, Object> event) {
    }

    /**
     * @param requeued    how many dead letters went back to delivery
     * @param deadLetters how many dead letters are left
     */
    public record Resent(int requeued, long deadLetters) {
    }

    /** @param purged how many dead letters were deleted */
    public record Purged(int purged) {
    }
}
