package io.github.youshu.order;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Objects;

/**
 * A time of a data-api item, written as a string of 13 digits: epoch milliseconds (data-api.md §3).
 * Either an instant (from epoch milliseconds, {@link Instant}, {@link OffsetDateTime} or
 * {@link ZonedDateTime}) or a {@link LocalDateTime} that {@link OrderJsonSerializer} resolves in the
 * merchant's zone ({@code youshu.zone}) when it writes the item. Immutable.
 */
public final class DataApiTime {

    private final Instant instant;
    private final LocalDateTime localDateTime;

    private DataApiTime(Instant instant, LocalDateTime localDateTime) {
        this.instant = instant;
        this.localDateTime = localDateTime;
    }

    /** The instant {@code epochMillis} milliseconds after 1970-01-01T00:00Z. */
    public static DataApiTime ofEpochMilli(long epochMillis) {
        return new DataApiTime(Instant.ofEpochMilli(epochMillis), null);
    }

    /**
     * The given time: an {@link Instant}, {@link OffsetDateTime} or {@link ZonedDateTime} (an
     * instant), or a {@link LocalDateTime} (resolved in the merchant's zone when written).
     *
     * @throws NullPointerException     when {@code time} is {@code null}
     * @throws IllegalArgumentException naming the accepted types when {@code time} is of another type
     *                                  (e.g. a {@link LocalDate}: use {@link #startOf(LocalDate)})
     */
    public static DataApiTime of(Temporal time) {
        Objects.requireNonNull(time, "time");
        if (time instanceof Instant value) {
            return new DataApiTime(value, null);
        }
        if (time instanceof OffsetDateTime value) {
            return new DataApiTime(value.toInstant(), null);
        }
        if (time instanceof ZonedDateTime value) {
            return new DataApiTime(value.toInstant(), null);
        }
        if (time instanceof LocalDateTime value) {
            return new DataApiTime(null, value);
        }
        throw new IllegalArgumentException("A data-api time must be an Instant, OffsetDateTime, ZonedDateTime, "
                + "LocalDateTime or epoch milliseconds, not a " + time.getClass().getSimpleName());
    }

    /** {@link #of(Temporal)}, or {@code null} for {@code null} (builders' optional times). */
    static DataApiTime ofNullable(Temporal time) {
        return time == null ? null : of(time);
    }

    /** The local midnight that starts {@code date}, resolved in the merchant's zone when written. */
    public static DataApiTime startOf(LocalDate date) {
        return new DataApiTime(null, Objects.requireNonNull(date, "date").atStartOfDay());
    }

    /** Epoch milliseconds of this time, a {@link LocalDateTime} taken in {@code zone}. */
    public long toEpochMilli(ZoneId zone) {
        if (instant != null) {
            return instant.toEpochMilli();
        }
        return localDateTime.atZone(zone).toInstant().toEpochMilli();
    }

    /** Whether this time is a {@link LocalDateTime}, resolved in the merchant's zone when written. */
    public boolean isLocal() {
        return localDateTime != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataApiTime that
                && Objects.equals(instant, that.instant) && Objects.equals(localDateTime, that.localDateTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(instant, localDateTime);
    }

    /** The epoch milliseconds of an instant, or the local date-time followed by {@code (local)}. */
    @Override
    public String toString() {
        return instant != null ? Long.toString(instant.toEpochMilli()) : localDateTime + " (local)";
    }
}
