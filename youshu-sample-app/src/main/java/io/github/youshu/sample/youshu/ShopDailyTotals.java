package io.github.youshu.sample.youshu;

import io.github.youshu.order.OrderDailyTotals;
import io.github.youshu.order.OrderSum;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shop's own query for a day's totals, which the starter sends as {@code order/add_order_sum}
 * (data-api.md §7) every night for the previous day, and again on
 * {@code POST /actuator/youshudailytotals/{yyyy-MM-dd}}. The days are local to {@code youshu.zone}, as are
 * the shop's {@code created_on} and {@code paid_on} columns.
 */
@Configuration(proxyBeanMethods = false)
public class ShopDailyTotals {

    @Bean
    OrderDailyTotals orderDailyTotals(JdbcClient jdbc) {
        return day -> OrderSum.builder()
                // orders placed that day, cancelled ones included: what they are to pay
                .giveOrderAmountSum(sum(jdbc, "created_on", day))
                .giveOrderNumSum(count(jdbc, "created_on", day))
                // orders paid that day, later refunds included
                .paymentAmountSum(sum(jdbc, "paid_on", day))
                .payedNumSum(count(jdbc, "paid_on", day))
                .build();
    }

    private static BigDecimal sum(JdbcClient jdbc, String dayColumn, LocalDate day) {
        return jdbc.sql("SELECT COALESCE(SUM(payable), 0) FROM shop_order WHERE " + dayColumn + " = ?")
                .param(day).query(BigDecimal.class).single();
    }

    private static int count(JdbcClient jdbc, String dayColumn, LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE " + dayColumn + " = ?")
                .param(day).query(Integer.class).single();
    }
}
