package io.github.youshu.order.validation;

import io.github.youshu.event.ChanCustom;
import io.github.youshu.order.ChanInfo;
import io.github.youshu.order.CommissionInfo;
import io.github.youshu.order.CouponDetail;
import io.github.youshu.order.CouponInfo;
import io.github.youshu.order.DataApiItem;
import io.github.youshu.order.DataApiTime;
import io.github.youshu.order.ExpressInfo;
import io.github.youshu.order.ExpressPackage;
import io.github.youshu.order.ExpressPackageGoods;
import io.github.youshu.order.ExpressPage;
import io.github.youshu.order.GoodsInfo;
import io.github.youshu.order.InvoiceInfo;
import io.github.youshu.order.OrderSource;
import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.OrderStatusUpdate;
import io.github.youshu.order.OrderSum;
import io.github.youshu.order.PaymentInfo;
import io.github.youshu.order.PromotionDetail;
import io.github.youshu.order.PromotionInfo;
import io.github.youshu.order.ReturnGoodsInfo;
import io.github.youshu.order.ReturnOrder;
import io.github.youshu.order.UserInfo;
import io.github.youshu.order.YoushuOrder;
import io.github.youshu.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a data-api item against every required and conditional field of data-api.md §4–§7 and the
 * amount rules of §6 before it is sent, reporting every violation at once with its JSON path in a
 * one-item envelope ({@code orders[0].goods_info[1].goods_num: must be >= 1}).
 *
 * <p>Errors refuse the item: a missing required field, a code outside its set, a time that is not 13
 * digits of epoch milliseconds, negative money or money with more than 2 decimals,
 * {@code order_amount ≠ goods_amount_total + freight_amount}, {@code payment_amount > payable_amount},
 * {@code payable_amount > order_amount}, a count below 1. The three sums of §6 that real integrations
 * break for legitimate reasons — {@code goods_num_total = Σ goods_num},
 * {@code Σ payment_info.trans_amount = payment_amount},
 * {@code coupon_amount_total = Σ coupon_detail.coupon_amount} — are warnings, or errors when the
 * validator is built with {@code amountWarningsAsErrors}. Rules marked (inferred) in the spec are
 * named so in the Javadoc of the model. Stateless and thread-safe.
 */
public final class OrderValidator {

    private static final Logger logger = LoggerFactory.getLogger(OrderValidator.class);

    private static final String ROOT = "orders[0]";
    private static final String REQUIRED = "is required";
    private static final String NOT_BLANK = "must not be blank";
    private static final String NOT_EMPTY = "must not be empty";
    private static final String EPOCH_MILLIS = "must be a 13-digit epoch-millisecond time";
    private static final String NOT_NEGATIVE = "must be >= 0";
    private static final String TWO_DECIMALS = "must have at most 2 decimal places";
    private static final long MIN_EPOCH_MILLIS = 1_000_000_000_000L;
    private static final long MAX_EPOCH_MILLIS = 9_999_999_999_999L;
    private static final Set<String> INVOICE_TYPES = Set.of("1000", "1001", "1002", "1003", "1004", "1005", "1006");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final boolean amountWarningsAsErrors;

    /** A validator that reports the §6 sums as warnings. */
    public OrderValidator() {
        this(false);
    }

    /**
     * @param amountWarningsAsErrors whether the §6 sums ({@code goods_num_total = Σ goods_num},
     *                               {@code Σ trans_amount = payment_amount},
     *                               {@code coupon_amount_total = Σ coupon_amount}) refuse the item
     */
    public OrderValidator(boolean amountWarningsAsErrors) {
        this.amountWarningsAsErrors = amountWarningsAsErrors;
    }

    /** Whether the §6 sums are errors rather than warnings. */
    public boolean amountWarningsAsErrors() {
        return amountWarningsAsErrors;
    }

