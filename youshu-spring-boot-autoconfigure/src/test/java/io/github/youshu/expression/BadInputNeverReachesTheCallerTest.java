package io.github.youshu.expression;

import io.github.youshu.FailureMode;
import io.github.youshu.YoushuReportException;
import io.github.youshu.YoushuReporter;
import io.github.youshu.annotation.ReportEvent;
import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.context.YoushuContext;
import io.github.youshu.context.YoushuContextResolver;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.GenericProps;
import io.github.youshu.event.YoushuEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15 items 2 and 3: nothing thrown by reporting reaches the caller in log mode (errors
 * included), each such event ends in exactly one counter (invalid) with a log line naming what
 * failed, and in throw mode the caller gets a {@link YoushuReportException} carrying the cause.
 */
class BadInputNeverReachesTheCallerTest {

    private static final ReportingSettings THROW = new ReportingSettings(FailureMode.THROW, ReportingTestConfiguration.ZONE,
            "test-shop", "wx0123456789abcdef", ReportingTestConfiguration.SETTINGS.defaults());

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReportingTestConfiguration.class, Services.class);

    private final RecordingEventDispatcher dispatcher = new RecordingEventDispatcher();

    // ---- programmatic: YoushuReporter.report ----

    @Test
    void anOrderIdWhoseToStringThrowsIsCountedInvalidAndLogged() {
        assertProgrammaticFailure(generic(Map.of("order_id", new UnprintableId())),
                "props.order_id: is a " + UnprintableId.class.getName() + " without readable properties", null);
    }

    @Test
    void aMapThatContainsItselfIsCountedInvalidAndLogged() {
        assertProgrammaticFailure(generic(Map.of("loop", selfContaining())), "props.loop.self: contains itself", null);
    }

    @Test
    void aGetterThrowingAnAssertionErrorIsCountedInvalidAndLogged() {
        assertProgrammaticFailure(generic(Map.of("bean", new BrokenBean())),
                "props.bean.broken: could not be read: java.lang.AssertionError: getter broke", AssertionError.class);
    }

    @Test
    void aNullEventIsCountedInvalidAndLogged() {
        assertProgrammaticFailure(null, "Youshu event unknown (no order_id): not reported: the event is null", null);
    }

    @Test
    void aResolverThrowingAnErrorIsSkippedAndTheEventStillSent() {
        YoushuContextResolver broken = () -> {
            throw new AssertionError("resolver broke");
        };
        DefaultYoushuReporter reporter = new DefaultYoushuReporter(dispatcher, List.of(broken), ReportingTestConfiguration.SETTINGS);

        try (LogCapture log = LogCapture.failures()) {
            assertThat(reporter.report(generic(Map.of("sku_id", "s1")))).isTrue();
            assertThat(log.messages()).singleElement().asString().contains("resolver broke");
        }
        assertThat(dispatcher.events).hasSize(1);
        assertThat(dispatcher.invalid).isEmpty();
    }

    @Test
    void anEventThatThrowsWhileCompletedIsCountedAndInThrowModeThrownWithItsCause() {
        AssertionError failure = new AssertionError("context broke");
        YoushuContextResolver resolver = () -> YoushuContext.builder().openId("open-1").build();
        DefaultYoushuReporter reporter = new DefaultYoushuReporter(dispatcher, List.of(resolver), THROW) {
            @Override
            CommonProps commonProps(YoushuContext context) {
                throw failure;
            }
        };

        assertThatThrownBy(() -> reporter.report(generic(Map.of("sku_id", "s1"))))
                .isInstanceOf(YoushuReportException.class).hasCause(failure)
                .hasMessageContaining("could not be reported: java.lang.AssertionError: context broke");
        assertThat(dispatcher.invalid).containsExactly("add_to_cart");
    }

    // ---- annotations ----

    @Test
    void annotatedPropsThatContainThemselvesAreCountedInvalid() {
        assertAnnotatedFailure(shop -> shop.addToCart(selfContaining()), "props.self.self: contains itself", false);
    }

    @Test
    void annotatedPropsBeanWithAGetterThrowingAnErrorIsCountedInvalid() {
        assertAnnotatedFailure(shop -> shop.addToCart(new BrokenBean()), "could not be read: java.lang.AssertionError: getter broke", true);
    }

    @Test
    void annotatedPropsBeanWithAGetterThatRecursesForeverIsCountedInvalid() {
        assertAnnotatedFailure(shop -> shop.addToCart(new RecursiveBean()), "could not be read: java.lang.StackOverflowError", true);
    }

    @Test
    void annotatedPropsWithAnOrderIdWhoseToStringThrowsAreCountedInvalid() {
        assertAnnotatedFailure(shop -> shop.addToCartFor(new UnprintableId()), "props.order_id: is a ", false);
    }

    @Test
    void annotatedPropsWithKeysThatBecomeTheSameNameAreCountedInvalid() {
        Map<Object, Object> props = new LinkedHashMap<>();
        props.put(1, "one");
        props.put("1", "uno");
        assertAnnotatedFailure(shop -> shop.addToCart(props), "two keys of the props map are both written as \"1\"", true);
    }

    @Test
    void anExpressionWhoseGetterRecursesForeverIsCountedInvalid() {
        assertAnnotatedFailure(shop -> shop.pay(new RecursiveBean()), "orderId \"#order.id\" failed", true);
    }

    @Test
    void aCompletionStageWhoseWhenCompleteThrowsIsReturnedAndItsEventCountedInvalid() {
        runner.run(context -> {
            Shop shop = context.getBean(Shop.class);
            RecordingEventDispatcher recorded = context.getBean(RecordingEventDispatcher.class);
            RefusingStage stage = new RefusingStage();
            try (LogCapture log = LogCapture.failures()) {

                assertThat(shop.payLater(stage)).isSameAs(stage);

                assertThat(recorded.invalid).containsExactly("custom_order");
                assertThat(log.messages()).singleElement().asString()
                        .contains("whenComplete failed: java.lang.UnsupportedOperationException: no callbacks");
            }
        });
        runner.withBean(ReportingSettings.class, () -> THROW).run(context -> {
            assertThatThrownBy(() -> context.getBean(Shop.class).payLater(new RefusingStage()))
                    .isInstanceOf(YoushuReportException.class).hasCauseInstanceOf(UnsupportedOperationException.class);
            assertThat(context.getBean(RecordingEventDispatcher.class).invalid).containsExactly("custom_order");
        });
    }

    /** Log mode: false, nothing sent, one invalid, one line; throw mode: the exception (with the cause when one is given). */
    private void assertProgrammaticFailure(YoushuEvent event, String logged, Class<? extends Throwable> cause) {
        DefaultYoushuReporter reporter = new DefaultYoushuReporter(dispatcher, List.of(), ReportingTestConfiguration.SETTINGS);
        try (LogCapture log = LogCapture.failures()) {
            assertThat(reporter.report(event)).isFalse();
            assertThat(log.messages()).singleElement().asString().contains(logged).endsWith("event dropped");
        }
        assertThat(dispatcher.events).isEmpty();
        assertThat(dispatcher.invalid).hasSize(1);

        RecordingEventDispatcher throwing = new RecordingEventDispatcher();
        YoushuReporter strict = new DefaultYoushuReporter(throwing, List.of(), THROW);
        assertThatThrownBy(() -> strict.report(event)).isInstanceOf(YoushuReportException.class).hasMessageContaining(logged)
                .satisfies(ex -> assertThat(ex.getCause() == null ? null : ex.getCause().getClass()).isEqualTo(cause));
        assertThat(throwing.invalid).hasSize(1);
    }

    /** Log mode: the method's result, nothing sent, one invalid, one line; throw mode: the exception after the method ran. */
    private void assertAnnotatedFailure(ThrowingConsumer<Shop> call, String logged, boolean withCause) {
        runner.run(inLogMode(call, logged));
        runner.withBean(ReportingSettings.class, () -> THROW).run(context -> {
            Shop shop = context.getBean(Shop.class);
            assertThatThrownBy(() -> call.accept(shop)).isInstanceOf(YoushuReportException.class)
                    .hasMessageContaining(logged)
                    .satisfies(ex -> assertThat(ex.getCause() != null).isEqualTo(withCause));
            assertThat(shop.calls()).isEqualTo(1);
            assertThat(context.getBean(RecordingEventDispatcher.class).invalid).hasSize(1);
        });
    }

    private static org.springframework.boot.test.context.runner.ContextConsumer<AssertableApplicationContext> inLogMode(
            ThrowingConsumer<Shop> call, String logged) {
        return context -> {
            Shop shop = context.getBean(Shop.class);
            RecordingEventDispatcher recorded = context.getBean(RecordingEventDispatcher.class);
            try (LogCapture log = LogCapture.failures()) {
                call.accept(shop);
                assertThat(shop.calls()).isEqualTo(1);
                assertThat(recorded.events).isEmpty();
                assertThat(recorded.invalid).hasSize(1);
                assertThat(log.messages()).singleElement().asString().contains(logged).endsWith("event dropped");
            }
        };
    }

    private static YoushuEvent generic(Map<String, ?> props) {
        return YoushuEvent.of("add_to_cart", GenericProps.of(props, CommonProps.builder().wxUser(null, "open-1").build()));
    }

    private static Map<String, Object> selfContaining() {
        Map<String, Object> map = new HashMap<>();
        map.put("self", map);
        return map;
    }

    static final class UnprintableId {
        @Override
        public String toString() {
            throw new IllegalStateException("toString broke");
        }
    }

    public static class BrokenBean {
        public String getBroken() {
            throw new AssertionError("getter broke");
        }
    }

    public static class RecursiveBean {
        public String getId() {
            return getId();
        }
    }

    /** A stage that refuses callbacks, as some adapters of reactive types do. */
    static final class RefusingStage extends CompletableFuture<String> {
        @Override
        public CompletableFuture<String> whenComplete(BiConsumer<? super String, ? super Throwable> action) {
            throw new UnsupportedOperationException("no callbacks");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Services {
        @Bean
        Shop shop() {
            return new Shop();
        }
    }

    static class Shop {
        private int calls;

        public int calls() {
            return calls;
        }

        @ReportEvent(type = "add_to_cart", props = "#props", openId = "'open-1'")
        public String addToCart(Object props) {
            calls++;
            return "added";
        }

        @ReportEvent(type = "add_to_cart", props = "{order_id: #orderId}", openId = "'open-1'")
        public String addToCartFor(Object orderId) {
            calls++;
            return "added";
        }

        @ReportOrderStatus(status = "payed", orderId = "#order.id", orderTime = "0", orderAmount = "1", payAmount = "1",
                openId = "'open-1'")
        public String pay(RecursiveBean order) {
            calls++;
            return "paid";
        }

        @ReportOrderStatus(status = "payed", orderId = "'o-1'", orderTime = "1717200000000L", orderAmount = "1",
                payAmount = "1", openId = "'open-1'")
        public CompletionStage<String> payLater(CompletionStage<String> stage) {
            calls++;
            return stage;
        }
    }
}
