package io.github.youshu.validation;

import io.github.youshu.event.Chan;
import io.github.youshu.event.ChanCustom;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.CouponInfo;
import io.github.youshu.event.CouponOrder;
import io.github.youshu.event.CouponOrderProps;
import io.github.youshu.event.CustomOrder;
import io.github.youshu.event.CustomOrderProps;
import io.github.youshu.event.EventProps;
import io.github.youshu.event.SubOrder;
import io.github.youshu.event.WxUser;
import io.github.youshu.event.WxUserTag;
import io.github.youshu.event.YoushuEvent;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Checks an event against the rules of the Youshu wire contract before it is sent: the envelope,
 * the common props of every type, the rules of {@code custom_order} and {@code coupon_order}, and
 * the limits of the props of other types ({@link PropValues}). The event is first normalised the
 * way it is written (amounts such as {@code 9.000} as {@code 9.00}, blank optional strings left
 * out, generic prop values converted): {@link #check} returns that normalised event, which is what
 * must be serialized, so that what passes validation is exactly what is sent. Reports every
 * violation at once, each with its JSON path. Thread-safe; allocates nothing beyond a small
 * collector for a valid model event.
 */
public final class EventValidator {

    /**
     * The largest amount in yuan, {@value}: 15 significant digits, which every JSON parser that
     * reads numbers as doubles keeps to the cent.
     */
    public static final String MAX_AMOUNT_TEXT = "999999999999.99";

    private static final String REQUIRED = "is required";
    private static final String NOT_BLANK = "must not be blank";
    private static final String NOT_EMPTY = "must not be empty";
    private static final String NO_LEADING_SLASH = "must not start with '/'";
    private static final String EPOCH_MILLIS = "must be a 13-digit epoch-millisecond time";
    private static final String NOT_NEGATIVE = "must be >= 0";
    private static final String TWO_DECIMALS = "must have at most 2 decimal places";
    private static final BigDecimal MAX_AMOUNT = new BigDecimal(MAX_AMOUNT_TEXT);
    private static final String AT_MOST_MAX_AMOUNT = "must be at most " + MAX_AMOUNT_TEXT + " yuan";

    private static final long MIN_EPOCH_MILLIS = 1_000_000_000_000L;
    private static final long MAX_EPOCH_MILLIS = 9_999_999_999_999L;
    private static final String CHAN_CUSTOM = "props.chan.chan_custom";

    private final EventNormalizer normalizer;

    /** A validator that places date-times without a zone in generic props in the JVM's default zone. */
    public EventValidator() {
        this(ZoneId.systemDefault());
    }

    /** @param zone the zone of date-times without one in generic props ({@code youshu.zone}) */
    public EventValidator(ZoneId zone) {
        this.normalizer = new EventNormalizer(Objects.requireNonNull(zone, "zone"));
    }

    /**
     * @return every violated rule of the event as it would be sent, in the order of the fields;
     *         empty when the event is valid
     */
    public List<Violation> validate(YoushuEvent event) {
        return check(event).violations();
    }

    /**
     * Normalises the event as it is sent and checks it.
     *
     * @return the normalised event (the one to serialize) and every violated rule
     */
    public Result check(YoushuEvent event) {
        Objects.requireNonNull(event, "event");
        ViolationCollector violations = new ViolationCollector();
        YoushuEvent normalized = normalizer.normalize(event, violations);
        rules(violations, normalized);
        return new Result(normalized, violations.result(), violations.firstCause());
    }

    /**
     * An event as it is sent and the rules it breaks.
     *
     * @param event      the normalised event: serialize this one, not the event given
     * @param violations every violated rule; empty when the event may be sent
     * @param cause      what a value threw when it was read (a getter, an iterator, a
     *                   {@code toString()}), for the first violation it caused; {@code null} when none threw
     */
    public record Result(YoushuEvent event, List<Violation> violations, Throwable cause) {

        /** Whether the event may be sent. */
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private static void rules(ViolationCollector violations, YoushuEvent event) {
        String type = event.type();
        nonBlank(violations, null, -1, "type", type);
        nonBlank(violations, null, -1, "from", event.from());
        EventProps props = event.props();
        if (props instanceof CustomOrderProps customOrder) {
            typeMatches(violations, type, YoushuEvent.CUSTOM_ORDER, "CustomOrderProps");
            customOrder(violations, customOrder);
        } else if (props instanceof CouponOrderProps couponOrder) {
            typeMatches(violations, type, YoushuEvent.COUPON_ORDER, "CouponOrderProps");
            couponOrder(violations, couponOrder);
        } else if (YoushuEvent.CUSTOM_ORDER.equals(type)) {
            violations.add(null, -1, "props", "must be CustomOrderProps for type custom_order");
        } else if (YoushuEvent.COUPON_ORDER.equals(type)) {
            violations.add(null, -1, "props", "must be CouponOrderProps for type coupon_order");
        }
        common(violations, props.common());
    }

    private static void typeMatches(ViolationCollector violations, String type, String expected, String propsClass) {
        if (hasText(type) && !expected.equals(type)) {
            violations.add(null, -1, "type", "must be " + expected + " for " + propsClass);
        }
    }

    private static void customOrder(ViolationCollector violations, CustomOrderProps props) {
        CustomOrder order = props.order();
        if (order == null) {
            violations.add("props", -1, "order", REQUIRED);
        } else {
            nonBlank(violations, "props.order", -1, "order_id", order.orderId());
            epochMillis(violations, "props.order", "order_time", order.orderTime());
            present(violations, "props.order", "order_status", order.orderStatus());
            // order_type is optional; its type admits only the allowed values.
        }
        List<SubOrder> subOrders = props.subOrders();
        if (subOrders.isEmpty()) {
            violations.add("props", -1, "sub_orders", NOT_EMPTY);
        }
        for (int i = 0; i < subOrders.size(); i++) {
            SubOrder subOrder = subOrders.get(i);
            nonBlank(violations, "props.sub_orders", i, "sub_order_id", subOrder.subOrderId());
            amount(violations, "props.sub_orders", i, "order_amt", subOrder.orderAmt());
            amount(violations, "props.sub_orders", i, "pay_amt", subOrder.payAmt());
        }
    }

    private static void couponOrder(ViolationCollector violations, CouponOrderProps props) {
        CouponOrder coupon = props.coupon();
        if (coupon == null) {
            violations.add("props", -1, "coupon", REQUIRED);
        } else {
            nonBlank(violations, "props.coupon", -1, "order_id", coupon.orderId());
            epochMillis(violations, "props.coupon", "order_time", coupon.orderTime());
            present(violations, "props.coupon", "order_status", coupon.orderStatus());
            nonBlank(violations, "props.coupon", -1, "coupon_batch_id", coupon.couponBatchId());
            amount(violations, "props.coupon", -1, "pay_amt", coupon.payAmt());
        }
        List<CouponInfo> couponInfo = props.couponInfo();
        if (couponInfo.isEmpty()) {
            violations.add("props", -1, "coupon_info", NOT_EMPTY);
        }
        for (int i = 0; i < couponInfo.size(); i++) {
            nonBlank(violations, "props.coupon_info", i, "coupon_id", couponInfo.get(i).couponId());
        }
    }

    private static void common(ViolationCollector violations, CommonProps common) {
        String page = common.page();
        if (nonBlank(violations, "props", -1, "page", page) && page.charAt(0) == '/') {
            violations.add("props", -1, "page", NO_LEADING_SLASH);
        }
        epochMillis(violations, "props", "time", common.time());
        wxUser(violations, common.wxUser());
        chan(violations, common.chan());
    }

    private static void wxUser(ViolationCollector violations, WxUser wxUser) {
        if (wxUser == null) {
            violations.add("props", -1, "wx_user", REQUIRED);
            return;
        }
        nonBlank(violations, "props.wx_user", -1, "app_id", wxUser.appId());
        nonBlank(violations, "props.wx_user", -1, "open_id", wxUser.openId());
        List<WxUserTag> tags = wxUser.tags();
        if (tags == null) {
            return;
        }
        for (int i = 0; i < tags.size(); i++) {
            WxUserTag tag = tags.get(i);
            boolean hasId = hasText(tag.tagId());
            boolean hasName = hasText(tag.tagName());
            if (hasId && !hasName) {
                violations.add("props.wx_user.tag", i, "tag_name", "is required when tag_id is present");
            } else if (hasName && !hasId) {
                violations.add("props.wx_user.tag", i, "tag_id", "is required when tag_name is present");
            }
        }
    }

    private static void chan(ViolationCollector violations, Chan chan) {
        if (chan == null) {
            violations.add("props", -1, "chan", REQUIRED);
            return;
        }
        present(violations, "props.chan", "chan_wxapp_scene", chan.chanWxappScene());
        if (hasText(chan.chanShopId()) && !hasText(chan.chanShopName())) {
            violations.add("props.chan", -1, "chan_shop_name", "is required when chan_shop_id is present");
        }
        if (chan.chanCustom() != null) {
            chanCustom(violations, chan.chanCustom());
        }
    }

    private static void chanCustom(ViolationCollector violations, ChanCustom custom) {
        boolean id = hasText(custom.chanCustomId());
        boolean idDesc = hasText(custom.chanCustomIdDesc());
        boolean cat3 = hasText(custom.chanCustomCat3());
        boolean cat3Desc = hasText(custom.chanCustomCat3Desc());
        boolean cat2 = hasText(custom.chanCustomCat2());
        boolean cat2Desc = hasText(custom.chanCustomCat2Desc());
        boolean cat1 = hasText(custom.chanCustomCat1());
        boolean cat1Desc = hasText(custom.chanCustomCat1Desc());
        if (!(id || idDesc || cat3 || cat3Desc || cat2 || cat2Desc || cat1 || cat1Desc)) {
            return;
        }
        // Level 4 is required as soon as any field is set (this covers "cat_3 requires level 4").
        if (!id) {
            violations.add(CHAN_CUSTOM, -1, "chan_custom_id", "is required when any chan_custom field is present");
        }
        if (!idDesc) {
            violations.add(CHAN_CUSTOM, -1, "chan_custom_id_desc", "is required when any chan_custom field is present");
        }
        if (!cat3 && (cat2 || cat1)) {
            violations.add(CHAN_CUSTOM, -1, "chan_custom_cat_3",
                    "is required when " + (cat2 ? "chan_custom_cat_2" : "chan_custom_cat_1") + " is present");
        }
        if (!cat2 && cat1) {
            violations.add(CHAN_CUSTOM, -1, "chan_custom_cat_2", "is required when chan_custom_cat_1 is present");
        }
        if (cat3 && !cat3Desc) {
            violations.add(CHAN_CUSTOM, -1, "chan_custom_cat_3_desc", "is required when chan_custom_cat_3 is present");
        }
        if (cat2 && !cat2Desc) {
            violations.add(CHAN_CUSTOM, -1, "chan_custom_cat_2_desc", "is required when chan_custom_cat_2 is present");
        }
        if (cat1 && !cat1Desc) {
            violations.add(CHAN_CUSTOM, -1, "chan_custom_cat_1_desc", "is required when chan_custom_cat_1 is present");
        }
    }

    /** @return whether the value has text */
    private static boolean nonBlank(ViolationCollector violations, String parent, int index, String field, String value) {
        if (value == null) {
            violations.add(parent, index, field, REQUIRED);
            return false;
        }
        if (value.isBlank()) {
            violations.add(parent, index, field, NOT_BLANK);
            return false;
        }
        return true;
    }

    private static void present(ViolationCollector violations, String parent, String field, Object value) {
        if (value == null) {
            violations.add(parent, -1, field, REQUIRED);
        }
    }

    private static void epochMillis(ViolationCollector violations, String parent, String field, Long value) {
        if (value == null) {
            violations.add(parent, -1, field, REQUIRED);
        } else if (value < MIN_EPOCH_MILLIS || value > MAX_EPOCH_MILLIS) {
            violations.add(parent, -1, field, EPOCH_MILLIS);
        }
    }

    private static void amount(ViolationCollector violations, String parent, int index, String field, BigDecimal value) {
        if (value == null) {
            violations.add(parent, index, field, REQUIRED);
            return;
        }
        if (value.signum() < 0) {
            violations.add(parent, index, field, NOT_NEGATIVE);
        }
        // Normalised: 9.000 is already 9.00, so a longer scale means a third significant decimal.
        if (value.scale() > 2) {
            violations.add(parent, index, field, TWO_DECIMALS);
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            violations.add(parent, index, field, AT_MOST_MAX_AMOUNT);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
