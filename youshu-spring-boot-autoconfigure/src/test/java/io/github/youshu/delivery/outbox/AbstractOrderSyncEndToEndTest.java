package io.github.youshu.delivery.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.youshu.YoushuOrders;
import io.github.youshu.autoconfigure.YoushuAutoConfiguration;
import io.github.youshu.autoconfigure.YoushuOrdersAutoConfiguration;
import io.github.youshu.order.GoodsInfo;
import io.github.youshu.order.IsGift;
import io.github.youshu.order.OrderSource;
import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.OrderStatusUpdate;
import io.github.youshu.order.OrderTypeCode;
import io.github.youshu.order.PaymentInfo;
import io.github.youshu.order.ReturnGoodsInfo;
import io.github.youshu.order.ReturnOrder;
import io.github.youshu.order.UserInfo;
import io.github.youshu.order.YoushuOrder;
import io.github.youshu.simulator.OrderStatusChange;
import io.github.youshu.simulator.ReceivedItem;
import io.github.youshu.simulator.ReceivedOrder;
import io.github.youshu.simulator.YoushuSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backend order data end to end through the auto-configured outbox to the embedded
 * {@link YoushuSimulator} (issue 12, "Done when"): 500 orders, each through 1110 → 1150 → 1160 →
 * 1180 (every fifth one then returned: return_order/add and 1290), written with
 * {@link YoushuOrders} in the application's transactions, while the simulator answers some
 * data-api requests with 503 and some too late (timeouts: Youshu may have stored what the starter
 * sends again). The simulator must end holding every order in its latest status, each order's
 * history in the order it happened (no {@code outOfOrder} change), nothing lost, and no duplicate
 * that changes a history (a request that timed out may arrive twice, back to back).
 */
abstract class AbstractOrderSyncEndToEndTest {

    static final int ORDERS = 500;

    private static final long BASE = 1_700_000_000_000L;

    private static final String DATA_SOURCE_ID = "DS-E2E";

    private YoushuSimulator simulator;

    private HikariDataSource dataSource;

    private final String table = TestDatabase.randomTableName();

    abstract TestDatabase database();

    @BeforeEach
    void start() {
        simulator = YoushuSimulator.builder().dataSourceId(DATA_SOURCE_ID).build().start();
        dataSource = database().dataSource();
    }

    @AfterEach
    void stop() {
        simulator.close();
        try {
            JdbcClient.create(dataSource).sql("DROP TABLE " + table).update();
        }
        finally {
            dataSource.close();
        }
    }

