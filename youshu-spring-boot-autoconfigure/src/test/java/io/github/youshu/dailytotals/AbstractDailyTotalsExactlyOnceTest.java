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
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several application contexts on one database send each day's totals exactly once, and a
 * restarted one catches up the days it missed; a settable clock, no sleeps. Here each context
 * sends through a {@link RecordingYoushuOrders}; {@link AbstractDailyTotalsEndToEndTest} runs the
 * same tests through the real pipeline to the simulator.
 */
abstract class AbstractDailyTotalsExactlyOnceTest {

    final SettableClock clock = new SettableClock(DailyTotalsSenderTest.at(2024, 6, 5, 2, 0));
    private final String table = "youshu_sum_day_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    HikariDataSource dataSource;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    /** The recorders of every context opened, closed ones included. */
    private final List<RecordingYoushuOrders> recorders = new ArrayList<>();

    /** A pooled DataSource on the database under test. */
    abstract HikariDataSource createDataSource();

    /** A pool on a fresh in-memory H2 database. */
    static HikariDataSource h2() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:sum-day-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        dataSource.setUsername("sa");
        return dataSource;
    }

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
        cleanUp(JdbcClient.create(dataSource));
        dataSource.close();
    }

    /** Once every context is closed: drops what else the test made. */
    void cleanUp(JdbcClient jdbc) {
    }

    /** The properties of every context beyond the daily totals' own. */
    Map<String, Object> properties() {
        return Map.of();
    }

    /**
     * Registers what a context sends the totals through, and binds {@code youshu.zone}: here a
     * {@link RecordingYoushuOrders}, kept for {@link #received()}.
     */
    void registerYoushu(AnnotationConfigApplicationContext context) {
        RecordingYoushuOrders recorder = new RecordingYoushuOrders();
        recorders.add(recorder);
        context.registerBean(RecordingYoushuOrders.class, () -> recorder);
        context.register(ZoneProperties.class);
    }

    /**
     * The day of every {@code add_order_sum} item that reached Youshu, in the order they arrived;
     * a day twice when it arrived twice. Waits until what was handed over arrived.
     */
    List<LocalDate> received() {
        return recorders.stream().flatMap(recorder -> recorder.itemsOf(OrderSum.class).stream())
                .map(sum -> day(sum.refDate().toEpochMilli(DailyTotalsSenderTest.ZONE))).toList();
    }

    /** Each day's item was handed over inside the transaction that inserted its day's row. */
    void assertHandedOverWithTheirDays() {
        assertThat(recorders).flatMap(recorder -> recorder.inTransaction).containsOnly(true);
    }

    /** The local day (in the test's zone) that starts at {@code refDate} (epoch ms). */
    static LocalDate day(long refDate) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(refDate), DailyTotalsSenderTest.ZONE);
    }

    /** Starts a context, like an instance of the application, that stays open until the test ends. */
    private ConfigurableApplicationContext open() {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        Map<String, Object> properties = new HashMap<>(properties());
        properties.putAll(Map.of("youshu.zone", "Asia/Shanghai", "youshu.orders.daily-totals.table-name", table,
                "youshu.orders.daily-totals.initialize-schema", "always"));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        // Shared by the contexts: a context's close must not close the pool.
        context.registerBean(DataSource.class, () -> new DelegatingDataSource(dataSource));
        context.registerBean(SettableClock.class, () -> clock);
        context.registerBean(OrderDailyTotals.class, () -> DailyTotalsSenderTest::totalsOf);
        registerYoushu(context);
        context.register(YoushuDailyTotalsAutoConfiguration.class);
        context.refresh();
        contexts.add(context);
        // The start-up run (catch-up) happens on the scheduler thread: wait until it finished.
        DailyTotalsSender sender = context.getBean(DailyTotalsSender.class);
        await().until(() -> sender.runs() >= 1);
        return context;
    }

    @Test
    void threeContextsOnOneDatabaseSendEachDayExactlyOnce() {
        List<ConfigurableApplicationContext> three = List.of(open(), open(), open());
        assertThat(received()).containsExactly(LocalDate.of(2024, 6, 4));

        clock.set(DailyTotalsSenderTest.at(2024, 6, 6, 1, 30));
        CompletableFuture.allOf(three.stream()
                .map(context -> CompletableFuture.runAsync(() -> context.getBean(DailyTotalsSender.class).sendDue()))
                .toArray(CompletableFuture[]::new)).join();

        assertThat(received()).containsExactly(LocalDate.of(2024, 6, 4), LocalDate.of(2024, 6, 5));
        assertThat(JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single()).isEqualTo(2);
        assertThat(three.get(0).getBean(DailyTotalsSender.class).lastSent()).get().extracting(SentDay::day)
                .isEqualTo(LocalDate.of(2024, 6, 5));
    }

    @Test
    void aRestartedContextCatchesUpTheTwoDaysItMissed() {
        ConfigurableApplicationContext before = open();
        assertThat(received()).containsExactly(LocalDate.of(2024, 6, 4));
        before.close();

        clock.set(DailyTotalsSenderTest.at(2024, 6, 7, 8, 0));
        open();

        // The stopped context sent nothing more: the restarted one sent the two days it missed.
        assertThat(received()).containsExactly(LocalDate.of(2024, 6, 4), LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 6));
        assertHandedOverWithTheirDays();
    }

    /** Binds youshu.zone as the starter's main auto-configuration does. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(YoushuProperties.class)
    static class ZoneProperties {
    }
}
