package io.github.youshu.benchmarks.shop;

import io.github.youshu.event.CommonProps;
import io.github.youshu.event.CustomOrderProps;
import io.github.youshu.event.OrderStatus;
import io.github.youshu.event.YoushuEvent;
import java.time.Instant;

/** The event the benchmarks report: a {@code custom_order} with status {@code payed}. */
public final class SampleEvents {

    private SampleEvents() {
    }

    /** The order's {@code payed} event as the annotation on the reporting service builds it. */
    public static YoushuEvent payed(ShopOrder order, Instant now) {
        return YoushuEvent.customOrder(CustomOrderProps.builder()
                .order(order.id(), order.createdAt(), OrderStatus.PAYED)
                .wholeOrderAsSubOrder(order.total(), order.paid())
                .common(CommonProps.builder()
                        .page(BenchApp.PAGE)
                        .time(now)
                        .wxUser(BenchApp.WX_APP_ID, order.openId())
                        .scene(BenchApp.SCENE)
                        .build())
                .build()).withFrom(BenchApp.FROM);
    }
}
