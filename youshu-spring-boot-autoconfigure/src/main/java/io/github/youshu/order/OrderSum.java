package io.github.youshu.order;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The totals of one day, the item of {@code order/add_order_sum} (data-api.md §7), sent once a day
 * for the previous day by 06:00 local time. Every field is required.
 *
 * <pre>{@code
 * OrderSum yesterday = OrderSum.builder()
 *         .refDate(LocalDate.of(2023, 11, 15))
 *         .giveOrderAmountSum(new BigDecimal("1024.50")).giveOrderNumSum(12)
 *         .paymentAmountSum(new BigDecimal("880.00")).payedNumSum(10)
 *         .build();
 * }</pre>
 *
 * @param refDate            {@code ref_date}: the local midnight that starts the day, in the merchant's
 *                           zone ({@code youshu.zone})
 * @param giveOrderAmountSum {@code give_order_amount_sum}: Σ {@code payment_amount} of the orders created
 *                           that day, cancelled ones included
 * @param giveOrderNumSum    {@code give_order_num_sum}: the number of those orders, at least 0
 * @param paymentAmountSum   {@code payment_amount_sum}: Σ {@code payment_amount} of the orders paid that
 *                           day, later refunds included
 * @param payedNumSum        {@code payed_num_sum}: the number of those orders, at least 0
 */
public record OrderSum(DataApiTime refDate, @Money BigDecimal giveOrderAmountSum, Integer giveOrderNumSum,
                       @Money BigDecimal paymentAmountSum, Integer payedNumSum) implements DataApiItem {

    /** {@link DataApiEndpoint#ADD_ORDER_SUM}. */
    @Override
    public DataApiEndpoint endpoint() {
        return DataApiEndpoint.ADD_ORDER_SUM;
    }

    /** {@code null}: daily totals concern no single order. */
    @Override
    public String orderId() {
        return null;
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these totals. */
    public Builder toBuilder() {
        Builder builder = new Builder().giveOrderAmountSum(giveOrderAmountSum).paymentAmountSum(paymentAmountSum);
        builder.refDate = refDate;
        builder.giveOrderNumSum = giveOrderNumSum;
        builder.payedNumSum = payedNumSum;
        return builder;
    }

    /** Builds an {@link OrderSum}. */
    public static final class Builder {
        private DataApiTime refDate;
        private BigDecimal giveOrderAmountSum;
        private Integer giveOrderNumSum;
        private BigDecimal paymentAmountSum;
        private Integer payedNumSum;

        private Builder() {
        }

        /** {@code ref_date}: the day, written as its local midnight in the merchant's zone. */
        public Builder refDate(LocalDate day) {
            this.refDate = day == null ? null : DataApiTime.startOf(day);
            return this;
        }

        /** {@code give_order_amount_sum}, yuan. */
        public Builder giveOrderAmountSum(BigDecimal giveOrderAmountSum) {
            this.giveOrderAmountSum = giveOrderAmountSum;
            return this;
        }

        /** {@code give_order_num_sum}. */
        public Builder giveOrderNumSum(Integer giveOrderNumSum) {
            this.giveOrderNumSum = giveOrderNumSum;
            return this;
        }

        /** {@code payment_amount_sum}, yuan. */
        public Builder paymentAmountSum(BigDecimal paymentAmountSum) {
            this.paymentAmountSum = paymentAmountSum;
            return this;
        }

        /** {@code payed_num_sum}. */
        public Builder payedNumSum(Integer payedNumSum) {
            this.payedNumSum = payedNumSum;
            return this;
        }

        /** The {@link OrderSum} of the values set; checks no rule (see {@code OrderValidator}). */
        public OrderSum build() {
            return new OrderSum(refDate, giveOrderAmountSum, giveOrderNumSum, paymentAmountSum, payedNumSum);
        }
    }
}
