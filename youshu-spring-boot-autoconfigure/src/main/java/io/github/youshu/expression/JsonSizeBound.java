package io.github.youshu.expression;

import io.github.youshu.event.Chan;
import io.github.youshu.event.ChanCustom;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.Component;
import io.github.youshu.event.CouponInfo;
import io.github.youshu.event.CouponOrder;
import io.github.youshu.event.CouponOrderProps;
import io.github.youshu.event.CustomOrder;
import io.github.youshu.event.CustomOrderProps;
import io.github.youshu.event.SubOrder;
import io.github.youshu.event.WxUser;
import io.github.youshu.event.WxUserTag;
import io.github.youshu.event.YoushuEvent;

import java.util.List;

/**
 * An upper bound of the size in bytes of JSON of a {@code custom_order} or {@code coupon_order}
 * model event, as {@link io.github.youshu.event.EventJsonSerializer} would write it once it is
 * valid, computed on the caller's thread without writing it: it reads string lengths and list sizes
 * only. Each field counts {@value #FIELD} bytes for its name and punctuation (the longest name,
 * {@code chan_custom_cat_3_desc}, takes 26 with its quotes, colon and comma), each character of a
 * string {@value #PER_CHAR} (a control character written as a {@code \}{@code u} escape, the worst
 * case; UTF-8 takes at most 3 bytes per UTF-16 unit), each number {@value #NUMBER} (a valid amount
 * has at most 15 digits, a time 13, a scene 10), each object or list its brackets. An amount larger
 * than that is invalid and never written.
 */
final class JsonSizeBound {

    static final int FIELD = 28;
    static final int PER_CHAR = 6;
    static final int NUMBER = 24;
    private static final int OBJECT = FIELD + 2;

    private JsonSizeBound() {
    }

    /** The bound; {@code -1} for an event of another shape (generic props), which it cannot bound. */
    static long of(YoushuEvent event) {
        long size = OBJECT + text(event.type()) + text(event.from()) + text(event.trackingId());
        if (event.props() instanceof CustomOrderProps props) {
            size += OBJECT + customOrder(props.order()) + common(props.common());
            List<SubOrder> subOrders = props.subOrders();
            size += OBJECT;
            for (int i = 0; i < subOrders.size(); i++) {
                SubOrder subOrder = subOrders.get(i);
                size += OBJECT + (subOrder == null ? 0 : text(subOrder.subOrderId()) + 2L * (FIELD + NUMBER));
            }
            return size;
        }
        if (event.props() instanceof CouponOrderProps props) {
            size += OBJECT + couponOrder(props.coupon()) + common(props.common());
            List<CouponInfo> infos = props.couponInfo();
            size += OBJECT;
            for (int i = 0; i < infos.size(); i++) {
                CouponInfo info = infos.get(i);
                size += OBJECT + (info == null ? 0 : text(info.couponId()));
            }
            return size;
        }
        return -1;
    }

    private static long customOrder(CustomOrder order) {
        return order == null ? 0 : OBJECT + text(order.orderId()) + 3L * (FIELD + NUMBER);
    }

    private static long couponOrder(CouponOrder order) {
        return order == null ? 0 : OBJECT + text(order.orderId()) + text(order.couponBatchId()) + 3L * (FIELD + NUMBER);
    }

    private static long common(CommonProps common) {
        if (common == null) {
            return 0;
        }
        long size = text(common.page()) + text(common.pageTitle()) + text(common.srSdkVersion()) + FIELD + NUMBER;
        WxUser user = common.wxUser();
        if (user != null) {
            size += OBJECT + text(user.appId()) + text(user.openId()) + text(user.userId()) + text(user.unionId())
                    + text(user.localId());
            List<WxUserTag> tags = user.tags();
            if (tags != null) {
                size += OBJECT;
                for (int i = 0; i < tags.size(); i++) {
                    WxUserTag tag = tags.get(i);
                    size += OBJECT + (tag == null ? 0 : text(tag.tagId()) + text(tag.tagName()));
                }
            }
        }
        Chan chan = common.chan();
        if (chan != null) {
            size += OBJECT + FIELD + NUMBER + text(chan.chanId()) + text(chan.chanReferAppId()) + text(chan.chanShopId())
                    + text(chan.chanShopName());
            ChanCustom custom = chan.chanCustom();
            if (custom != null) {
                size += OBJECT + text(custom.chanCustomId()) + text(custom.chanCustomIdDesc()) + text(custom.chanCustomCat3())
                        + text(custom.chanCustomCat3Desc()) + text(custom.chanCustomCat2()) + text(custom.chanCustomCat2Desc())
                        + text(custom.chanCustomCat1()) + text(custom.chanCustomCat1Desc());
            }
        }
        Component component = common.component();
        if (component != null) {
            size += OBJECT + text(component.componentId()) + text(component.componentName());
        }
        return size;
    }

    private static long text(String value) {
        return value == null ? 0 : FIELD + 2 + (long) PER_CHAR * value.length();
    }
}
