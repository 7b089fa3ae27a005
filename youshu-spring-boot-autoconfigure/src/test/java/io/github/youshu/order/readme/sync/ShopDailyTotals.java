package io.github.youshu.order.readme.sync;

import io.github.youshu.order.OrderDailyTotals;
import io.github.youshu.order.OrderSum;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;

@Configuration
public class ShopDailyTotals {

    @Bean
    OrderDailyTotals orderDailyTotals(JdbcClient jdbc) {
        return day -> OrderSum.builder()
                // orders created that day, cancelled ones included
                .giveOrderAmountSum(sum(jdbc, "created_on", day))
                .giveOrderNumSum(count(jdbc, "created_on", day))
                // orders paid that day, later refunds included
                .paymentAmountSum(sum(jdbc, "paid_on", day))
                .payedNumSum(count(jdbc, "paid_on", day))
                .build();
    }

    private static BigDecimal sum(JdbcClient jdbc, String dayColumn, LocalDate day) {
        return jdbc.sql("SELECT COALESCE(SUM(payment_amount), 0) FROM shop_order WHERE " + dayColumn + " = ?")
                .param(day).query(BigDecimal.class).single();
    }

    private static int count(JdbcClient jdbc, String dayColumn, LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE " + dayColumn + " = ?")
                .param(day).query(Integer.class).single();
    }
}
