package io.github.youshu.dailytotals;

import com.zaxxer.hikari.HikariDataSource;
import io.github.youshu.RecordingYoushuOrders;
import io.github.youshu.autoconfigure.YoushuDailyTotalsAutoConfiguration;
import io.github.youshu.autoconfigure.YoushuProperties;
import io.github.youshu.order.OrderDailyTotals;
import io.github.youshu.order.OrderSum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several application contexts on one database send each day's totals exactly once, and a
 * restarted one catches up the days it missed; a settable clock, no sleeps.
 */
abstract class AbstractDailyTotalsExactlyOnceTest {

    private final SettableClock clock = new SettableClock(DailyTotalsSenderTest.at(2024, 6, 5, 2, 0));
    private final String table = "youshu_sum_day_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private HikariDataSource dataSource;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    /** A pooled DataSource on the database under test. */
    abstract HikariDataSource createDataSource();

    /**
     * A pool on a database server, overridable with the system properties
     * {@code youshu.test.<name>.url}, {@code .user} and {@code .password}.
     */
    static HikariDataSource server(String name, String url, String user) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(System.getProperty("youshu.test." + name + ".url", url));
        dataSource.setUsername(System.getProperty("youshu.test." + name + ".user", user));
        dataSource.setPassword(System.getProperty("youshu.test." + name + ".password", ""));
        return dataSource;
    }

    @BeforeEach
    void openDatabase() {
        dataSource = createDataSource();
    }

    @AfterEach
    void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
        JdbcClient.create(dataSource).sql("DROP TABLE IF EXISTS " + table).update();
        dataSource.close();
    }

    /** Starts a context, like an instance of the application, that stays open until the test ends. */
    private ConfigurableApplicationContext open() {
        org.springframework.context.annotation.AnnotationConfigApplicationContext context =
                new org.springframework.context.annotation.AnnotationConfigApplicationContext();
        org.springframework.core.env.MapPropertySource properties = new org.springframework.core.env.MapPropertySource("test",
                java.util.Map.of("youshu.zone", "Asia/Shanghai", "youshu.orders.daily-totals.table-name", table,
                        "youshu.orders.daily-totals.initialize-schema", "always"));
        context.getEnvironment().getPropertySources().addFirst(properties);
        // Shared by the contexts: a context's close must not close the pool.
        context.registerBean(DataSource.class, () -> new DelegatingDataSource(dataSource));
        context.registerBean(SettableClock.class, () -> clock);
        context.registerBean(RecordingYoushuOrders.class);
        context.registerBean(OrderDailyTotals.class, () -> DailyTotalsSenderTest::totalsOf);
        context.register(ZoneProperties.class, YoushuDailyTotalsAutoConfiguration.class);
        context.refresh();
        contexts.add(context);
        // The start-up run (catch-up) happens on the scheduler thread: wait until it finished.
        DailyTotalsSender sender = context.getBean(DailyTotalsSender.class);
        await().until(() -> sender.runs() >= 1);
        return context;
    }

    private int sent(LocalDate day) {
        long refDate = day.atStartOfDay(DailyTotalsSenderTest.ZONE).toInstant().toEpochMilli();
        return (int) contexts.stream().flatMap(context -> context.getBean(RecordingYoushuOrders.class).itemsOf(OrderSum.class).stream())
                .filter(sum -> sum.refDate().toEpochMilli(DailyTotalsSenderTest.ZONE) == refDate).count();
    }

    private List<LocalDate> sentBy(ConfigurableApplicationContext context) {
        return context.getBean(RecordingYoushuOrders.class).itemsOf(OrderSum.class).stream()
                .map(sum -> LocalDate.ofInstant(Instant.ofEpochMilli(sum.refDate().toEpochMilli(DailyTotalsSenderTest.ZONE)),
                        DailyTotalsSenderTest.ZONE))
                .toList();
    }

    @Test
    void threeContextsOnOneDatabaseSendEachDayExactlyOnce() {
        List<ConfigurableApplicationContext> three = List.of(open(), open(), open());
        assertThat(sent(LocalDate.of(2024, 6, 4))).isEqualTo(1);

        clock.set(DailyTotalsSenderTest.at(2024, 6, 6, 1, 30));
        CompletableFuture.allOf(three.stream()
                .map(context -> CompletableFuture.runAsync(() -> context.getBean(DailyTotalsSender.class).sendDue()))
                .toArray(CompletableFuture[]::new)).join();

        assertThat(sent(LocalDate.of(2024, 6, 4))).isEqualTo(1);
        assertThat(sent(LocalDate.of(2024, 6, 5))).isEqualTo(1);
        assertThat(JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single()).isEqualTo(2);
        assertThat(three.get(0).getBean(DailyTotalsSender.class).lastSent()).get().extracting(SentDay::day)
                .isEqualTo(LocalDate.of(2024, 6, 5));
    }

    @Test
    void aRestartedContextCatchesUpTheTwoDaysItMissed() {
        ConfigurableApplicationContext before = open();
        assertThat(sentBy(before)).containsExactly(LocalDate.of(2024, 6, 4));
        before.close();

        clock.set(DailyTotalsSenderTest.at(2024, 6, 7, 8, 0));
        ConfigurableApplicationContext after = open();

        assertThat(sentBy(after)).containsExactly(LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 6));
        // Each item was handed over inside the transaction that inserted its day's row (with the outbox: one commit).
        assertThat(after.getBean(RecordingYoushuOrders.class).inTransaction).containsExactly(true, true);
    }

    /** Binds youshu.zone as the starter's main auto-configuration does. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(YoushuProperties.class)
    static class ZoneProperties {
    }
}
