package io.github.youshu.fuzz;

import io.github.youshu.event.Chan;
import io.github.youshu.event.ChanCustom;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.Component;
import io.github.youshu.event.CouponInfo;
import io.github.youshu.event.CouponOrder;
import io.github.youshu.event.CouponOrderProps;
import io.github.youshu.event.CustomOrder;
import io.github.youshu.event.CustomOrderProps;
import io.github.youshu.event.GenericProps;
import io.github.youshu.event.OrderStatus;
import io.github.youshu.event.OrderType;
import io.github.youshu.event.SubOrder;
import io.github.youshu.event.WxUser;
import io.github.youshu.event.WxUserTag;
import io.github.youshu.event.YoushuEvent;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Generates the data of merchants as it really looks, good and bad: amounts from {@code DECIMAL(10,4)}
 * columns and multiplications, blank strings from forms, nulls, epoch seconds instead of
 * milliseconds, java.time values, nested maps with numeric keys, beans whose getters throw or
 * recurse, self-containing maps, huge numbers and oversized props. Deterministic for a seed.
 */
final class FuzzInputs {

    static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    private static final String[] TEXTS = {"a", "订单-1", "sku-42", "", " ", "pages/x", "null", "\uD83D\uDE00", "\uD800", "x\"y\\z"};
    private static final String[] PAGES = {"pages/index/index", "pages/pay/result?id=1", "/pages/pay", "", " ", null};
    private static final String[] PROP_NAMES = {"sku_id", "order_id", "items", "price", "extra", "note", "1", "tags", "at", "count"};
    private static final String[] TYPES = {"add_to_cart", "browse_sku", "refund_apply", "share", "", "visit_page"};

    private final Random random;
    private final int oversizedBytes;

    /**
     * @param seed           the seed of every choice
     * @param oversizedBytes the size of the text that makes an event too large for one request
     */
    FuzzInputs(long seed, int oversizedBytes) {
        this.random = new Random(seed);
        this.oversizedBytes = oversizedBytes;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    // ---- whole events, for YoushuReporter.report ----

    YoushuEvent customOrder() {
        String orderId = orderId();
        List<SubOrder> subOrders = new ArrayList<>();
        int count = chance(5) ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            subOrders.add(new SubOrder(chance(90) ? orderId + "-" + i : text(), amount(), amount()));
        }
        CustomOrder order = chance(3) ? null : new CustomOrder(orderId, orderTime(), chance(3) ? null : status(),
                chance(70) ? null : OrderType.values()[random.nextInt(OrderType.values().length)]);
        return envelope(YoushuEvent.customOrder(new CustomOrderProps(order, subOrders, common())));
    }

