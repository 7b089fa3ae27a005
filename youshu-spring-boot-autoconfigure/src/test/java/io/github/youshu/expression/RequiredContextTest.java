package io.github.youshu.expression;

import ch.qos.logback.classic.Level;
import io.github.youshu.FailureMode;
import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.context.RequestHeaderContextResolver;
import io.github.youshu.context.RequestHeaderNames;
import io.github.youshu.context.YoushuContext;
import io.github.youshu.context.YoushuContextResolver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Youshu requires {@code page}, {@code chan.chan_wxapp_scene} and {@code wx_user.open_id} on every
 * event. When an annotation leaves one to a source that cannot supply it, startup warns (naming the
 * annotations and how to supply the field), and the message of each dropped event says how to supply
 * what was missing: the yml property, the annotation attribute and the request header.
 */
class RequiredContextTest {

    private static final ReportingSettings NO_DEFAULTS = new ReportingSettings(FailureMode.LOG, ReportingTestConfiguration.ZONE,
            "test-shop", "wx0123456789abcdef", ReportingSettings.Defaults.NONE);

    private static final ReportingSettings PAGE_AND_SCENE_DEFAULTS = new ReportingSettings(FailureMode.LOG,
            ReportingTestConfiguration.ZONE, "test-shop", "wx0123456789abcdef",
            new ReportingSettings.Defaults("pages/index/index", null, 1001, null, null, null, null));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReportingTestConfiguration.class)
            .withBean("paymentCallback", PaymentCallback.class);

    /** Like a WeChat Pay notification handler: no mini-program request, so no context headers. */
    static class PaymentCallback {
        @ReportOrderStatus(status = "payed", orderId = "#orderId", orderTime = "1717230600000L", orderAmount = "1",
                payAmount = "1")
        public void paid(String orderId) {
        }

        @ReportOrderStatus(status = "refund", orderId = "#orderId", orderTime = "1717230600000L", orderAmount = "1",
                payAmount = "1", openId = "'o-user'", page = "'pages/order/detail'", scene = "1001")
        public void refunded(String orderId) {
        }
    }

    @Test
    void withNoSourceAtAllStartupWarnsOncePerFieldNamingTheAnnotationsAndTheFix() {
        try (LogCapture log = checkLog()) {
            runner.withBean(ReportingSettings.class, () -> NO_DEFAULTS).run(context -> assertThat(context).hasNotFailed());

            assertThat(log.messages(Level.WARN)).containsExactly(
                    "Youshu: nothing configured supplies page (required by Youshu) to 1 report annotation(s): "
                            + "PaymentCallback.paid(String) @ReportOrderStatus(payed). All their events will be dropped as invalid. "
                            + "To supply page: set youshu.defaults.page (e.g. pages/index/index), give page on the annotation, "
                            + "or register a YoushuContextResolver (the mini-program's X-Youshu-Page header is read only in a "
                            + "servlet web application).",
                    "Youshu: nothing configured supplies chan.chan_wxapp_scene (required by Youshu) to 1 report annotation(s): "
                            + "PaymentCallback.paid(String) @ReportOrderStatus(payed). All their events will be dropped as invalid. "
                            + "To supply chan.chan_wxapp_scene: set youshu.defaults.scene (e.g. 1001), give scene on the "
                            + "annotation, or register a YoushuContextResolver (the mini-program's X-Youshu-Scene header is "
                            + "read only in a servlet web application).",
                    "Youshu: nothing configured supplies wx_user.open_id (required by Youshu) to 1 report annotation(s): "
                            + "PaymentCallback.paid(String) @ReportOrderStatus(payed). All their events will be dropped as invalid. "
                            + "To supply wx_user.open_id: give openId on the annotation (e.g. openId = \"#result.openId\"), "
                            + "or register a YoushuContextResolver (the mini-program's X-Youshu-Open-Id header is read only in "
                            + "a servlet web application).");
        }
    }

    @Test
    void withOnlyTheRequestHeadersStartupWarnsThatCallbacksLoseTheirEvents() {
        try (LogCapture log = checkLog()) {
            runner.withBean(ReportingSettings.class, () -> NO_DEFAULTS)
                    .withBean(RequestHeaderContextResolver.class, () -> new RequestHeaderContextResolver(customHeaders()))
                    .run(context -> assertThat(context).hasNotFailed());

            assertThat(log.messages(Level.WARN)).hasSize(2).first().isEqualTo(
                    "Youshu: page (required by Youshu) comes only from the request header X-Page for 1 report annotation(s): "
                            + "PaymentCallback.paid(String) @ReportOrderStatus(payed). Their events reported outside a "
                            + "mini-program request (a WeChat Pay callback, a scheduled job, a message listener) carry no such "
                            + "header and will be dropped as invalid. To supply page: set youshu.defaults.page "
                            + "(e.g. pages/index/index), give page on the annotation, or send the X-Page header from the "
                            + "mini-program.");
            assertThat(log.messages(Level.WARN).get(1)).startsWith("Youshu: chan.chan_wxapp_scene (required by Youshu) "
                    + "comes only from the request header X-Scene");
        }
    }

    @Test
    void defaultsForPageAndSceneLeaveOnlyTheOpenIdWarning() {
        try (LogCapture log = checkLog()) {
            runner.withBean(ReportingSettings.class, () -> PAGE_AND_SCENE_DEFAULTS).run(context -> assertThat(context).hasNotFailed());

            assertThat(log.messages(Level.WARN)).singleElement().asString().startsWith("Youshu: nothing configured supplies wx_user.open_id");
        }
    }

    @Test
    void anApplicationResolverMaySupplyAnythingSoNothingIsLogged() {
        try (LogCapture log = checkLog()) {
            runner.withBean(ReportingSettings.class, () -> NO_DEFAULTS)
                    .withBean(YoushuContextResolver.class, () -> () -> YoushuContext.EMPTY)
                    .run(context -> assertThat(context).hasNotFailed());

            assertThat(log.messages()).isEmpty();
        }
    }

    @Test
    void aWarningNamesAtMostTenAnnotations() {
        List<ReportOperation> operations = IntStream.range(0, 12).mapToObj(i -> operation("Svc.m" + (i < 10 ? "0" : "") + i + "()"))
                .toList();
        try (LogCapture log = checkLog()) {
            List<String> warnings = RequiredContextCheck.warn(operations, ReportingSettings.Defaults.NONE, List.of());

            assertThat(warnings).hasSize(3).first().asString()
                    .contains("to 12 report annotation(s): Svc.m00(), Svc.m01()", "Svc.m09() and 2 more.")
                    .doesNotContain("Svc.m10()");
        }
    }

    @Test
    void theDropMessageSaysHowToSupplyEachMissingField() {
        try (LogCapture log = LogCapture.failures()) {
            runner.withBean(ReportingSettings.class, () -> NO_DEFAULTS)
                    .withBean(RequestHeaderContextResolver.class, () -> new RequestHeaderContextResolver(customHeaders()))
                    .run(context -> {
                        context.getBean(PaymentCallback.class).paid("SO-1");

                        assertThat(context.getBean(RecordingEventDispatcher.class).invalid).containsExactly("custom_order");
                    });

            assertThat(log.messages()).singleElement().asString().contains(
                    "Youshu event custom_order (order_id SO-1) is invalid: props.page: is required; ",
                    "props.chan.chan_wxapp_scene: is required", "props.wx_user.open_id: is required",
                    "; reported by PaymentCallback.paid(String) @ReportOrderStatus(payed); event dropped. "
                            + "To supply page: set youshu.defaults.page (e.g. pages/index/index), give page on the annotation, "
                            + "or send the X-Page header from the mini-program; "
                            + "to supply chan.chan_wxapp_scene: set youshu.defaults.scene (e.g. 1001), give scene on the "
                            + "annotation, or send the X-Scene header from the mini-program; "
                            + "to supply wx_user.open_id: give openId on the annotation (e.g. openId = \"#result.openId\"), "
                            + "or send the X-Open-Id header from the mini-program");
        }
    }

    @Test
    void otherViolationsGetNoAdvice() {
        assertThat(RequiredContext.advice(List.of(new io.github.youshu.validation.Violation("props.page", "must not start with '/'")),
                RequestHeaderNames.DEFAULTS, false)).isEmpty();
    }

    private static RequestHeaderNames customHeaders() {
        return new RequestHeaderNames("X-Open-Id", "X-Union-Id", "X-User-Id", "X-Page", "X-Page-Title", "X-Scene", "X-Chan-Id",
                "X-Tracking-Id");
    }

    private static ReportOperation operation(String label) {
        return new GenericEventOperation(label, "visit", io.github.youshu.annotation.ReportOn.AFTER_RETURNING, java.util.Map.of());
    }

    private static LogCapture checkLog() {
        return new LogCapture(RequiredContextCheck.class, Level.WARN);
    }
}