    /**
     * @return the errors and warnings of the item; {@link OrderValidationResult#isValid()} when it may be sent
     * @throws NullPointerException when {@code item} is {@code null}
     */
    public OrderValidationResult validate(DataApiItem item) {
        Objects.requireNonNull(item, "item");
        Checks checks = new Checks(amountWarningsAsErrors);
        if (item instanceof YoushuOrder order) {
            order(checks, order);
        } else if (item instanceof OrderStatusUpdate update) {
            update(checks, update);
        } else if (item instanceof ReturnOrder returnOrder) {
            returnOrder(checks, returnOrder);
        } else if (item instanceof OrderSum sum) {
            orderSum(checks, sum);
        }
        OrderValidationResult result = new OrderValidationResult(item.endpoint(), item.orderId(), checks.errors,
                checks.warnings);
        logger.trace("Validated {}", result);
        return result;
    }

    // §4

    private static void order(Checks checks, YoushuOrder order) {
        String at = ROOT + ".";
        checks.text(at + "external_order_id", order.externalOrderId());
        checks.time(at + "create_time", order.createTime(), true);
        checks.present(at + "order_source", order.orderSource());
        checks.present(at + "order_type", order.orderType());
        checks.present(at + "order_status", order.orderStatus());
        checks.time(at + "status_change_time", order.statusChangeTime(), true);
        checks.count(at + "goods_num_total", order.goodsNumTotal(), 1);
        boolean amounts = checks.money(at + "goods_amount_total", order.goodsAmountTotal(), true)
                & checks.money(at + "freight_amount", order.freightAmount(), true)
                & checks.money(at + "order_amount", order.orderAmount(), true)
                & checks.money(at + "payable_amount", order.payableAmount(), true)
                & checks.money(at + "payment_amount", order.paymentAmount(), true);
        if (amounts) {
            amountChain(checks, order);
        }
        userInfo(checks, order.userInfo(), order.orderSource());
        goodsInfo(checks, order);
        paymentInfo(checks, order);
        couponInfo(checks, order.couponInfo());
        promotionInfo(checks, order.promotionInfo());
        if (order.expressInfo() != null) {
            expressInfo(checks, order.expressInfo());
        }
        invoiceInfo(checks, order.invoiceInfo());
        if (hasText(order.subAppid()) && !hasText(order.subMchid())) {
            checks.error(at + "sub_mchid", "is required when sub_appid is present (service-provider mode)");
        }
    }

    /** §6 errors: order_amount = goods_amount_total + freight_amount; payment_amount ≤ payable_amount ≤ order_amount. */
    private static void amountChain(Checks checks, YoushuOrder order) {
        if (order.orderAmount().compareTo(order.goodsAmountTotal().add(order.freightAmount())) != 0) {
            checks.error(ROOT + ".order_amount", "must equal goods_amount_total + freight_amount");
        }
        if (order.payableAmount().compareTo(order.orderAmount()) > 0) {
            checks.error(ROOT + ".payable_amount", "must be <= order_amount");
        }
        if (order.paymentAmount().compareTo(order.payableAmount()) > 0) {
            checks.error(ROOT + ".payment_amount", "must be <= payable_amount");
        }
    }

    private static void userInfo(Checks checks, UserInfo user, OrderSource source) {
        String at = ROOT + ".user_info";
        if (user == null) {
            checks.error(at, REQUIRED);
            return;
        }
        if (source == OrderSource.WXAPP && !hasText(user.openId())) {
            checks.error(at + ".open_id", "is required when order_source is wxapp");
        }
        checks.time(at + ".user_first_order_time", user.userFirstOrderTime(), false);
    }

    private static void goodsInfo(Checks checks, YoushuOrder order) {
        List<GoodsInfo> goods = order.goodsInfo();
        if (goods.isEmpty()) {
            checks.error(ROOT + ".goods_info", NOT_EMPTY);
            return;
        }
        long units = 0;
        boolean unitsKnown = true;
        for (int i = 0; i < goods.size(); i++) {
            GoodsInfo line = goods.get(i);
            goodsLine(checks, ROOT + ".goods_info[" + i + "].", line);
            if (line.goodsNum() == null) {
                unitsKnown = false;
            } else {
                units += line.goodsNum();
            }
        }
        if (unitsKnown && order.goodsNumTotal() != null && order.goodsNumTotal() != units) {
            checks.amountWarning(ROOT + ".goods_num_total", "must equal the sum of goods_info[].goods_num");
        }
    }

    // §5

