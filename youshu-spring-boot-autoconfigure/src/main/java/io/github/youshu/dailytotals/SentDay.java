package io.github.youshu.dailytotals;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A day whose totals were handed to delivery.
 *
 * @param day      the local day ({@code youshu.zone}) the totals are of ({@code ref_date})
 * @param sentAt   when they were handed to delivery
 * @param instance the instance that did it
 */
public record SentDay(LocalDate day, Instant sentAt, String instance) {
}
