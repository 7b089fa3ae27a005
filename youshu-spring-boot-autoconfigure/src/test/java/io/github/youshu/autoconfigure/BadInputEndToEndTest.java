package io.github.youshu.autoconfigure;

import io.github.youshu.YoushuReporter;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.event.Chan;
import io.github.youshu.event.ChanCustom;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.CustomOrderProps;
import io.github.youshu.event.GenericProps;
import io.github.youshu.event.OrderStatus;
import io.github.youshu.event.WxUser;
import io.github.youshu.event.WxUserTag;
import io.github.youshu.event.YoushuEvent;
import io.github.youshu.simulator.ReceivedEvent;
import io.github.youshu.simulator.YoushuSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inputs of issue 15 (items 1 and 4) and issue 11 item 9 through the auto-configured starter to
 * the simulator: what passes validation is what the simulator accepts, and an event larger than
 * {@code youshu.delivery.max-batch-bytes} is refused before it is queued.
 */
class BadInputEndToEndTest {

    private static final Instant PLACED = Instant.parse("2026-11-30T02:00:00Z");

    @Test
    void amountsOfFourDecimalsBlankOptionalStringsAndJavaTimeArriveValidAndAnOversizedEventIsRefused() {
        try (YoushuSimulator simulator = YoushuSimulator.builder().build().start()) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class))
                    .withPropertyValues("youshu.app-id=" + YoushuSimulator.DEFAULT_APP_ID,
                            "youshu.app-secret=" + YoushuSimulator.DEFAULT_APP_SECRET, "youshu.wx-app-id=wx0123456789abcdef",
                            "youshu.base-url=" + simulator.baseUrl(), "spring.application.name=shop", "youshu.zone=Asia/Shanghai",
                            "youshu.defaults.page=pages/index/index", "youshu.defaults.scene=1001",
                            "youshu.delivery.flush-interval=20ms", "youshu.delivery.max-batch-bytes=4KB")
                    .run(context -> {
                        YoushuReporter reporter = context.getBean(YoushuReporter.class);
                        CommonProps common = CommonProps.builder()
                                .wxUser(new WxUser(null, "oUser-1", "", null, null, List.of(new WxUserTag("", null))))
                                .chan(new Chan(1089, null, null, "", null,
                                        ChanCustom.builder().id("mp-article-1", "article").cat1("", "").build()))
                                .build();

                        assertThat(reporter.report(YoushuEvent.customOrder(CustomOrderProps.builder()
                                .order("SO-1", PLACED, OrderStatus.PAYED)
                                .subOrder("SO-1-a", new BigDecimal("9.000"), new BigDecimal("19.90").multiply(new BigDecimal("0.50")))
                                .subOrder("SO-1-b", new BigDecimal("59.7000"), new BigDecimal("59.7000"))
                                .common(common)
                                .build()))).isTrue();
                        assertThat(reporter.report(YoushuEvent.of("add_to_cart", GenericProps.builder()
                                .put("added_at", PLACED).put("local_time", LocalDateTime.of(2026, 11, 30, 10, 0))
                                .common(common).build()))).isTrue();
                        assertThat(reporter.report(YoushuEvent.of("add_to_cart", GenericProps.builder()
                                .put("blob", "x".repeat(5000)).common(common).build()))).isFalse();

                        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.accepted().size() == 2);
                        List<ReceivedEvent> received = simulator.received();
                        assertThat(received).allSatisfy(event -> assertThat(event.violations()).isEmpty());
                        assertThat(received).filteredOn(event -> "custom_order".equals(event.type())).singleElement()
                                .extracting(ReceivedEvent::json).asString()
                                .contains("\"order_amt\":9.00,\"pay_amt\":9.95", "\"order_amt\":59.70,\"pay_amt\":59.70")
                                .doesNotContain("\"\"");
                        assertThat(received).filteredOn(event -> "add_to_cart".equals(event.type())).singleElement()
                                .extracting(ReceivedEvent::json).asString()
                                .contains("\"added_at\":" + PLACED.toEpochMilli(), "\"local_time\":" + PLACED.toEpochMilli());
                        DeliveryStatistics statistics = context.getBean(DeliveryStatistics.class);
                        await().atMost(Duration.ofSeconds(10)).until(() -> statistics.snapshot().total().sent() == 2);
                        assertThat(statistics.snapshot().total().invalid()).isEqualTo(1);
                    });
        }
    }
}