    private static void goodsLine(Checks checks, String at, GoodsInfo line) {
        checks.text(at + "external_sku_id", line.externalSkuId());
        checks.text(at + "sku_name_chinese", line.skuNameChinese());
        checks.text(at + "external_spu_id", line.externalSpuId());
        checks.text(at + "spu_name_chinese", line.spuNameChinese());
        checks.count(at + "goods_num", line.goodsNum(), 1);
        checks.money(at + "goods_amount", line.goodsAmount(), true);
        checks.money(at + "payment_amount", line.paymentAmount(), true);
        if (line.storeInfo() != null) {
            checks.text(at + "store_info.external_store_id", line.storeInfo().externalStoreId());
        }
        List<ChanInfo> chans = orEmpty(line.chanInfo());
        for (int j = 0; j < chans.size(); j++) {
            ChanInfo chan = chans.get(j);
            String chanAt = at + "chan_info[" + j + "].";
            if (chan.chanWxapp() != null) {
                checks.text(chanAt + "chan_wxapp.chan_scene", chan.chanWxapp().chanScene());
            }
            if (chan.chanCustom() != null) {
                chanCustom(checks, chanAt + "chan_custom.", chan.chanCustom());
            }
        }
        List<CommissionInfo> commissions = orEmpty(line.commissionInfo());
        for (int k = 0; k < commissions.size(); k++) {
            String commissionAt = at + "commission_info[" + k + "].";
            checks.present(commissionAt + "commission_type", commissions.get(k).commissionType());
            checks.money(commissionAt + "commission_fee", commissions.get(k).commissionFee(), true);
        }
    }

    /**
     * The four-level channel of {@code custom_order}: when any field is set, level 4 with its
     * description is required; a set level needs its description and every finer level.
     */
    private static void chanCustom(Checks checks, String at, ChanCustom custom) {
        String[] ids = {"chan_custom_id", "chan_custom_cat_3", "chan_custom_cat_2", "chan_custom_cat_1"};
        String[] values = {custom.chanCustomId(), custom.chanCustomCat3(), custom.chanCustomCat2(), custom.chanCustomCat1()};
        String[] descs = {custom.chanCustomIdDesc(), custom.chanCustomCat3Desc(), custom.chanCustomCat2Desc(),
                custom.chanCustomCat1Desc()};
        boolean any = false;
        for (int level = 0; level < ids.length; level++) {
            any |= hasText(values[level]) || hasText(descs[level]);
        }
        if (!any) {
            return;
        }
        String anyField = "is required when any chan_custom field is present";
        for (int level = 0; level < ids.length; level++) {
            String coarser = null;
            for (int up = level + 1; up < ids.length && coarser == null; up++) {
                coarser = hasText(values[up]) ? ids[up] : null;
            }
            boolean set = hasText(values[level]);
            if (!set && (level == 0 || coarser != null)) {
                checks.error(at + ids[level], level == 0 ? anyField : "is required when " + coarser + " is present");
            }
            if ((level == 0 || set) && !hasText(descs[level])) {
                checks.error(at + ids[level] + "_desc", level == 0 ? anyField : "is required when " + ids[level] + " is present");
            }
        }
    }

    private static void paymentInfo(Checks checks, YoushuOrder order) {
        List<PaymentInfo> payments = orEmpty(order.paymentInfo());
        if (payments.isEmpty()) {
            if (order.orderStatus() != null && order.orderStatus() != OrderStatusCode.CREATED) {
                checks.error(ROOT + ".payment_info", "is required unless order_status is 1110");
            }
            return;
        }
        BigDecimal paid = BigDecimal.ZERO;
        boolean paidKnown = true;
        for (int i = 0; i < payments.size(); i++) {
            PaymentInfo payment = payments.get(i);
            String at = ROOT + ".payment_info[" + i + "].";
            checks.text(at + "payment_type", payment.paymentType());
            if (checks.money(at + "trans_amount", payment.transAmount(), true)) {
                paid = paid.add(payment.transAmount());
            } else {
                paidKnown = false;
            }
        }
        if (paidKnown && order.paymentAmount() != null && paid.compareTo(order.paymentAmount()) != 0) {
            checks.amountWarning(ROOT + ".payment_info", "the sum of trans_amount must equal payment_amount");
        }
    }

