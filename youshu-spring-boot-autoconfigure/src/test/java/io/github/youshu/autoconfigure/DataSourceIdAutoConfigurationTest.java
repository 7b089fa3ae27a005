package io.github.youshu.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.youshu.YoushuOrders;
import io.github.youshu.order.GoodsInfo;
import io.github.youshu.order.OrderSource;
import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.OrderTypeCode;
import io.github.youshu.order.PaymentInfo;
import io.github.youshu.order.UserInfo;
import io.github.youshu.order.YoushuOrder;
import io.github.youshu.simulator.DataSource;
import io.github.youshu.simulator.ReceivedOrder;
import io.github.youshu.simulator.YoushuSimulator;
import io.github.youshu.transport.DataSourceIdResolver;
import io.github.youshu.transport.DataSourceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The data source id through the full auto-configuration (data-api.md §2, "Decision"): configured,
 * or resolved from {@code youshu.merchant-id} in the background — by {@code data_source/get}, by
 * {@code data_source/add}, by get again after add answered 16 — and never blocking nor failing
 * startup: with Youshu unreachable the application starts, order items wait, then go.
 */
class DataSourceIdAutoConfigurationTest {

    private YoushuSimulator simulator;

    private WireMockServer wireMock;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
        if (wireMock != null) {
            wireMock.stop();
        }
    }

    private static ApplicationContextRunner runner(String baseUrl, String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class, YoushuOrdersAutoConfiguration.class))
                .withPropertyValues("youshu.app-id=" + YoushuSimulator.DEFAULT_APP_ID,
                        "youshu.app-secret=" + YoushuSimulator.DEFAULT_APP_SECRET, "youshu.wx-app-id=wx0000000000test0",
                        "youshu.from=test-shop", "youshu.base-url=" + baseUrl, "youshu.delivery.flush-interval=50ms",
                        "youshu.http.connect-timeout=500ms")
                .withPropertyValues(properties);
    }

    @Test
    void aConfiguredIdIsUsedWithoutAskingYoushu() {
        simulator = YoushuSimulator.builder().dataSourceId("DS-CONSOLE").build().start();
        runner(simulator.baseUrl(), "youshu.orders.data-source-id=DS-CONSOLE").run(context -> {
            assertThat(context.getBean(DataSourceIdResolver.class).state())
                    .returns(DataSourceState.Status.KNOWN, DataSourceState::status)
                    .returns("youshu.orders.data-source-id", DataSourceState::origin);

            assertThat(context.getBean(YoushuOrders.class).addOrder(order("O-1"))).isTrue();

            await().until(() -> simulator.order("O-1").isPresent());
            assertThat(simulator.requests()).noneMatch(request -> request.path().contains("data_source"));
        });
    }

    @Test
    void resolvedByGetWhenTheMerchantHasADataSource() {
        simulator = YoushuSimulator.builder().dataSourceId("DS-EXISTING").build().start();
        runner(simulator.baseUrl(), "youshu.merchant-id=" + YoushuSimulator.DEFAULT_MERCHANT_ID).run(context -> {
            DataSourceIdResolver resolver = context.getBean(DataSourceIdResolver.class);
            context.getBean(YoushuOrders.class).addOrder(order("O-1"));

            await().until(() -> simulator.order("O-1").isPresent());
            assertThat(resolver.state()).returns("DS-EXISTING", DataSourceState::dataSourceId)
                    .returns("data_source/get", DataSourceState::origin);
            assertThat(simulator.dataSources()).extracting(DataSource::id).containsExactly("DS-EXISTING");
        });
    }

    @Test
    void resolvedByAddWhenTheMerchantHasNone() {
        simulator = YoushuSimulator.builder().build().start();
        runner(simulator.baseUrl(), "youshu.merchant-id=" + YoushuSimulator.DEFAULT_MERCHANT_ID).run(context -> {
            context.getBean(YoushuOrders.class).addOrder(order("O-1"));

            await().until(() -> simulator.order("O-1").isPresent());
            assertThat(simulator.dataSources()).singleElement().satisfies(created -> assertThat(
                    context.getBean(DataSourceIdResolver.class).state())
                    .returns(created.id(), DataSourceState::dataSourceId)
                    .returns("data_source/add", DataSourceState::origin));
        });
    }

    /** Another instance created the data source between this one's get and add: add answers 16, get finds it. */
    @Test
    void resolvedByGetAgainWhenAddAnswers16() {
        wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        wireMock.stubFor(get(urlPathEqualTo("/data-api/v1/data_source/get")).inScenario("race")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"retcode\":0,\"errmsg\":\"\",\"data\":{\"dataSources\":[]}}")));
        wireMock.stubFor(post(urlPathEqualTo("/data-api/v1/data_source/add")).inScenario("race")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("created by another instance")
                .willReturn(okJson("{\"retcode\":16,\"errmsg\":\"data source already exists\",\"data\":{}}")));
        wireMock.stubFor(get(urlPathEqualTo("/data-api/v1/data_source/get")).inScenario("race")
                .whenScenarioStateIs("created by another instance")
                .willReturn(okJson("{\"retcode\":0,\"errmsg\":\"\",\"data\":{\"dataSources\":[{\"id\":\"DS-16\"}]}}")));
        wireMock.stubFor(post(urlPathEqualTo("/data-api/v1/order/add_order"))
                .willReturn(okJson("{\"retcode\":0,\"errmsg\":\"\",\"data\":{}}")));
        runner(wireMock.baseUrl(), "youshu.merchant-id=M-16").run(context -> {
            context.getBean(YoushuOrders.class).addOrder(order("O-1"));

            await().untilAsserted(() -> wireMock.verify(1, postRequestedFor(urlPathEqualTo("/data-api/v1/order/add_order"))
                    .withRequestBody(containing("\"dataSourceId\":\"DS-16\""))));
            wireMock.verify(2, getRequestedFor(urlPathEqualTo("/data-api/v1/data_source/get")));
            wireMock.verify(1, postRequestedFor(urlPathEqualTo("/data-api/v1/data_source/add")));
            assertThat(context.getBean(DataSourceIdResolver.class).state())
                    .returns("DS-16", DataSourceState::dataSourceId);
        });
    }

    @Test
    void withYoushuUnreachableAtStartupTheApplicationStartsAndOrderItemsWaitThenGo() {
        int port = freePort();
        runner("http://127.0.0.1:" + port, "youshu.merchant-id=" + YoushuSimulator.DEFAULT_MERCHANT_ID).run(context -> {
            assertThat(context).hasNotFailed();
            DataSourceIdResolver resolver = context.getBean(DataSourceIdResolver.class);
            assertThat(context.getBean(YoushuOrders.class).addOrder(order("O-1"))).isTrue();
            await().until(() -> resolver.state().failedAttempts() >= 1);
            assertThat(resolver.state().status()).isEqualTo(DataSourceState.Status.UNREACHABLE);

            simulator = YoushuSimulator.builder().port(port).dataSourceId("DS-LATER").build().start();

            await().atMost(Duration.ofSeconds(20)).until(() -> simulator.order("O-1").isPresent());
            assertThat(simulator.order("O-1")).map(ReceivedOrder::status).isEqualTo(Optional.of("1150"));
            assertThat(resolver.state().dataSourceId()).isEqualTo("DS-LATER");
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static YoushuOrder order(String id) {
        BigDecimal amount = new BigDecimal("59.00");
        return YoushuOrder.builder()
                .externalOrderId(id)
                .createTime(Instant.ofEpochMilli(1_700_000_000_000L))
                .orderSource(OrderSource.WXAPP)
                .orderType(OrderTypeCode.NORMAL)
                .orderStatus(OrderStatusCode.PAID)
                .statusChangeTime(1_700_000_065_000L)
                .goodsNumTotal(1)
                .goodsAmountTotal(amount)
                .freightAmount(BigDecimal.ZERO)
                .orderAmount(amount)
                .payableAmount(amount)
                .paymentAmount(amount)
                .userInfo(UserInfo.builder().openId("oOPENID0001").appId("wx0000000000test0").build())
                .goods(GoodsInfo.builder().sku("SKU-A", "T恤").spu("SPU-A", "T恤").goodsNum(1).goodsAmount(amount)
                        .paymentAmount(amount).build())
                .payment(PaymentInfo.of(PaymentInfo.WECHAT_PAY, "4200000000000001", amount))
                .build();
    }
}