    YoushuEvent couponOrder() {
        List<CouponInfo> coupons = new ArrayList<>();
        int count = chance(5) ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            coupons.add(new CouponInfo(chance(90) ? "cp-" + random.nextInt(1000) : text()));
        }
        CouponOrder coupon = chance(3) ? null : new CouponOrder(orderId(), orderTime(), chance(3) ? null : status(),
                chance(90) ? "batch-" + random.nextInt(9) : text(), amount());
        return envelope(YoushuEvent.couponOrder(new CouponOrderProps(coupon, coupons, common())));
    }

    YoushuEvent generic() {
        Map<String, Object> props = new LinkedHashMap<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            props.put(PROP_NAMES[random.nextInt(PROP_NAMES.length)], value(0));
        }
        if (chance(2)) {
            props.put("blob", "x".repeat(oversizedBytes));
        }
        return envelope(YoushuEvent.of(TYPES[random.nextInt(TYPES.length)], GenericProps.of(props, common())));
    }

    /** The props an annotation's expression gives: a map (possibly with a common prop's name) or a bean. */
    Object annotatedProps() {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return new FuzzBean(this);
        }
        if (kind == 1) {
            return value(1);
        }
        Map<Object, Object> props = new LinkedHashMap<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            props.put(chance(95) ? PROP_NAMES[random.nextInt(PROP_NAMES.length)] : chance(50) ? 1 : "page", value(0));
        }
        return props;
    }

    /** An order as a service returns it, its getters possibly failing. */
    FuzzOrder order() {
        FuzzOrder.Failure failure = chance(3) ? FuzzOrder.Failure.values()[1 + random.nextInt(2)] : FuzzOrder.Failure.NONE;
        Object createdAt = switch (random.nextInt(6)) {
            case 0 -> NOW.toEpochMilli();
            case 1 -> LocalDateTime.of(2026, 11, 30, 10, 0);
            case 2 -> Date.from(NOW);
            case 3 -> chance(50) ? null : "yesterday";
            default -> NOW;
        };
        return new FuzzOrder(chance(95) ? orderId() : null, createdAt, amount(), amount(), openId(), failure);
    }

    // ---- parts ----

    private YoushuEvent envelope(YoushuEvent event) {
        return chance(10) ? event.withTrackingId(chance(50) ? " " : new UUID(random.nextLong(), random.nextLong()).toString()) : event;
    }

    private CommonProps common() {
        return new CommonProps(PAGES[random.nextInt(PAGES.length)], chance(80) ? null : text(), chance(90) ? null : text(),
                chance(90) ? null : epochMillis(), wxUser(), chance(40) ? null : chan(), chance(85) ? null : component());
    }

    private WxUser wxUser() {
        List<WxUserTag> tags = null;
        if (chance(20)) {
            tags = new ArrayList<>();
            for (int i = random.nextInt(3); i >= 0; i--) {
                tags.add(new WxUserTag(optionalText(), optionalText()));
            }
        }
        return new WxUser(chance(80) ? null : "wx0123456789abcdef", openId(), optionalText(), optionalText(), optionalText(), tags);
    }

    private Chan chan() {
        ChanCustom custom = chance(75) ? null : new ChanCustom(optionalText(), optionalText(), optionalText(), optionalText(),
                optionalText(), optionalText(), optionalText(), optionalText());
        return new Chan(chance(60) ? null : 1000 + random.nextInt(100), optionalText(), optionalText(), optionalText(),
                optionalText(), custom);
    }

    private Component component() {
        return new Component(optionalText(), optionalText());
    }

    private String openId() {
        return chance(95) ? "oUser-" + random.nextInt(1000) : text();
    }

    private String orderId() {
        return chance(95) ? "SO-" + random.nextInt(1_000_000) : text();
    }

    private OrderStatus status() {
        return OrderStatus.values()[random.nextInt(OrderStatus.values().length)];
    }

    private Long orderTime() {
        if (chance(90)) {
            return epochMillis();
        }
        return chance(50) ? null : Long.valueOf(NOW.getEpochSecond());
    }

    private Long epochMillis() {
        return NOW.toEpochMilli() - random.nextInt(1_000_000_000);
    }

    private String text() {
        return TEXTS[random.nextInt(TEXTS.length)];
    }

    private String optionalText() {
        return chance(50) ? null : text();
    }

    /** Amounts as shops hold them: exact, DECIMAL(10,4), products, negative, too precise, too large, absent. */
    BigDecimal amount() {
        return switch (random.nextInt(12)) {
            case 0 -> new BigDecimal(random.nextInt(100_000)).movePointLeft(4);                // DECIMAL(10,4)
            case 1 -> new BigDecimal("19.90").multiply(new BigDecimal("0.50"));                 // 9.9500
            case 2 -> new BigDecimal(random.nextInt(10_000)).setScale(3 + random.nextInt(3));  // 12.000
            case 3 -> chance(50) ? new BigDecimal("-1.00") : new BigDecimal("1E+400");
            case 4 -> chance(50) ? new BigDecimal("999999999999.99") : new BigDecimal("1000000000000");
            case 5 -> chance(50) ? null : new BigDecimal("1E+2");
            case 6 -> new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(4));
            default -> new BigDecimal(random.nextInt(100_000)).movePointLeft(2);
        };
    }

    /** A value of a generic prop, nested up to a few levels. */
    Object value(int depth) {
        int kind = random.nextInt(depth > 2 ? 16 : 24);
        return switch (kind) {
            case 0 -> text();
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> amount();
            case 4 -> number();
            case 5 -> random.nextBoolean();
            case 6 -> null;
            case 7 -> time();
            case 8 -> OrderStatus.PAYED;
            case 9 -> new UUID(random.nextLong(), random.nextLong());
            case 10 -> Optional.ofNullable(chance(50) ? null : text());
            case 11 -> new int[] {1, 2, 3};
            case 12 -> new FuzzItem("sku-" + random.nextInt(100), amount(), NOW);
            case 13 -> new UnprintableId();
            case 14 -> chance(50) ? new ThrowingBean() : new RecursiveBean();
            case 15 -> selfContaining();
            case 16, 17, 18 -> list(depth + 1);
            default -> map(depth + 1);
        };
    }

    private Object number() {
        return switch (random.nextInt(7)) {
            case 0 -> Double.NaN;
            case 1 -> Float.POSITIVE_INFINITY;
            case 2 -> BigInteger.TEN.pow(1500);
            case 3 -> new BigDecimal("1E+400");
            case 4 -> new BigDecimal(BigInteger.ONE, 1200);
            case 5 -> Double.MAX_VALUE;
            default -> random.nextDouble() * 1000;
        };
    }

    private Object time() {
        return switch (random.nextInt(7)) {
            case 0 -> NOW;
            case 1 -> LocalDateTime.of(2026, 11, 30, 10, 0);
            case 2 -> LocalDate.of(2026, 11, 30);
            case 3 -> OffsetDateTime.of(2026, 11, 30, 10, 0, 0, 0, ZoneOffset.ofHours(8));
            case 4 -> Date.from(NOW);
            case 5 -> LocalTime.NOON;
            default -> Duration.ofSeconds(random.nextInt(1000));
        };
    }

    private List<Object> list(int depth) {
        int size = random.nextInt(4);
        List<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(chance(5) ? null : value(depth));
        }
        return chance(10) ? Arrays.asList(list.toArray()) : list;
    }

    private Map<Object, Object> map(int depth) {
        Map<Object, Object> map = new LinkedHashMap<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            Object key = switch (random.nextInt(8)) {
                case 0 -> 1;
                case 1 -> "1";
                case 2 -> chance(20) ? null : "k";
                default -> "key_" + random.nextInt(5);
            };
            map.put(key, value(depth));
        }
        return map;
    }

    private static Map<String, Object> selfContaining() {
        Map<String, Object> map = new HashMap<>();
        map.put("self", map);
        return map;
    }

    /** A line item bean of a generic prop. */
    public record FuzzItem(String skuId, BigDecimal price, Instant addedAt) {
    }

    /** An id object whose {@code toString()} throws. */
    static final class UnprintableId {
        @Override
        public String toString() {
            throw new IllegalStateException("toString broke");
        }
    }

    /** A bean whose getter throws an error. */
    public static final class ThrowingBean {
        public String getName() {
            throw new AssertionError("getter broke");
        }
    }

    /** A bean whose getter recurses forever. */
    public static final class RecursiveBean {
        public String getName() {
            return getName();
        }
    }

    /** A props bean of an annotation: some values nested, one of them maybe failing. */
    public static final class FuzzBean {
        private final Object sku;
        private final Object at;
        private final Object extra;

        FuzzBean(FuzzInputs inputs) {
            this.sku = inputs.value(2);
            this.at = inputs.time();
            this.extra = inputs.value(1);
        }

        public Object getSkuId() {
            return sku;
        }

        public Object getAddedAt() {
            return at;
        }

        public Object getExtra() {
            return extra;
        }
    }
}