    private static void couponInfo(Checks checks, List<CouponInfo> coupons) {
        List<CouponInfo> list = orEmpty(coupons);
        for (int i = 0; i < list.size(); i++) {
            CouponInfo coupon = list.get(i);
            String at = ROOT + ".coupon_info[" + i + "].";
            checks.present(at + "coupon_type", coupon.couponType());
            boolean totalKnown = checks.money(at + "coupon_amount_total", coupon.couponAmountTotal(), true);
            List<CouponDetail> details = orEmpty(coupon.couponDetail());
            BigDecimal sum = BigDecimal.ZERO;
            boolean sumKnown = !details.isEmpty();
            for (int j = 0; j < details.size(); j++) {
                CouponDetail detail = details.get(j);
                if (checks.money(at + "coupon_detail[" + j + "].coupon_amount", detail.couponAmount(), true)) {
                    sum = sum.add(detail.couponAmount());
                } else {
                    sumKnown = false;
                }
            }
            if (totalKnown && sumKnown && sum.compareTo(coupon.couponAmountTotal()) != 0) {
                checks.amountWarning(at + "coupon_amount_total", "must equal the sum of coupon_detail[].coupon_amount");
            }
        }
    }

    private static void promotionInfo(Checks checks, List<PromotionInfo> promotions) {
        List<PromotionInfo> list = orEmpty(promotions);
        for (int i = 0; i < list.size(); i++) {
            String at = ROOT + ".promotion_info[" + i + "].";
            checks.present(at + "promotion_type", list.get(i).promotionType());
            List<PromotionDetail> details = orEmpty(list.get(i).promotionDetail());
            for (int j = 0; j < details.size(); j++) {
                checks.money(at + "promotion_detail[" + j + "].promotion_amount", details.get(j).promotionAmount(), false);
            }
        }
    }

    private static void expressInfo(Checks checks, ExpressInfo express) {
        String at = ROOT + ".express_info.";
        String date = express.expectedDeliveryDate();
        if (date != null && !isYyyymmdd(date)) {
            checks.error(at + "expected_delivery_date", "must be a date as YYYYMMDD");
        }
        List<ExpressPackage> parcels = orEmpty(express.expressPackageInfo());
        for (int i = 0; i < parcels.size(); i++) {
            ExpressPackage parcel = parcels.get(i);
            String parcelAt = at + "express_package_info[" + i + "].";
            checks.time(parcelAt + "ship_time", parcel.shipTime(), false);
            ExpressPage page = parcel.expressPage();
            if (page != null && hasText(page.miniprogramPath()) && !hasText(page.miniprogramAppid())) {
                checks.error(parcelAt + "express_page.miniprogram_appid", "is required when miniprogram_path is present");
            }
            List<ExpressPackageGoods> goods = orEmpty(parcel.expressPackageInfo());
            for (int j = 0; j < goods.size(); j++) {
                String goodsAt = parcelAt + "express_package_info[" + j + "].";
                checks.text(goodsAt + "external_sku_id", goods.get(j).externalSkuId());
                checks.count(goodsAt + "number", goods.get(j).number(), 1);
            }
        }
    }

