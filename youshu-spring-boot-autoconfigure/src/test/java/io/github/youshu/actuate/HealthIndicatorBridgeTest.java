package io.github.youshu.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.youshu.actuate.HealthIndicatorBridge.HealthSnapshot;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthIndicatorBridgeTest {

    @Test
    void findsTheHealthIndicatorOfTheBootLineOnTheClasspath() {
        Class<?> type = HealthIndicatorBridge.indicatorType(getClass().getClassLoader());

        assertThat(type).isNotNull();
        assertThat(type.getSimpleName()).isEqualTo("HealthIndicator");
    }

    @Test
    void reportsTheCurrentSnapshotAsHealth() throws Exception {
        Class<?> type = HealthIndicatorBridge.indicatorType(getClass().getClassLoader());
        AtomicBoolean up = new AtomicBoolean(true);
        Object indicator = HealthIndicatorBridge.create(type, () -> new HealthSnapshot(up.get(), Map.of("queued", 3)),
                HealthIndicatorBridge.PROBLEM_STATUS);

        assertThat(type.isInstance(indicator)).isTrue();
        Object health = type.getMethod("health").invoke(indicator);
        assertThat(health.getClass().getMethod("getStatus").invoke(health)).hasToString("UP");
        Map<?, ?> details = (Map<?, ?>) health.getClass().getMethod("getDetails").invoke(health);
        assertThat(details.get("queued")).isEqualTo(3);

        up.set(false);
        Object down = type.getMethod("health").invoke(indicator);
        assertThat(down.getClass().getMethod("getStatus").invoke(down)).hasToString("DEGRADED");
        assertThat(indicator).hasToString("YoushuHealthIndicator");
    }

    @Test
    void reportsAProblemAsDownWhenAskedTo() throws Exception {
        Class<?> type = HealthIndicatorBridge.indicatorType(getClass().getClassLoader());
        Object indicator = HealthIndicatorBridge.create(type, () -> new HealthSnapshot(false, Map.of()),
                HealthIndicatorBridge.DOWN_STATUS);

        Object down = type.getMethod("health").invoke(indicator);
        assertThat(down.getClass().getMethod("getStatus").invoke(down)).hasToString("DOWN");
    }
}
