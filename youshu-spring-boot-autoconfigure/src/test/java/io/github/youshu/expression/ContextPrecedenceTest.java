package io.github.youshu.expression;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.youshu.FailureMode;
import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.context.RequestHeaderContextResolver;
import io.github.youshu.context.RequestHeaderNames;
import io.github.youshu.context.YoushuContext;
import io.github.youshu.context.YoushuContextResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/** Where wx_user, chan, page and tracking_id come from: annotation, then resolvers in order, then the defaults. */
class ContextPrecedenceTest {

    private static final ReportingSettings FULL_DEFAULTS = new ReportingSettings(FailureMode.LOG, ReportingTestConfiguration.ZONE,
            "test-shop", "wx0123456789abcdef", new ReportingSettings.Defaults("pages/default", "默认页", 1001, "chan-default",
            "shop-default", "Default Shop", "1.2.3"));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReportingTestConfiguration.class, Services.class)
            .withBean(ReportingSettings.class, () -> FULL_DEFAULTS);

    @AfterEach
    void resetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void takesWhatNothingElseGivesFromTheDefaults() {
        runner.run(context -> {
            context.getBean(OrderService.class).payWithOpenId("o-1", "open-1");

            JsonNode json = context.getBean(RecordingEventDispatcher.class).single();
            assertThat(json.at("/from").asText()).isEqualTo("test-shop");
            assertThat(json.has("tracking_id")).isFalse();
            assertThat(json.at("/props/page").asText()).isEqualTo("pages/default");
            assertThat(json.at("/props/page_title").asText()).isEqualTo("默认页");
            assertThat(json.at("/props/sr_sdk_version").asText()).isEqualTo("1.2.3");
            assertThat(json.at("/props/wx_user")).hasToString("{\"app_id\":\"wx0123456789abcdef\",\"open_id\":\"open-1\"}");
            assertThat(json.at("/props/chan")).hasToString("{\"chan_wxapp_scene\":1001,\"chan_id\":\"chan-default\","
                    + "\"chan_shop_id\":\"shop-default\",\"chan_shop_name\":\"Default Shop\"}");
        });
    }

    @Test
    void takesTheContextFromTheRequestHeaders() {
        runner.withBean(RequestHeaderContextResolver.class, () -> new RequestHeaderContextResolver(RequestHeaderNames.DEFAULTS))
                .run(context -> {
                    MockHttpServletRequest request = new MockHttpServletRequest();
                    request.addHeader("X-Youshu-Open-Id", "open-header");
                    request.addHeader("X-Youshu-Union-Id", "union-header");
                    request.addHeader("X-Youshu-Page", "pages/cart/index");
                    request.addHeader("X-Youshu-Page-Title", "%E8%B4%AD%E7%89%A9%E8%BD%A6");
                    request.addHeader("X-Youshu-Scene", "1089");
                    request.addHeader("X-Youshu-Tracking-Id", "track-1");
                    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

                    context.getBean(OrderService.class).pay("o-2");

                    JsonNode json = context.getBean(RecordingEventDispatcher.class).single();
                    assertThat(json.at("/tracking_id").asText()).isEqualTo("track-1");
                    assertThat(json.at("/props/page").asText()).isEqualTo("pages/cart/index");
                    assertThat(json.at("/props/page_title").asText()).isEqualTo("购物车");
                    assertThat(json.at("/props/wx_user/open_id").asText()).isEqualTo("open-header");
                    assertThat(json.at("/props/wx_user/union_id").asText()).isEqualTo("union-header");
                    assertThat(json.at("/props/chan/chan_wxapp_scene").asInt()).isEqualTo(1089);
                    assertThat(json.at("/props/chan/chan_id").asText()).isEqualTo("chan-default");
                });
    }

    @Test
    void annotationBeatsResolversWhichBeatEachOtherByOrderWhichBeatDefaults() {
        runner.withUserConfiguration(OrderedResolvers.class).run(context -> {
            context.getBean(OrderService.class).payWithOpenId("o-3", "open-annotation");

            JsonNode json = context.getBean(RecordingEventDispatcher.class).single();
            // annotation
            assertThat(json.at("/props/wx_user/open_id").asText()).isEqualTo("open-annotation");
            // first resolver (@Order(1)) beats the second for user_id, and gives page
            assertThat(json.at("/props/wx_user/user_id").asText()).isEqualTo("user-first");
            assertThat(json.at("/props/page").asText()).isEqualTo("pages/first");
            // second resolver (@Order(2)) gives what the first does not
            assertThat(json.at("/props/wx_user/union_id").asText()).isEqualTo("union-second");
            assertThat(json.at("/props/chan/chan_wxapp_scene").asInt()).isEqualTo(1047);
            // defaults give the rest
            assertThat(json.at("/props/chan/chan_shop_name").asText()).isEqualTo("Default Shop");
        });
    }

    @Test
    void aResolverThatThrowsIsSkipped() {
        runner.withBean("broken", YoushuContextResolver.class, () -> () -> {
            throw new IllegalStateException("no user");
        }).run(context -> {
            try (LogCapture log = LogCapture.failures()) {
                context.getBean(OrderService.class).payWithOpenId("o-4", "open-4");

                assertThat(context.getBean(RecordingEventDispatcher.class).events).hasSize(1);
                assertThat(log.messages()).singleElement().asString().contains("failed and was skipped", "no user");
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OrderedResolvers {

        @Bean
        @Order(2)
        YoushuContextResolver second() {
            return () -> YoushuContext.builder().openId("open-second").userId("user-second").unionId("union-second")
                    .page("pages/second").scene(1047).build();
        }

        @Bean
        @Order(1)
        YoushuContextResolver first() {
            return () -> YoushuContext.builder().openId("open-first").userId("user-first").page("pages/first").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Services {
        @Bean
        OrderService orderService() {
            return new OrderService();
        }
    }

    static class OrderService {

        @ReportOrderStatus(status = "payed", orderId = "#id", orderTime = "1717200000000L", orderAmount = "1", payAmount = "1")
        public void pay(String id) {
        }

        @ReportOrderStatus(status = "payed", orderId = "#id", orderTime = "1717200000000L", orderAmount = "1", payAmount = "1",
                openId = "#openId")
        public void payWithOpenId(String id, String openId) {
        }
    }
}
