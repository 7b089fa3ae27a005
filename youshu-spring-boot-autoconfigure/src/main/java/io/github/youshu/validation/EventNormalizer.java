package io.github.youshu.validation;

import io.github.youshu.event.Chan;
import io.github.youshu.event.ChanCustom;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.Component;
import io.github.youshu.event.CouponOrder;
import io.github.youshu.event.CouponOrderProps;
import io.github.youshu.event.CustomOrderProps;
import io.github.youshu.event.EventProps;
import io.github.youshu.event.GenericProps;
import io.github.youshu.event.SubOrder;
import io.github.youshu.event.WxUser;
import io.github.youshu.event.WxUserTag;
import io.github.youshu.event.YoushuEvent;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns an event into exactly what is sent, before it is validated: validation and serialization
 * see the same values. The rules:
 * <ul>
 *   <li>an amount with more than 2 decimal places whose extra places are zeros is written with 2
 *       ({@code 9.000} as {@code 9.00}, {@code 59.7000} as {@code 59.70}); any other amount as given;</li>
 *   <li>a blank optional string ({@code ""}, {@code " "}) is left out, like {@code null}: {@code
 *       tracking_id}, {@code page_title}, {@code sr_sdk_version}, the optional fields of {@code wx_user},
 *       its tags, {@code chan}, {@code chan_custom} and {@code component}; a {@code chan_custom} or a
 *       {@code component} left without any field is left out; a required string is kept (and refused
 *       when blank);</li>
 *   <li>the props of other types are converted by {@link PropValues}.</li>
 * </ul>
 * Returns the same instances where nothing changes. Thread-safe.
 */
final class EventNormalizer {

    private final PropValues propValues;

    EventNormalizer(ZoneId zone) {
        this.propValues = new PropValues(zone);
    }

    /** The event as sent; what cannot be converted is recorded in {@code violations} (and left out). */
    YoushuEvent normalize(YoushuEvent event, ViolationCollector violations) {
        String trackingId = optional(event.trackingId());
        EventProps props = props(event.props(), violations);
        if (Objects.equals(trackingId, event.trackingId()) && props == event.props()) {
            return event;
        }
        return new YoushuEvent(event.type(), event.from(), trackingId, props);
    }

