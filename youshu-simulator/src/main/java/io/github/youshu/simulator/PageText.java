package io.github.youshu.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The words and formats of the simulator page: labels in Chinese and English side by side, the meaning of wire
 * codes (custom_order statuses, data-api status codes), yuan amounts, times with their zone, masked user ids,
 * and HTML escaping.
 */
final class PageText {

    /** custom_order {@code order_status} values (custom_order.md) in Chinese and English. */
    static final Map<String, String[]> EVENT_STATUSES = Map.of(
            "give_order", new String[] {"提交订单", "order submitted"},
            "cancel_pay", new String[] {"关闭支付", "payment closed"},
            "cancel_give_order", new String[] {"取消订单", "order cancelled"},
            "pay", new String[] {"发起支付", "payment started"},
            "payed", new String[] {"完成支付", "paid"},
            "refund", new String[] {"发起退款", "refund requested"});

    /** data-api {@code order_status} codes (data-api.md §8) in Chinese and English. */
    static final Map<String, String[]> ORDER_STATUSES = Map.of(
            "1110", new String[] {"待支付", "awaiting payment"},
            "1130", new String[] {"支付前取消", "cancelled before payment"},
            "1140", new String[] {"支付后发货前取消", "cancelled after payment"},
            "1150", new String[] {"已支付待发货", "paid, awaiting shipment"},
            "1160", new String[] {"已发货", "shipped"},
            "1180", new String[] {"已完成", "completed"},
            "1280", new String[] {"退款中", "refund in progress"},
            "1290", new String[] {"退货退款完成", "returned and refunded"});

    /** Event types in Chinese and English. */
    static final Map<String, String[]> EVENT_TYPES = Map.of(
            "custom_order", new String[] {"订单", "order"},
            "coupon_order", new String[] {"券购买", "coupon purchase"});

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private PageText() {
    }

    /** {@code <span class="zh">zh</span> <span class="en">en</span>}: both languages visible. */
    static String bi(String zh, String en) {
        return "<span class=\"zh\">" + escape(zh) + "</span> <span class=\"en\">" + escape(en) + "</span>";
    }

    /** A wire code with its meaning in both languages when known, e.g. 完成支付 paid {@code payed}. */
    static String code(Map<String, String[]> meanings, String code) {
        if (code == null) {
            return "";
        }
        String[] meaning = meanings.get(code);
        String wire = "<code>" + escape(code) + "</code>";
        return meaning == null ? wire : bi(meaning[0], meaning[1]) + " " + wire;
    }

    /** {@code ¥145.90}; empty for {@code null}. */
    static String yuan(BigDecimal amount) {
        return amount == null ? "" : "¥" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code 2025-06-01 18:00:00 +08:00} in {@code zone}. */
    static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    /**
     * An open id (or union id) as it may be shown: the first and last 4 characters around {@code ****}; a short
     * one keeps only its first character.
     */
    static String mask(String id) {
        if (id == null || id.isEmpty()) {
            return id;
        }
        return id.length() <= 8 ? id.charAt(0) + "****" : id.substring(0, 4) + "****" + id.substring(id.length() - 4);
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
