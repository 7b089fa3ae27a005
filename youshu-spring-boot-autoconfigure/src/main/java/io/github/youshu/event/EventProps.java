package io.github.youshu.event;

/**
 * The {@code props} of an event: the type's own fields plus the {@link CommonProps}.
 * {@link CustomOrderProps} and {@link CouponOrderProps} model the two order events;
 * {@link GenericProps} carries any other type.
 */
public sealed interface EventProps permits CustomOrderProps, CouponOrderProps, GenericProps {

    /** The common props; never {@code null} ({@link CommonProps#EMPTY} when none were given). */
    CommonProps common();

    /** The merchant's order id the event is about, or {@code null} when it has none. */
    String orderId();

    /** These props with {@code common} as their common props. */
    EventProps withCommon(CommonProps common);
}
