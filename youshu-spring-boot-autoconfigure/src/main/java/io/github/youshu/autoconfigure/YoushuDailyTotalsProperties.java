package io.github.youshu.autoconfigure;

import io.github.youshu.dailytotals.DailyTotalsTable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.LocalTime;

/**
 * The daily totals ({@code order/add_order_sum}, data-api.md §7), under
 * {@code youshu.orders.daily-totals}. They are sent only when the application declares an
 * {@code OrderDailyTotals} bean. Setters check their value, so that a wrong setting fails binding
 * with a message naming the property.
 */
@ConfigurationProperties("youshu.orders.daily-totals")
public class YoushuDailyTotalsProperties {

    /** When the table is created, like spring.sql.init.mode. */
    public enum SchemaInitialization {
        /** Only for embedded databases (H2). */
        EMBEDDED,
        /** For every database; the scripts are idempotent. */
        ALWAYS,
        /** Never: the application manages the table (e.g. with Flyway or Liquibase). */
        NEVER
    }

    /** Whether the previous day's totals are sent when the application declares an OrderDailyTotals bean. */
    private boolean enabled = true;

    /** Local time of day (in youshu.zone) at which the previous day's totals are sent; Youshu wants them by 06:00. */
    private LocalTime sendAt = LocalTime.of(1, 30);

    /** How many days before the latest due day are sent late when they were missed (application down at send-at), 0 to 31. */
    private int catchUpDays = 3;

    /** How long after a run that could not send the latest due day (query, database or validation failure) the next one starts. */
    private Duration retryInterval = Duration.ofMinutes(10);

    /** Table recording the days sent, shared by every instance on the database so that each day is sent once. */
    private String tableName = "youshu_order_sum_day";

    /** When the days table is created from the script shipped in the jar: embedded (H2 only), always, or never. */
    private SchemaInitialization initializeSchema = SchemaInitialization.EMBEDDED;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public LocalTime getSendAt() {
        return sendAt;
    }

    /**
     * @throws IllegalArgumentException when not before 06:00 (Youshu's deadline) or {@code null}
     */
    public void setSendAt(LocalTime sendAt) {
        if (sendAt == null || !sendAt.isBefore(LocalTime.of(6, 0))) {
            throw new IllegalArgumentException("youshu.orders.daily-totals.send-at '" + sendAt
                    + "' must be a local time before 06:00, Youshu's deadline for the previous day's totals (e.g. 01:30)");
        }
        this.sendAt = sendAt;
    }

    public int getCatchUpDays() {
        return catchUpDays;
    }

    /**
     * @throws IllegalArgumentException when not within 0 to 31
     */
    public void setCatchUpDays(int catchUpDays) {
        if (catchUpDays < 0 || catchUpDays > 31) {
            throw new IllegalArgumentException("youshu.orders.daily-totals.catch-up-days " + catchUpDays + " must be 0 to 31");
        }
        this.catchUpDays = catchUpDays;
    }

    public Duration getRetryInterval() {
        return retryInterval;
    }

    /**
     * @throws IllegalArgumentException when shorter than one minute
     */
    public void setRetryInterval(Duration retryInterval) {
        if (retryInterval == null || retryInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("youshu.orders.daily-totals.retry-interval '" + retryInterval
                    + "' must be at least 1m");
        }
        this.retryInterval = retryInterval;
    }

    public String getTableName() {
        return tableName;
    }

    /**
     * @throws IllegalArgumentException when not a plain SQL identifier
     */
    public void setTableName(String tableName) {
        this.tableName = DailyTotalsTable.checkName(tableName);
    }

    public SchemaInitialization getInitializeSchema() {
        return initializeSchema;
    }

    public void setInitializeSchema(SchemaInitialization initializeSchema) {
        this.initializeSchema = initializeSchema;
    }
}
