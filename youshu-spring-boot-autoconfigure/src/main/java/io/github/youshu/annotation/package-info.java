/**
 * Annotations that report Youshu events from Spring bean methods: {@link io.github.youshu.annotation.ReportOrderStatus}
 * ({@code custom_order}), {@link io.github.youshu.annotation.ReportCouponOrder} ({@code coupon_order}) and
 * {@link io.github.youshu.annotation.ReportEvent} (any other type). Each may be repeated on a method and may sit
 * on an interface method.
 */
package io.github.youshu.annotation;
