package io.github.youshu.autoconfigure;

import io.github.youshu.dailytotals.DailyTotalsTable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@code youshu.orders.daily-totals.*}: defaults and the checks that name the property. */
class YoushuDailyTotalsPropertiesTest {

    private final YoushuDailyTotalsProperties properties = new YoushuDailyTotalsProperties();

    @Test
    void defaults() {
        assertThat(properties.isEnabled()).isTrue();
        assertThat(properties.getSendAt()).isEqualTo(LocalTime.of(1, 30));
        assertThat(properties.getCatchUpDays()).isEqualTo(3);
        assertThat(properties.getRetryInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.getTableName()).isEqualTo(DailyTotalsTable.DEFAULT_NAME);
        assertThat(properties.getInitializeSchema()).isEqualTo(YoushuDailyTotalsProperties.SchemaInitialization.EMBEDDED);
    }

    @Test
    void refusesValuesOutOfRangeNamingTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties.setSendAt(LocalTime.of(6, 0)))
                .withMessageContaining("youshu.orders.daily-totals.send-at '06:00' must be a local time before 06:00");
        assertThatIllegalArgumentException().isThrownBy(() -> properties.setCatchUpDays(32))
                .withMessageContaining("youshu.orders.daily-totals.catch-up-days 32 must be 0 to 31");
        assertThatIllegalArgumentException().isThrownBy(() -> properties.setRetryInterval(Duration.ofSeconds(5)))
                .withMessageContaining("youshu.orders.daily-totals.retry-interval 'PT5S' must be at least 1m");
        assertThatIllegalArgumentException().isThrownBy(() -> properties.setTableName("days; DROP TABLE x"))
                .withMessageContaining("youshu.orders.daily-totals.table-name 'days; DROP TABLE x' must be a plain SQL identifier");
    }
}
