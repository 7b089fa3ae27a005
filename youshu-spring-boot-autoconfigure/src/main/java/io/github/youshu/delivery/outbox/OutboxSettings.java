package io.github.youshu.delivery.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of the JDBC outbox ({@code youshu.outbox.*}).
 *
 * @param tableName        name of the outbox table; a plain SQL identifier (letters, digits and
 *                         underscores, not starting with a digit, at most 48 characters) because
 *                         it is written into SQL statements
 * @param initializeSchema when to create the table and its index at startup
 * @param leaseDuration    how long a claimed event stays with the relay that claimed it; after
 *                         that another relay may claim it (a relay that died). Must be longer than
 *                         a request timeout plus the time to split a rejected batch
 * @param pollInterval     how often the relay looks for due events (the outbox cannot signal
 *                         events appended by other instances)
 * @param retention        how long delivered events are kept (status {@code done}) before a purge
 *                         deletes them; {@link Duration#ZERO} deletes them at once
 * @param maxRetryDuration how long after its creation an event may still be retried before the
 *                         relay moves it to the dead letters; {@code null} retries without limit
 *                         (an outage of days must not lose a paid order)
 */
public record OutboxSettings(
        String tableName,
        SchemaInitialization initializeSchema,
        Duration leaseDuration,
        Duration pollInterval,
        Duration retention,
        Duration maxRetryDuration) {

    /** The default table name. */
    public static final String DEFAULT_TABLE_NAME = "youshu_outbox";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,47}");

    /** When the outbox table is created, like {@code spring.sql.init.mode}. */
    public enum SchemaInitialization {
        /** Only for embedded databases (H2, HSQLDB, Derby). */
        EMBEDDED,
        /** For every database; the scripts are idempotent. */
        ALWAYS,
        /** Never: the application manages the table (e.g. with Flyway or Liquibase). */
        NEVER
    }

    public OutboxSettings {
        Objects.requireNonNull(tableName, "tableName");
        if (!IDENTIFIER.matcher(tableName).matches()) {
            throw new IllegalArgumentException("youshu.outbox.table-name '" + tableName
                    + "' is not a plain SQL identifier: use letters, digits and underscores,"
                    + " not starting with a digit, at most 48 characters");
        }
        Objects.requireNonNull(initializeSchema, "initializeSchema");
        requirePositive("lease-duration", leaseDuration);
        requirePositive("poll-interval", pollInterval);
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("youshu.outbox.retention must not be negative, was " + retention);
        }
        if (maxRetryDuration != null) {
            requirePositive("max-retry-duration", maxRetryDuration);
        }
    }

    /**
     * The defaults: table {@code youshu_outbox}, schema created for embedded databases only,
     * 60 s lease, 1 s poll interval, delivered events deleted at once, retries without limit.
     */
    public static OutboxSettings defaults() {
        return new OutboxSettings(DEFAULT_TABLE_NAME, SchemaInitialization.EMBEDDED,
                Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ZERO, null);
    }

    private static void requirePositive(String property, Duration value) {
        Objects.requireNonNull(value, property);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("youshu.outbox." + property + " must be positive, was " + value);
        }
    }
}