    private static boolean isYyyymmdd(String date) {
        try {
            LocalDate.parse(date, YYYYMMDD);
            return date.length() == 8;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void invoiceInfo(Checks checks, List<InvoiceInfo> invoices) {
        List<InvoiceInfo> list = orEmpty(invoices);
        for (int i = 0; i < list.size(); i++) {
            String type = list.get(i).invoiceType();
            if (type != null && !INVOICE_TYPES.contains(type)) {
                checks.error(ROOT + ".invoice_info[" + i + "].invoice_type", "must be one of 1000 to 1006");
            }
        }
    }

    // §7

    private static void update(Checks checks, OrderStatusUpdate update) {
        checks.text(ROOT + ".external_order_id", update.externalOrderId());
        checks.present(ROOT + ".order_status", update.orderStatus());
        checks.time(ROOT + ".status_change_time", update.statusChangeTime(), true);
    }

    private static void returnOrder(Checks checks, ReturnOrder order) {
        String at = ROOT + ".";
        checks.text(at + "external_return_order_id", order.externalReturnOrderId());
        checks.text(at + "external_order_id", order.externalOrderId());
        checks.time(at + "return_create_time", order.returnCreateTime(), true);
        checks.count(at + "return_num", order.returnNum(), 1);
        boolean amounts = checks.money(at + "return_amount", order.returnAmount(), true)
                & checks.money(at + "return_freight_amount", order.returnFreightAmount(), true)
                & checks.money(at + "return_order_amount", order.returnOrderAmount(), true);
        if (amounts && order.returnOrderAmount().compareTo(order.returnAmount().add(order.returnFreightAmount())) != 0) {
            checks.error(at + "return_order_amount", "must equal return_amount + return_freight_amount");
        }
        if (checks.present(at + "return_order_status", order.returnOrderStatus())
                && order.returnOrderStatus() != OrderStatusCode.RETURN_AND_REFUND_COMPLETED) {
            checks.error(at + "return_order_status", "must be 1290 (return and refund completed)");
        }
        checks.time(at + "status_change_time", order.statusChangeTime(), true);
        List<ReturnGoodsInfo> goods = order.returnGoodsInfo();
        if (goods.isEmpty()) {
            checks.error(at + "return_goods_info", NOT_EMPTY);
        }
        for (int i = 0; i < goods.size(); i++) {
            ReturnGoodsInfo line = goods.get(i);
            String lineAt = at + "return_goods_info[" + i + "].";
            checks.text(lineAt + "external_sku_id", line.externalSkuId());
            checks.text(lineAt + "sku_name_chinese", line.skuNameChinese());
            checks.text(lineAt + "external_spu_id", line.externalSpuId());
            checks.text(lineAt + "spu_name_chinese", line.spuNameChinese());
            checks.money(lineAt + "return_goods_amount", line.returnGoodsAmount(), true);
            checks.count(lineAt + "return_goods_num", line.returnGoodsNum(), 1);
        }
    }

    private static void orderSum(Checks checks, OrderSum sum) {
        String at = ROOT + ".";
        checks.time(at + "ref_date", sum.refDate(), true);
        checks.money(at + "give_order_amount_sum", sum.giveOrderAmountSum(), true);
        checks.count(at + "give_order_num_sum", sum.giveOrderNumSum(), 0);
        checks.money(at + "payment_amount_sum", sum.paymentAmountSum(), true);
        checks.count(at + "payed_num_sum", sum.payedNumSum(), 0);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** Collects the violations of one item. */
    private static final class Checks {
        private final boolean amountWarningsAsErrors;
        private final List<Violation> errors = new ArrayList<>();
        private final List<Violation> warnings = new ArrayList<>();

        Checks(boolean amountWarningsAsErrors) {
            this.amountWarningsAsErrors = amountWarningsAsErrors;
        }

        void error(String path, String message) {
            errors.add(new Violation(path, message));
        }

        /** A §6 sum: a warning, or an error when so configured. */
        void amountWarning(String path, String message) {
            (amountWarningsAsErrors ? errors : warnings).add(new Violation(path, message));
        }

        /** @return whether the value is present */
        boolean present(String path, Object value) {
            if (value == null) {
                error(path, REQUIRED);
                return false;
            }
            return true;
        }

        void text(String path, String value) {
            if (present(path, value) && value.isBlank()) {
                error(path, NOT_BLANK);
            }
        }

        void time(String path, DataApiTime value, boolean required) {
            if (value == null) {
                if (required) {
                    error(path, REQUIRED);
                }
                return;
            }
            // A local date-time is taken in UTC here: the zone moves it by hours, the range spans centuries.
            long millis = value.toEpochMilli(ZoneOffset.UTC);
            if (millis < MIN_EPOCH_MILLIS || millis > MAX_EPOCH_MILLIS) {
                error(path, EPOCH_MILLIS);
            }
        }

        /** @return whether the value is present and valid money */
        boolean money(String path, BigDecimal value, boolean required) {
            if (value == null) {
                if (required) {
                    error(path, REQUIRED);
                }
                return false;
            }
            boolean valid = true;
            if (value.signum() < 0) {
                error(path, NOT_NEGATIVE);
                valid = false;
            }
            // 9.000 is 9.00 written with a longer scale: only significant decimals count.
            if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
                error(path, TWO_DECIMALS);
                valid = false;
            }
            return valid;
        }

        void count(String path, Integer value, int min) {
            if (present(path, value) && value < min) {
                error(path, "must be >= " + min);
            }
        }
    }
}
