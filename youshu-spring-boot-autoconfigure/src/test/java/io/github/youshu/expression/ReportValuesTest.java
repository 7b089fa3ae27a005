package io.github.youshu.expression;

import io.github.youshu.event.OrderStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReportValuesTest {

    private static final ZoneId UTC_PLUS_8 = ZoneId.of("Asia/Shanghai");

    @Test
    void convertsTimes() {
        long millis = Instant.parse("2024-06-01T00:00:00Z").toEpochMilli();
        assertThat(ReportValues.epochMillis(millis, UTC_PLUS_8)).isEqualTo(millis);
        assertThat(ReportValues.epochMillis(BigInteger.valueOf(millis), UTC_PLUS_8)).isEqualTo(millis);
        assertThat(ReportValues.epochMillis(LocalDateTime.of(2024, 6, 1, 8, 0), UTC_PLUS_8)).isEqualTo(millis);
        assertThat(ReportValues.epochMillis(LocalDateTime.of(2024, 6, 1, 0, 0), ZoneId.of("UTC"))).isEqualTo(millis);
        assertThat(ReportValues.epochMillis(null, UTC_PLUS_8)).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> ReportValues.epochMillis(LocalDate.of(2024, 6, 1), UTC_PLUS_8))
                .withMessage("expected a time (epoch milliseconds, Instant, Date, OffsetDateTime, ZonedDateTime or LocalDateTime) "
                        + "but got java.time.LocalDate");
        assertThatIllegalArgumentException().isThrownBy(() -> ReportValues.epochMillis(1.5d, UTC_PLUS_8))
                .withMessageContaining("whole number");
    }

    @Test
    void convertsAmountsExactly() {
        assertThat(ReportValues.amount(30.3d)).isEqualTo(new BigDecimal("30.3"));
        assertThat(ReportValues.amount(30.3f)).isEqualTo(new BigDecimal("30.3"));
        assertThat(ReportValues.amount(9)).isEqualTo(new BigDecimal("9"));
        assertThat(ReportValues.amount("9.00")).isEqualTo(new BigDecimal("9.00"));
        assertThat(ReportValues.amount(new BigDecimal("1.005"))).isEqualTo(new BigDecimal("1.005"));
        assertThatIllegalArgumentException().isThrownBy(() -> ReportValues.amount("nine"))
                .withMessage("expected an amount but got java.lang.String 'nine'");
        assertThatIllegalArgumentException().isThrownBy(() -> ReportValues.amount(List.of(1)))
                .withMessageStartingWith("expected an amount (a number) but got java.util.");
    }

    @Test
    void convertsScenesStatusesAndTexts() {
        assertThat(ReportValues.scene(1037L)).isEqualTo(1037);
        assertThat(ReportValues.scene("1037")).isEqualTo(1037);
        assertThatIllegalArgumentException().isThrownBy(() -> ReportValues.scene("abc"));
        assertThat(ReportValues.orderStatus("payed")).isEqualTo(OrderStatus.PAYED);
        assertThat(ReportValues.orderStatus(OrderStatus.REFUND)).isEqualTo(OrderStatus.REFUND);
        assertThatIllegalArgumentException().isThrownBy(() -> ReportValues.orderStatus("paid"))
                .withMessageContaining("allowed values");
        assertThat(ReportValues.text(12345L)).isEqualTo("12345");
        assertThat(ReportValues.text(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThatIllegalArgumentException().isThrownBy(() -> ReportValues.text(List.of("a")))
                .withMessageStartingWith("expected a text value");
    }
}
