package io.github.youshu.delivery.outbox;

import java.time.Instant;

/**
 * An event in the outbox's dead letters: rejected by Youshu, or out of retries.
 *
 * @param id        the row id, for {@link OutboxDeadLetters#resend} and {@link OutboxDeadLetters#purge}
 * @param type      the Youshu event type
 * @param orderId   the order id, or {@code null}
 * @param createdAt when the event was accepted by the library
 * @param deadAt    when it went to the dead letters
 * @param attempts  how many send attempts were made
 * @param lastError why the last attempt failed
 * @param json      the event as sent to Youshu
 */
public record DeadLetter(long id, String type, String orderId, Instant createdAt, Instant deadAt, int attempts,
        String lastError, String json) {
}
