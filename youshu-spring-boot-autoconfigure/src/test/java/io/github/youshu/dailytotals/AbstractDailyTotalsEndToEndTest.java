package io.github.youshu.dailytotals;

import io.github.youshu.autoconfigure.YoushuAutoConfiguration;
import io.github.youshu.autoconfigure.YoushuOrdersAutoConfiguration;
import io.github.youshu.simulator.ReceivedItem;
import io.github.youshu.simulator.ReceivedRequest;
import io.github.youshu.simulator.YoushuSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The daily totals end to end (issue 13, "Done when"): the contexts run the starter's real
 * auto-configuration in outbox mode on the one database, and the embedded {@link YoushuSimulator}
 * is Youshu. Each context finds the merchant's data source itself from {@code youshu.merchant-id}
 * ({@code data_source/get}). What arrived is counted at the simulator: every {@code add_order_sum}
 * item it accepted, against the {@code ref_date}s it holds, once the outbox has delivered everything.
 */
abstract class AbstractDailyTotalsEndToEndTest extends AbstractDailyTotalsExactlyOnceTest {

    private static final String DATA_SOURCE_ID = "DS-DAILY";
    private static final String ADD_ORDER_SUM = "order/add_order_sum";

    private final String outbox = "youshu_outbox_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private YoushuSimulator simulator;

    @BeforeEach
    void startSimulator() {
        // The simulator checks request timestamps against the real clock: the library signs with it too.
        simulator = YoushuSimulator.builder().dataSourceId(DATA_SOURCE_ID).build().start();
    }

    @Override
    void cleanUp(JdbcClient jdbc) {
        simulator.close();
        jdbc.sql("DROP TABLE IF EXISTS " + outbox).update();
    }

    @Override
    Map<String, Object> properties() {
        return Map.ofEntries(Map.entry("youshu.app-id", YoushuSimulator.DEFAULT_APP_ID),
                Map.entry("youshu.app-secret", YoushuSimulator.DEFAULT_APP_SECRET),
                Map.entry("youshu.wx-app-id", "wx0000000000test0"), Map.entry("youshu.from", "test-shop"),
                Map.entry("youshu.base-url", simulator.baseUrl()), Map.entry("youshu.merchant-id", YoushuSimulator.DEFAULT_MERCHANT_ID),
                Map.entry("youshu.outbox.enabled", "true"), Map.entry("youshu.outbox.table-name", outbox),
                Map.entry("youshu.outbox.initialize-schema", "always"), Map.entry("youshu.outbox.poll-interval", "50ms"),
                // Delivered rows stay (status done) so the test can count them.
                Map.entry("youshu.outbox.retention", "1h"), Map.entry("youshu.delivery.flush-interval", "50ms"));
    }

    /** The starter's auto-configuration as an application gets it, with the application's transaction manager. */
    @Override
    void registerYoushu(AnnotationConfigApplicationContext context) {
        context.registerBean(PlatformTransactionManager.class,
                () -> new DataSourceTransactionManager(context.getBean(DataSource.class)));
        context.register(YoushuAutoConfiguration.class, YoushuOrdersAutoConfiguration.class);
    }

    /**
     * Once the outbox delivered every row: the days the simulator holds, after checking it accepted
     * every {@code add_order_sum} request and as many items as it holds days (so no day arrived twice).
     */
    @Override
    List<LocalDate> received() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM " + outbox + " WHERE status <> 'done'")
                .query(Long.class).single() == 0);
        List<ReceivedRequest> requests = simulator.requests().stream()
                .filter(request -> request.path().equals(YoushuSimulator.DATA_API_PATH + ADD_ORDER_SUM)).toList();
        List<ReceivedItem> days = simulator.dailyTotals();
        assertThat(requests).as("the add_order_sum requests").allMatch(ReceivedRequest::accepted);
        assertThat(requests.stream().mapToInt(ReceivedRequest::items).sum())
                .as("add_order_sum items the simulator accepted, one per ref_date it holds %s", days).isEqualTo(days.size());
        return days.stream().map(item -> day(Long.parseLong(item.id()))).toList();
    }

    /** Each day's item was written to the outbox in the transaction that inserted its day's row: one row per day. */
    @Override
    void assertHandedOverWithTheirDays() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM " + outbox + " WHERE route = :route").param("route", ADD_ORDER_SUM)
                .query(Integer.class).single()).isEqualTo(received().size());
    }
}
