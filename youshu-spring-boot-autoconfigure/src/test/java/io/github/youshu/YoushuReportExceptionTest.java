package io.github.youshu;

import io.github.youshu.validation.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class YoushuReportExceptionTest {

    @Test
    void invalidEventMessageNamesTypeOrderIdAndEveryViolation() {
        List<Violation> violations = List.of(
                new Violation("props.sub_orders[0].pay_amt", "must be >= 0"),
                new Violation("props.page", "must not start with '/'"));

        YoushuReportException e = new YoushuReportException("custom_order", "o-1001", violations);

        assertThat(e).hasMessage("Youshu event custom_order (order_id o-1001) is invalid: "
                + "props.sub_orders[0].pay_amt: must be >= 0; props.page: must not start with '/'");
        assertThat(e.eventType()).isEqualTo("custom_order");
        assertThat(e.orderId()).isEqualTo("o-1001");
        assertThat(e.violations()).isEqualTo(violations);
        assertThat(e).hasNoCause();
    }

    @Test
    void failureWithoutViolationsCarriesMessageAndCause() {
        IllegalStateException cause = new IllegalStateException("EL1008E: Property 'amount' cannot be found");

        YoushuReportException e = new YoushuReportException("coupon_order", null, "expression #order.amount failed", cause);

        assertThat(e).hasMessage("Youshu event coupon_order (no order_id): expression #order.amount failed");
        assertThat(e).hasCause(cause);
        assertThat(e.violations()).isEmpty();
        assertThat(e.orderId()).isNull();
    }

    @Test
    void aBlankOrderIdIsNamedAsBlank() {
        YoushuReportException e = new YoushuReportException("custom_order", " ",
                List.of(new Violation("props.order.order_id", "must not be blank")));

        assertThat(e).hasMessage("Youshu event custom_order (blank order_id) is invalid: props.order.order_id: must not be blank");
    }
}
