package io.github.youshu.delivery.memory;

import java.time.Instant;

import io.github.youshu.delivery.OutboundEvent;

/**
 * An event that will never be sent.
 *
 * @param event  the event
 * @param reason why: Youshu's rejection, or the last failure before the retries ran out
 * @param at     when it was dead-lettered
 */
public record DeadLetter(OutboundEvent event, String reason, Instant at) {
}
