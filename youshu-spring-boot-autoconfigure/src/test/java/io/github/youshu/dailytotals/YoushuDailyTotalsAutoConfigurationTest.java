package io.github.youshu.dailytotals;

import io.github.youshu.RecordingYoushuOrders;
import io.github.youshu.actuate.YoushuDailyTotalsEndpoint;
import io.github.youshu.autoconfigure.YoushuDailyTotalsAutoConfiguration;
import io.github.youshu.autoconfigure.YoushuProperties;
import io.github.youshu.order.OrderDailyTotals;
import io.github.youshu.order.OrderSum;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** When the daily totals are wired, and how they back off. */
class YoushuDailyTotalsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YoushuDailyTotalsAutoConfiguration.class))
            .withUserConfiguration(ZoneProperties.class)
            .withPropertyValues("youshu.zone=Asia/Shanghai")
            .withBean(SettableClock.class, () -> new SettableClock(DailyTotalsSenderTest.at(2024, 6, 5, 2, 0)));

    private final OrderDailyTotals totals = DailyTotalsSenderTest::totalsOf;

    @Test
    void withoutAnOrderDailyTotalsBeanNothingIsWired() {
        runner.withBean(RecordingYoushuOrders.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DailyTotalsSender.class).doesNotHaveBean(DailyTotalsScheduler.class);
        });
    }

    @Test
    void withoutADataSourceEachInstanceKeepsTheDaysInMemoryAndSendsAtStart() {
        runner.withBean(RecordingYoushuOrders.class).withBean(OrderDailyTotals.class, () -> totals).run(context -> {
            assertThat(context.getBean(SentDays.class)).isInstanceOf(MemorySentDays.class);
            assertThat(context.getBean(DailyTotalsScheduler.class).isRunning()).isTrue();
            DailyTotalsSender sender = context.getBean(DailyTotalsSender.class);
            await().until(() -> sender.runs() >= 1);
            assertThat(context.getBean(RecordingYoushuOrders.class).itemsOf(OrderSum.class)).hasSize(1);
        });
    }

    @Test
    void withoutYoushuOrdersTheSchedulerBacksOff() {
        runner.withBean(OrderDailyTotals.class, () -> totals).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DailyTotalsScheduler.class).isRunning()).isFalse();
            assertThat(context.getBean(DailyTotalsSender.class).runs()).isZero();
        });
    }

    @Test
    void canBeSwitchedOff() {
        runner.withBean(RecordingYoushuOrders.class).withBean(OrderDailyTotals.class, () -> totals)
                .withPropertyValues("youshu.orders.daily-totals.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DailyTotalsSender.class));
    }

    @Test
    void aSendTimeAfterTheDeadlineFailsStartupNamingTheProperty() {
        runner.withBean(RecordingYoushuOrders.class).withBean(OrderDailyTotals.class, () -> totals)
                .withPropertyValues("youshu.orders.daily-totals.send-at=07:00")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("youshu.orders.daily-totals.send-at '07:00' must be a local time before 06:00"));
    }

    @Test
    void theEndpointShowsTheLastDaySentAndSendsADayAgain() {
        runner.withBean(RecordingYoushuOrders.class).withBean(OrderDailyTotals.class, () -> totals).run(context -> {
            DailyTotalsSender sender = context.getBean(DailyTotalsSender.class);
            await().until(() -> sender.runs() >= 1);
            YoushuDailyTotalsEndpoint endpoint = context.getBean(YoushuDailyTotalsEndpoint.class);

            YoushuDailyTotalsEndpoint.DailyTotals shown = endpoint.dailyTotals();
            assertThat(shown.lastSentDay()).isEqualTo("2024-06-04");
            assertThat(shown.latestDueDay()).isEqualTo("2024-06-04");
            assertThat(shown.sendAt()).isEqualTo("01:30");
            assertThat(shown.zone()).isEqualTo("Asia/Shanghai");
            assertThat(shown.storage()).startsWith("memory");

            assertThat(endpoint.sendAgain("2024-06-01")).isEqualTo(new YoushuDailyTotalsEndpoint.Resent("2024-06-01", true));
            assertThat(context.getBean(RecordingYoushuOrders.class).itemsOf(OrderSum.class))
                    .extracting(OrderSum::giveOrderNumSum).containsExactly(4, 1);
            assertThat(sender.lastSent()).get().extracting(SentDay::day).isEqualTo(LocalDate.of(2024, 6, 4));
        });
    }

    @Test
    void theEndpointRefusesSomethingThatIsNotADate() {
        runner.withBean(RecordingYoushuOrders.class).withBean(OrderDailyTotals.class, () -> totals).run(context ->
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getBean(YoushuDailyTotalsEndpoint.class)
                                .sendAgain("yesterday"))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give yyyy-MM-dd"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(YoushuProperties.class)
    static class ZoneProperties {
    }
}
