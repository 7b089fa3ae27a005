package io.github.youshu.expression;

import io.github.youshu.FailureMode;
import io.github.youshu.YoushuReportException;
import io.github.youshu.context.YoushuContext;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.CustomOrderProps;
import io.github.youshu.event.GenericProps;
import io.github.youshu.event.OrderStatus;
import io.github.youshu.event.WxUser;
import io.github.youshu.event.YoushuEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Programmatic reporting: the same defaults, validation, failure mode and dispatch as the annotations. */
class DefaultYoushuReporterTest {

    private final RecordingEventDispatcher dispatcher = new RecordingEventDispatcher();

    private static YoushuEvent order(CommonProps common) {
        return YoushuEvent.customOrder(CustomOrderProps.builder()
                .order("o-1", Instant.parse("2024-06-01T00:00:00Z"), OrderStatus.PAYED)
                .wholeOrderAsSubOrder(new BigDecimal("10.00"), new BigDecimal("8.00"))
                .common(common)
                .build());
    }

    @Test
    void fillsWhatTheEventLeavesOutFromResolversThenDefaults() {
        DefaultYoushuReporter reporter = new DefaultYoushuReporter(dispatcher,
                List.of(() -> YoushuContext.builder().openId("open-resolver").page("pages/resolver").trackingId("t-1").build()),
                ReportingTestConfiguration.SETTINGS);

        boolean accepted = reporter.report(order(CommonProps.builder().page("pages/own").build()));

        assertThat(accepted).isTrue();
        assertThat(dispatcher.events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("custom_order");
            assertThat(event.orderId()).isEqualTo("o-1");
        });
        var json = dispatcher.single();
        assertThat(json.at("/from").asText()).isEqualTo("test-shop");
        assertThat(json.at("/tracking_id").asText()).isEqualTo("t-1");
        assertThat(json.at("/props/page").asText()).isEqualTo("pages/own");
        assertThat(json.at("/props/wx_user/open_id").asText()).isEqualTo("open-resolver");
        assertThat(json.at("/props/wx_user/app_id").asText()).isEqualTo("wx0123456789abcdef");
        assertThat(json.at("/props/chan/chan_wxapp_scene").asInt()).isEqualTo(1001);
        assertThat(json.at("/props/time").asLong()).isPositive();
    }

    @Test
    void keepsTheEventsOwnValues() {
        DefaultYoushuReporter reporter = new DefaultYoushuReporter(dispatcher, List.of(), ReportingTestConfiguration.SETTINGS);

        reporter.report(order(CommonProps.builder().wxUser(WxUser.of("wx-own", "open-own")).time(1717200000000L).scene(1089).build())
                .withFrom("own-source").withTrackingId("t-own"));

        var json = dispatcher.single();
        assertThat(json.at("/from").asText()).isEqualTo("own-source");
        assertThat(json.at("/tracking_id").asText()).isEqualTo("t-own");
        assertThat(json.at("/props/time").asLong()).isEqualTo(1717200000000L);
        assertThat(json.at("/props/wx_user/app_id").asText()).isEqualTo("wx-own");
        assertThat(json.at("/props/chan/chan_wxapp_scene").asInt()).isEqualTo(1089);
    }

    @Test
    void anInvalidEventIsDroppedAndCountedInLogMode() {
        DefaultYoushuReporter reporter = new DefaultYoushuReporter(dispatcher, List.of(), ReportingTestConfiguration.SETTINGS);

        try (LogCapture log = LogCapture.failures()) {
            assertThat(reporter.report(order(CommonProps.EMPTY))).isFalse();

            assertThat(log.messages()).containsExactly("Youshu event custom_order (order_id o-1) is invalid: "
                    + "props.wx_user.open_id: is required; reported by YoushuReporter.report; event dropped. "
                    + "To supply wx_user.open_id: set it on the event (CommonProps.builder().wxUser(null, openId)), "
                    + "or register a YoushuContextResolver (the mini-program's X-Youshu-Open-Id header is read only in a "
                    + "servlet web application)");
        }
        assertThat(dispatcher.events).isEmpty();
        assertThat(dispatcher.invalid).containsExactly("custom_order");
    }

    @Test
    void anInvalidEventIsThrownInThrowMode() {
        DefaultYoushuReporter reporter = new DefaultYoushuReporter(dispatcher, List.of(), new ReportingSettings(FailureMode.THROW,
                ReportingTestConfiguration.ZONE, null, null, null));

        assertThatThrownBy(() -> reporter.report(order(CommonProps.EMPTY)))
                .isInstanceOfSatisfying(YoushuReportException.class, ex -> assertThat(ex.violations()).hasToString(
                        "[from: is required, props.page: is required, props.wx_user.app_id: is required, "
                                + "props.wx_user.open_id: is required, props.chan.chan_wxapp_scene: is required]"));
        assertThat(dispatcher.events).isEmpty();
        assertThat(dispatcher.invalid).containsExactly("custom_order");
    }

    @Test
    void anEventLargerThanOneRequestIsRefusedAtItsLargestPropAndOneOfExactlyTheLimitIsSent() {
        YoushuEvent event = YoushuEvent.of("add_to_cart", GenericProps.builder().put("sku_id", "s1").put("blob", "x".repeat(2000))
                .common(CommonProps.builder().wxUser(null, "open-1").build()).build());
        new DefaultYoushuReporter(dispatcher, List.of(), ReportingTestConfiguration.SETTINGS).report(event);
        int size = dispatcher.events.get(0).sizeInBytes();

        RecordingEventDispatcher exact = new RecordingEventDispatcher();
        assertThat(new DefaultYoushuReporter(exact, List.of(), ReportingTestConfiguration.SETTINGS, size).report(event)).isTrue();
        assertThat(exact.events).hasSize(1);

        RecordingEventDispatcher tooSmall = new RecordingEventDispatcher();
        DefaultYoushuReporter reporter = new DefaultYoushuReporter(tooSmall, List.of(), ReportingTestConfiguration.SETTINGS, size - 1);
        try (LogCapture log = LogCapture.failures()) {
            assertThat(reporter.report(event)).isFalse();

            assertThat(log.messages()).containsExactly("Youshu event add_to_cart (no order_id) is invalid: props.blob: makes the event "
                    + size + " bytes of JSON, more than one request carries (" + (size - 1) + " bytes: "
                    + "youshu.delivery.max-batch-bytes less 2); reported by YoushuReporter.report; event dropped");
        }
        assertThat(tooSmall.events).isEmpty();
        assertThat(tooSmall.invalid).containsExactly("add_to_cart");
    }

    @Test
    void aFiveMebibyteEventIsRefusedUnderTheDefaultLimitOfOneRequest() {
        DefaultYoushuReporter reporter = new DefaultYoushuReporter(dispatcher, List.of(), ReportingTestConfiguration.SETTINGS);

        boolean accepted = reporter.report(YoushuEvent.of("add_to_cart", GenericProps.builder()
                .put("blob", "x".repeat(5 * 1024 * 1024)).common(CommonProps.builder().wxUser(null, "open-1").build()).build()));

        assertThat(accepted).isFalse();
        assertThat(dispatcher.events).isEmpty();
        assertThat(dispatcher.invalid).containsExactly("add_to_cart");
    }
}
