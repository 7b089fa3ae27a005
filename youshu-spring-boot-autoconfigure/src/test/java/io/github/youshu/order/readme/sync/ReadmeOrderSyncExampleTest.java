package io.github.youshu.order.readme.sync;

import io.github.youshu.RecordingYoushuOrders;
import io.github.youshu.autoconfigure.YoushuAutoConfiguration;
import io.github.youshu.autoconfigure.YoushuDailyTotalsAutoConfiguration;
import io.github.youshu.autoconfigure.YoushuOrdersAutoConfiguration;
import io.github.youshu.dailytotals.DailyTotalsSender;
import io.github.youshu.dailytotals.SettableClock;
import io.github.youshu.order.DataApiTime;
import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.OrderStatusUpdate;
import io.github.youshu.order.OrderSum;
import io.github.youshu.order.ReturnOrder;
import io.github.youshu.order.YoushuOrder;
import io.github.youshu.order.validation.OrderValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order sync examples of both READMEs are these classes without their package lines (so they
 * compile with their imports), and wired by the starter they send what the README says.
 */
class ReadmeOrderSyncExampleTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant CREATED = Instant.parse("2024-06-04T02:00:00Z");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class, YoushuOrdersAutoConfiguration.class,
                    YoushuDailyTotalsAutoConfiguration.class))
            .withPropertyValues("youshu.app-id=bi0000000000000000", "youshu.app-secret=test-secret",
                    "youshu.wx-app-id=wx0123456789abcdef", "youshu.from=readme-shop", "youshu.base-url=http://127.0.0.1:9",
                    "youshu.zone=Asia/Shanghai")
            .withUserConfiguration(Database.class, ShopDailyTotals.class)
            .withBean(ShopOrderService.class).withBean(ShopOrderMapper.class).withBean(ShopRefundMapper.class)
            .withBean(RecordingYoushuOrders.class).withBean(InMemoryShop.class)
            .withBean(SettableClock.class, () -> new SettableClock(LocalDateTime.of(2024, 6, 5, 2, 0).atZone(ZONE).toInstant()));

    @ParameterizedTest
    @ValueSource(strings = {"ShopOrderService", "ShopOrderMapper", "ShopRefundMapper", "ShopDailyTotals"})
    void bothReadmesShowTheCompiledExample(String example) throws IOException {
        String source = Files.readString(Path.of("src", "test", "java", "io", "github", "youshu", "order", "readme", "sync",
                example + ".java"), StandardCharsets.UTF_8);
        String snippet = source.substring(source.indexOf("import "));

        assertThat(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8)).contains("```java\n" + snippet + "```");
        assertThat(Files.readString(Path.of("..", "README.zh-CN.md"), StandardCharsets.UTF_8)).contains("```java\n" + snippet + "```");
    }

    @Test
    void theAnnotatedServiceSendsValidItemsInsideItsTransactions() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            ShopOrderService service = context.getBean(ShopOrderService.class);
            RecordingYoushuOrders orders = context.getBean(RecordingYoushuOrders.class);
            OrderValidator validator = new OrderValidator();

            service.pay("ORD-1", "4200000000000001");
            YoushuOrder order = orders.itemsOf(YoushuOrder.class).get(0);
            assertThat(order.externalOrderId()).isEqualTo("ORD-1");
            assertThat(order.orderStatus()).isEqualTo(OrderStatusCode.PAID);
            assertThat(validator.validate(order).isValid()).isTrue();

            Shipment shipment = service.ship("ORD-1", "SF0001");
            assertThat(orders.itemsOf(OrderStatusUpdate.class)).containsExactly(
                    new OrderStatusUpdate("ORD-1", OrderStatusCode.SHIPPED, DataApiTime.of(shipment.shippedAt())));

            service.completeRefund("RET-1");
            ReturnOrder returnOrder = orders.itemsOf(ReturnOrder.class).get(0);
            assertThat(returnOrder.externalOrderId()).isEqualTo("ORD-1");
            assertThat(validator.validate(returnOrder).isValid()).isTrue();

            assertThat(orders.inTransaction).containsOnly(true);
        });
    }

    @Test
    void theDailyTotalsQuerySumsThePreviousDay() {
        runner.run(context -> {
            DailyTotalsSender sender = context.getBean(DailyTotalsSender.class);
            await().until(() -> sender.runs() >= 1);
            OrderSum sum = context.getBean(RecordingYoushuOrders.class).itemsOf(OrderSum.class).get(0);
            assertThat(sum.refDate()).isEqualTo(DataApiTime.startOf(java.time.LocalDate.of(2024, 6, 4)));
            assertThat(sum.giveOrderAmountSum()).isEqualByComparingTo("30.00");
            assertThat(sum.giveOrderNumSum()).isEqualTo(2);
            assertThat(sum.paymentAmountSum()).isEqualByComparingTo("10.00");
            assertThat(sum.payedNumSum()).isEqualTo(1);
        });
    }

    /** The shop's storage in memory. */
    static class InMemoryShop implements ShopOrderRepository {
        private final Map<String, ShopOrder> orders = new ConcurrentHashMap<>(Map.of("ORD-1",
                new ShopOrder("ORD-1", CREATED, "oOPENID0001", "SKU-A", "T恤 红 M", 2, new BigDecimal("59.00"), null, null)));

        @Override
        public ShopOrder find(String orderId) {
            return orders.get(orderId);
        }

        @Override
        public ShopOrder save(ShopOrder order) {
            orders.put(order.id(), order);
            return order;
        }

        @Override
        public Shipment ship(String orderId, String trackingNumber) {
            return new Shipment(orderId, trackingNumber, CREATED.plusSeconds(3600));
        }

        @Override
        public ShopRefund completeRefund(String refundId) {
            return new ShopRefund(refundId, orders.get("ORD-1"), new BigDecimal("118.00"), CREATED.plusSeconds(7200));
        }
    }

    /** An H2 database with the shop's orders of 2024-06-04 and a transaction manager. */
    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Database {

        @Bean
        DataSource dataSource() {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(
                    "jdbc:h2:mem:readme-sync-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("CREATE TABLE shop_order (id VARCHAR(32) PRIMARY KEY, created_on DATE, paid_on DATE, payment_amount DECIMAL(12, 2))")
                    .update();
            jdbc.sql("INSERT INTO shop_order VALUES ('A', DATE '2024-06-04', DATE '2024-06-04', 10.00), "
                    + "('B', DATE '2024-06-04', NULL, 20.00), ('C', DATE '2024-06-03', DATE '2024-06-03', 99.00)").update();
            return dataSource;
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }
}
