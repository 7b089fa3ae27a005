package io.github.youshu.actuate;

import io.github.youshu.autoconfigure.YoushuConfigurationException;
import io.github.youshu.delivery.RecentDrops;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code youshu} health indicator and actuator endpoint, under the
 * {@code youshu.actuator} prefix.
 */
@ConfigurationProperties("youshu.actuator")
public class YoushuActuatorProperties {

    /** Whether a Youshu problem reports the youshu health DOWN, which turns the application's aggregate health (and every health group holding youshu) DOWN and /actuator/health into HTTP 503. By default a problem reports DEGRADED, which Spring Boot leaves out of the aggregate: the application stays UP. */
    private boolean affectsAggregateHealth = false;

    /** How many requests to Youshu in a row must fail transiently (timeout, 5xx, 429) for the youshu health to report a problem. */
    private int downAfterFailures = 3;

    /** Share of youshu.delivery.queue-capacity in use (queued, waiting for a retry or in flight) above which the youshu health reports a problem, between 0 and 1. */
    private double downAboveQueueUsage = 0.9;

    /** How long events dropped as invalid or dead-lettered keep the youshu health reporting a problem (naming them), at most 60m. */
    private Duration recentDropsWindow = Duration.ofMinutes(15);

    /** Most dead letters the youshu endpoint lists, newest first. */
    private int deadLettersShown = 100;

    public boolean isAffectsAggregateHealth() {
        return affectsAggregateHealth;
    }

    public void setAffectsAggregateHealth(boolean affectsAggregateHealth) {
        this.affectsAggregateHealth = affectsAggregateHealth;
    }

    public int getDownAfterFailures() {
        return downAfterFailures;
    }

    public void setDownAfterFailures(int downAfterFailures) {
        this.downAfterFailures = downAfterFailures;
    }

    public double getDownAboveQueueUsage() {
        return downAboveQueueUsage;
    }

    public void setDownAboveQueueUsage(double downAboveQueueUsage) {
        this.downAboveQueueUsage = downAboveQueueUsage;
    }

    public Duration getRecentDropsWindow() {
        return recentDropsWindow;
    }

    public void setRecentDropsWindow(Duration recentDropsWindow) {
        this.recentDropsWindow = recentDropsWindow;
    }

    public int getDeadLettersShown() {
        return deadLettersShown;
    }

    public void setDeadLettersShown(int deadLettersShown) {
        this.deadLettersShown = deadLettersShown;
    }

    /** Rejects values that cannot work, naming the property. */
    void validate() {
        if (downAfterFailures < 1) {
            throw invalid("youshu.actuator.down-after-failures must be at least 1 (was " + downAfterFailures + ")");
        }
        if (!(downAboveQueueUsage > 0 && downAboveQueueUsage <= 1)) {
            throw invalid("youshu.actuator.down-above-queue-usage must be greater than 0 and at most 1 (was "
                    + downAboveQueueUsage + ")");
        }
        if (recentDropsWindow == null || recentDropsWindow.compareTo(Duration.ofMinutes(1)) < 0
                || recentDropsWindow.compareTo(RecentDrops.MAX_WINDOW) > 0) {
            throw invalid("youshu.actuator.recent-drops-window must be between 1m and 60m (was " + recentDropsWindow + ")");
        }
        if (deadLettersShown < 0) {
            throw invalid("youshu.actuator.dead-letters-shown must not be negative (was " + deadLettersShown + ")");
        }
    }

    private static YoushuConfigurationException invalid(String description) {
        return YoushuConfigurationException.invalidSetting(description, "Correct the youshu.actuator.* setting named above.",
                null);
    }
}
