package io.github.youshu.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.youshu.YoushuOrders;
import io.github.youshu.order.ExpressInfo;
import io.github.youshu.order.GoodsInfo;
import io.github.youshu.order.OrderSource;
import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.OrderTypeCode;
import io.github.youshu.order.PaymentInfo;
import io.github.youshu.order.PhoneNumberHash;
import io.github.youshu.order.UserInfo;
import io.github.youshu.order.YoushuOrder;
import io.github.youshu.simulator.YoushuSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Phone numbers leave the process only as SHA-256 (data-api.md §3): an order with the buyer's and
 * the receiver's phone, sent through the outbox, rejected by Youshu (retcode 13, so it stays as a
 * dead letter), and a second order that is invalid. With every Youshu logger at TRACE, no plain
 * number (as given, nor its digits) appears in a log line, an outbox row, the {@code youshu}
 * endpoint or the {@code youshu} health component; the outbox row holds the hash.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class OrderPersonalDataEndToEndTest {

    private static final String USER_PHONE = "+86 138-0013-8000";

    private static final String RECEIVER_PHONE = "139 1234 5678";

    private static final List<String> PLAIN = List.of(USER_PHONE, "138-0013-8000", "13800138000", RECEIVER_PHONE,
            "13912345678");

    private static final YoushuSimulator SIMULATOR = YoushuSimulator.builder().dataSourceId("DS-PII").build().start();

    @Autowired
    private ApplicationContext context;

    @Autowired
    private YoushuOrders orders;

    @Autowired
    private DataSource dataSource;

    @DynamicPropertySource
    static void youshu(DynamicPropertyRegistry registry) {
        registry.add("youshu.app-id", () -> YoushuSimulator.DEFAULT_APP_ID);
        registry.add("youshu.app-secret", () -> YoushuSimulator.DEFAULT_APP_SECRET);
        registry.add("youshu.wx-app-id", () -> "wx0000000000test0");
        registry.add("youshu.from", () -> "test-shop");
        registry.add("youshu.base-url", SIMULATOR::baseUrl);
        registry.add("youshu.orders.data-source-id", () -> "DS-PII");
        registry.add("youshu.outbox.enabled", () -> "true");
        registry.add("youshu.outbox.poll-interval", () -> "50ms");
        registry.add("youshu.delivery.flush-interval", () -> "20ms");
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @Test
    void noPlainPhoneNumberInATraceLogAnOutboxRowOrActuatorOutput() throws Exception {
        Logger youshuLoggers = (Logger) LoggerFactory.getLogger("io.github.youshu");
        Level level = youshuLoggers.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        youshuLoggers.addAppender(logs);
        youshuLoggers.setLevel(Level.TRACE);
        try {
            SIMULATOR.retcodeNextDataApi(100, 13);
            assertThat(orders.addOrder(order("PII-1", 1))).isTrue();
            assertThat(orders.addOrder(order("PII-2", 0))).as("invalid: goods_num_total 0").isFalse();

            JdbcClient jdbc = JdbcClient.create(dataSource);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM youshu_outbox WHERE status = 'dead'")
                    .query(Long.class).single() == 1);
            String rows = jdbc.sql("SELECT * FROM youshu_outbox").query().listOfRows().toString();
            String endpoint = new ObjectMapper().writeValueAsString(context.getBean(YoushuEndpoint.class).report());
            String health = health();
            List<String> lines;
            synchronized (logs) {
                lines = logs.list.stream().map(event -> event.getFormattedMessage()
                        + (event.getThrowableProxy() != null ? " " + event.getThrowableProxy().getMessage() : "")).toList();
            }

            assertThat(rows).contains(PhoneNumberHash.sha256(USER_PHONE)).contains("PII-1");
            assertThat(endpoint).contains("PII-1").contains("PII-2");
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("PII-2"));
            assertThat(lines).as("TRACE and DEBUG lines were written").hasSizeGreaterThan(3);
            for (String plain : PLAIN) {
                assertThat(rows).as("outbox rows").doesNotContain(plain);
                assertThat(endpoint).as("/actuator/youshu").doesNotContain(plain);
                assertThat(health).as("health").doesNotContain(plain);
                assertThat(lines).as("log lines").noneMatch(line -> line.contains(plain));
            }
        }
        finally {
            youshuLoggers.detachAppender(logs);
            youshuLoggers.setLevel(level);
        }
    }

    private String health() throws Exception {
        Object healthEndpoint = context.getBean("healthEndpoint");
        Object health = healthEndpoint.getClass().getMethod("healthForPath", String[].class)
                .invoke(healthEndpoint, (Object) new String[] {"youshu"});
        return String.valueOf(health.getClass().getMethod("getDetails").invoke(health));
    }

    private static YoushuOrder order(String id, int units) {
        BigDecimal amount = new BigDecimal("59.00");
        return YoushuOrder.builder()
                .externalOrderId(id)
                .createTime(Instant.ofEpochMilli(1_700_000_000_000L))
                .orderSource(OrderSource.WXAPP)
                .orderType(OrderTypeCode.NORMAL)
                .orderStatus(OrderStatusCode.PAID)
                .statusChangeTime(1_700_000_065_000L)
                .goodsNumTotal(units)
                .goodsAmountTotal(amount)
                .freightAmount(BigDecimal.ZERO)
                .orderAmount(amount)
                .payableAmount(amount)
                .paymentAmount(amount)
                .userInfo(UserInfo.builder().openId("oOPENID0001").appId("wx0000000000test0").userPhone(USER_PHONE).build())
                .goods(GoodsInfo.builder().sku("SKU-A", "T恤").spu("SPU-A", "T恤").goodsNum(1).goodsAmount(amount)
                        .paymentAmount(amount).build())
                .payment(PaymentInfo.of(PaymentInfo.WECHAT_PAY, "4200000000000001", amount))
                .expressInfo(ExpressInfo.builder().receiverName("张三").receiverPhone(RECEIVER_PHONE).build())
                .build();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        DataSource dataSource() {
            return new DriverManagerDataSource("jdbc:h2:mem:pii-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
    }
}
