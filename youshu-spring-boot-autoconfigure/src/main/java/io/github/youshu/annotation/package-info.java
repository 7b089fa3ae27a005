/**
 * Annotations that report Youshu events from Spring bean methods: {@link io.github.youshu.annotation.ReportOrderStatus}
 * ({@code custom_order}), {@link io.github.youshu.annotation.ReportCouponOrder} ({@code coupon_order}) and
 * {@link io.github.youshu.annotation.ReportEvent} (any other type); and annotations that send backend order data to
 * Youshu's data-api: {@link io.github.youshu.annotation.SyncOrder} ({@code order/add_order}),
 * {@link io.github.youshu.annotation.SyncOrderStatus} ({@code order/update}) and
 * {@link io.github.youshu.annotation.SyncReturnOrder} ({@code return_order/add}). Each may be repeated on a method
 * and may sit on an interface method; one method may carry both kinds.
 */
package io.github.youshu.annotation;