    /**
     * An amount with at most 2 decimal places where its value allows it: {@code 9.000} becomes
     * {@code 9.00}; {@code 9.001}, {@code 9.5}, {@code 9} and {@code null} stay as they are.
     */
    static BigDecimal amount(BigDecimal amount) {
        if (amount == null || amount.scale() <= 2) {
            return amount;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() <= 2 ? stripped.setScale(2) : amount;
    }

    private EventProps props(EventProps props, ViolationCollector violations) {
        CommonProps common = common(props.common());
        if (props instanceof CustomOrderProps custom) {
            List<SubOrder> subOrders = subOrders(custom.subOrders());
            return common == custom.common() && subOrders == custom.subOrders() ? custom
                    : new CustomOrderProps(custom.order(), subOrders, common);
        }
        if (props instanceof CouponOrderProps coupon) {
            CouponOrder order = coupon(coupon.coupon());
            return common == coupon.common() && order == coupon.coupon() ? coupon
                    : new CouponOrderProps(order, coupon.couponInfo(), common);
        }
        GenericProps generic = (GenericProps) props;
        return GenericProps.of(propValues.normalize(generic.properties(), violations), common);
    }

    private static List<SubOrder> subOrders(List<SubOrder> subOrders) {
        List<SubOrder> normalized = null;
        for (int i = 0; i < subOrders.size(); i++) {
            SubOrder subOrder = subOrders.get(i);
            BigDecimal orderAmt = amount(subOrder.orderAmt());
            BigDecimal payAmt = amount(subOrder.payAmt());
            if (orderAmt != subOrder.orderAmt() || payAmt != subOrder.payAmt()) {
                if (normalized == null) {
                    normalized = new ArrayList<>(subOrders);
                }
                normalized.set(i, new SubOrder(subOrder.subOrderId(), orderAmt, payAmt));
            }
        }
        return normalized == null ? subOrders : normalized;
    }

    private static CouponOrder coupon(CouponOrder coupon) {
        if (coupon == null) {
            return null;
        }
        BigDecimal payAmt = amount(coupon.payAmt());
        return payAmt == coupon.payAmt() ? coupon
                : new CouponOrder(coupon.orderId(), coupon.orderTime(), coupon.orderStatus(), coupon.couponBatchId(), payAmt);
    }

    private static CommonProps common(CommonProps common) {
        String pageTitle = optional(common.pageTitle());
        String srSdkVersion = optional(common.srSdkVersion());
        WxUser wxUser = wxUser(common.wxUser());
        Chan chan = chan(common.chan());
        Component component = component(common.component());
        if (pageTitle == common.pageTitle() && srSdkVersion == common.srSdkVersion() && wxUser == common.wxUser()
                && chan == common.chan() && component == common.component()) {
            return common;
        }
        return new CommonProps(common.page(), pageTitle, srSdkVersion, common.time(), wxUser, chan, component);
    }

    private static WxUser wxUser(WxUser user) {
        if (user == null) {
            return null;
        }
        String userId = optional(user.userId());
        String unionId = optional(user.unionId());
        String localId = optional(user.localId());
        List<WxUserTag> tags = tags(user.tags());
        if (userId == user.userId() && unionId == user.unionId() && localId == user.localId() && tags == user.tags()) {
            return user;
        }
        return new WxUser(user.appId(), user.openId(), userId, unionId, localId, tags);
    }

    private static List<WxUserTag> tags(List<WxUserTag> tags) {
        if (tags == null) {
            return null;
        }
        List<WxUserTag> normalized = null;
        for (int i = 0; i < tags.size(); i++) {
            WxUserTag tag = tags.get(i);
            String tagId = optional(tag.tagId());
            String tagName = optional(tag.tagName());
            if (tagId != tag.tagId() || tagName != tag.tagName()) {
                if (normalized == null) {
                    normalized = new ArrayList<>(tags);
                }
                normalized.set(i, new WxUserTag(tagId, tagName));
            }
        }
        return normalized == null ? tags : normalized;
    }

    private static Chan chan(Chan chan) {
        if (chan == null) {
            return null;
        }
        String chanId = optional(chan.chanId());
        String referAppId = optional(chan.chanReferAppId());
        String shopId = optional(chan.chanShopId());
        String shopName = optional(chan.chanShopName());
        ChanCustom custom = chanCustom(chan.chanCustom());
        if (chanId == chan.chanId() && referAppId == chan.chanReferAppId() && shopId == chan.chanShopId()
                && shopName == chan.chanShopName() && custom == chan.chanCustom()) {
            return chan;
        }
        return new Chan(chan.chanWxappScene(), chanId, referAppId, shopId, shopName, custom);
    }

    private static ChanCustom chanCustom(ChanCustom custom) {
        if (custom == null) {
            return null;
        }
        String[] given = {custom.chanCustomId(), custom.chanCustomIdDesc(), custom.chanCustomCat3(),
            custom.chanCustomCat3Desc(), custom.chanCustomCat2(), custom.chanCustomCat2Desc(), custom.chanCustomCat1(),
            custom.chanCustomCat1Desc()};
        boolean changed = false;
        boolean any = false;
        String[] kept = new String[given.length];
        for (int i = 0; i < given.length; i++) {
            kept[i] = optional(given[i]);
            changed |= kept[i] != given[i];
            any |= kept[i] != null;
        }
        if (!any) {
            return null;
        }
        return changed ? new ChanCustom(kept[0], kept[1], kept[2], kept[3], kept[4], kept[5], kept[6], kept[7]) : custom;
    }

    private static Component component(Component component) {
        if (component == null) {
            return null;
        }
        String id = optional(component.componentId());
        String name = optional(component.componentName());
        if (id == null && name == null) {
            return null;
        }
        return id == component.componentId() && name == component.componentName() ? component : new Component(id, name);
    }

    /** An optional string: {@code null} when blank. */
    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