    @Test
    void everyOrderArrivesInItsLatestStatusWithItsHistoryInOrderDespite503sAndTimeouts() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class, YoushuOrdersAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource, definition -> definition.setDestroyMethodName(""))
                .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource))
                .withPropertyValues("youshu.app-id=" + YoushuSimulator.DEFAULT_APP_ID,
                        "youshu.app-secret=" + YoushuSimulator.DEFAULT_APP_SECRET, "youshu.wx-app-id=wx0000000000test0",
                        "youshu.from=test-shop", "youshu.base-url=" + simulator.baseUrl(), "youshu.zone=Asia/Shanghai",
                        "youshu.orders.data-source-id=" + DATA_SOURCE_ID, "youshu.outbox.enabled=true",
                        "youshu.outbox.table-name=" + table, "youshu.outbox.initialize-schema=always",
                        "youshu.outbox.poll-interval=50ms", "youshu.delivery.flush-interval=50ms",
                        "youshu.delivery.backoff-initial=50ms", "youshu.delivery.backoff-max=200ms",
                        "youshu.http.request-timeout=500ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    YoushuOrders orders = context.getBean(YoushuOrders.class);
                    TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
                    simulator.failNextDataApi(4, 503);
                    simulator.delayNextDataApi(2, Duration.ofMillis(900));

                    for (int step = 0; step < 6; step++) {
                        int change = step;
                        if (step == 3) {
                            simulator.failNextDataApi(3, 503);
                            simulator.delayNextDataApi(1, Duration.ofMillis(900));
                        }
                        transactions.executeWithoutResult(status -> {
                            for (int n = 0; n < ORDERS; n++) {
                                assertThat(send(orders, n, change)).as("order %d change %d accepted", n, change).isTrue();
                            }
                        });
                    }

                    JdbcClient jdbc = JdbcClient.create(dataSource);
                    await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("SELECT COUNT(*) FROM " + table
                            + " WHERE status <> 'done'").query(Long.class).single() == 0);
                    assertArrivedInOrder();
                    assertThat(simulator.requests()).filteredOn(request -> request.httpStatus() == 503)
                            .as("the injected 503s (a new plan replaces what is left of the last)").hasSizeGreaterThanOrEqualTo(3);
                    assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE status = 'dead'").query(Long.class)
                            .single()).isZero();
                });
    }

    private void assertArrivedInOrder() {
        Map<String, ReceivedOrder> received = simulator.orders().stream()
                .collect(Collectors.toMap(ReceivedOrder::externalOrderId, Function.identity()));
        assertThat(received).hasSize(ORDERS);
        for (int n = 0; n < ORDERS; n++) {
            ReceivedOrder order = received.get(id(n));
            List<String> expected = new ArrayList<>(List.of("1110", "1150", "1160", "1180"));
            if (returned(n)) {
                expected.add("1290");
            }
            assertThat(order.status()).as("latest status of %s", id(n)).isEqualTo(expected.get(expected.size() - 1));
            assertThat(withoutRepeats(order.statuses())).as("history of %s", id(n)).isEqualTo(expected);
            assertThat(order.history()).as("history of %s", id(n)).noneMatch(OrderStatusChange::outOfOrder);
            assertThat(order.json()).as("latest full order of %s", id(n)).contains("\"order_status\":\"1180\"");
        }
        assertThat(simulator.returnOrders().stream().map(ReceivedItem::id).distinct().count())
                .isEqualTo(ORDERS / 5);
    }

    /** A request that timed out may have been stored and is sent again: the same change twice in a row. */
    private static List<String> withoutRepeats(List<String> statuses) {
        List<String> distinct = new ArrayList<>();
        for (String status : statuses) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(status)) {
                distinct.add(status);
            }
        }
        return distinct;
    }

    /** Change {@code step} of order {@code n}: add_order 1110, update 1150, 1160, add_order 1180, return, 1290. */
    private static boolean send(YoushuOrders orders, int n, int step) {
        long time = BASE + n * 100_000L + step * 1_000L;
        return switch (step) {
            case 0 -> orders.addOrder(order(n, OrderStatusCode.CREATED, time));
            case 1 -> orders.updateStatus(OrderStatusUpdate.of(id(n), OrderStatusCode.PAID, time));
            case 2 -> orders.updateStatus(OrderStatusUpdate.of(id(n), OrderStatusCode.SHIPPED, time));
            case 3 -> orders.addOrder(order(n, OrderStatusCode.COMPLETED, time));
            case 4 -> !returned(n) || orders.addReturnOrder(returnOrder(n, time));
            default -> !returned(n)
                    || orders.updateStatus(OrderStatusUpdate.of(id(n), OrderStatusCode.RETURN_AND_REFUND_COMPLETED, time));
        };
    }

    private static boolean returned(int n) {
        return n % 5 == 0;
    }

    static String id(int n) {
        return "E2E-" + n;
    }

    /** A one-line order of 59.00 paid with WeChat Pay (unless created), with the buyer's phone. */
    static YoushuOrder order(int n, OrderStatusCode status, long statusChangeTime) {
        BigDecimal amount = new BigDecimal("59.00");
        YoushuOrder.Builder order = YoushuOrder.builder()
                .externalOrderId(id(n))
                .createTime(Instant.ofEpochMilli(BASE + n * 100_000L))
                .orderSource(OrderSource.WXAPP)
                .orderType(OrderTypeCode.NORMAL)
                .orderStatus(status)
                .statusChangeTime(statusChangeTime)
                .goodsNumTotal(1)
                .goodsAmountTotal(amount)
                .freightAmount(BigDecimal.ZERO)
                .orderAmount(amount)
                .payableAmount(amount)
                .paymentAmount(amount)
                .userInfo(UserInfo.builder().openId("oOPENID" + n).appId("wx0000000000test0").userId("U-" + n)
                        .userPhone(phone(n)).build())
                .goods(GoodsInfo.builder().sku("SKU-A", "T恤 红 M").spu("SPU-A", "T恤").goodsNum(1)
                        .goodsAmount(amount).paymentAmount(amount).build());
        if (status != OrderStatusCode.CREATED) {
            order.payment(PaymentInfo.of(PaymentInfo.WECHAT_PAY, "42000000" + n, amount));
        }
        return order.build();
    }

    /** The buyer's plain phone number, e.g. {@code 138 0000 0007}. */
    static String phone(int n) {
        return "138 %04d %04d".formatted(n / 10_000, n % 10_000);
    }

    private static ReturnOrder returnOrder(int n, long time) {
        BigDecimal amount = new BigDecimal("59.00");
        return ReturnOrder.builder()
                .externalReturnOrderId("RET-" + n)
                .externalOrderId(id(n))
                .returnCreateTime(Instant.ofEpochMilli(time))
                .returnNum(1)
                .returnAmount(amount)
                .returnFreightAmount(BigDecimal.ZERO)
                .returnOrderAmount(amount)
                .statusChangeTime(time)
                .returnGoods(ReturnGoodsInfo.builder().sku("SKU-A", "T恤 红 M").spu("SPU-A", "T恤").isGift(IsGift.NOT_GIFT)
                        .returnGoodsAmount(amount).returnGoodsNum(1).build())
                .build();
    }
}
