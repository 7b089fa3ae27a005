package io.github.youshu.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The page's chart: the amount paid per minute over the last {@value #MINUTES} minutes, as Youshu's real-time
 * order statistics count it (accepted {@code payed} events: custom_order.md says {@code payed} is the status
 * that drives them). An inline SVG bar chart, no script; each bar carries {@code data-minute} and
 * {@code data-amount}.
 */
final class PaidAmountChart {

    static final int MINUTES = 30;

    private static final int WIDTH = 760;
    private static final int HEIGHT = 200;
    private static final int LEFT = 70;
    private static final int RIGHT = 10;
    private static final int TOP = 14;
    private static final int BOTTOM = 28;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern NUMERIC = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** One payment: when it arrived and how much (yuan). */
    record Payment(Instant receivedAt, BigDecimal amount) {
    }

    private PaidAmountChart() {
    }

    /**
     * The amount an order event carries (yuan): custom_order the sum of {@code props.sub_orders[].pay_amt},
     * coupon_order {@code props.coupon.pay_amt} (or its alias {@code props.order.pay_amt}); {@code null} for
     * other events or when no amount can be read.
     */
    static BigDecimal amount(JsonNode event) {
        String type = event.path("type").asText();
        JsonNode props = event.path("props");
        if ("custom_order".equals(type)) {
            BigDecimal sum = null;
            for (JsonNode subOrder : props.path("sub_orders")) {
                BigDecimal payAmount = decimal(subOrder.get("pay_amt"));
                if (payAmount != null) {
                    sum = sum == null ? payAmount : sum.add(payAmount);
                }
            }
            return sum;
        }
        if ("coupon_order".equals(type)) {
            JsonNode coupon = props.has("coupon") ? props.get("coupon") : props.path("order");
            return decimal(coupon.get("pay_amt"));
        }
        return null;
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.isTextual() && NUMERIC.matcher(node.asText()).matches() ? new BigDecimal(node.asText()) : null;
    }

    /** The SVG for the {@value #MINUTES} minutes up to {@code now}, bucketed by minute in {@code zone}. */
    static String render(List<Payment> payments, Instant now, ZoneId zone) {
        ZonedDateTime end = now.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime start = end.minusMinutes(MINUTES - 1L);
        BigDecimal[] sums = new BigDecimal[MINUTES];
        int[] counts = new int[MINUTES];
        Arrays.fill(sums, BigDecimal.ZERO);
        BigDecimal total = BigDecimal.ZERO;
        int paid = 0;
        for (Payment payment : payments) {
            long index = ChronoUnit.MINUTES.between(start,
                    payment.receivedAt().atZone(zone).truncatedTo(ChronoUnit.MINUTES));
            if (index >= 0 && index < MINUTES) {
                sums[(int) index] = sums[(int) index].add(payment.amount());
                counts[(int) index]++;
                total = total.add(payment.amount());
                paid++;
            }
        }
        BigDecimal max = Arrays.stream(sums).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        double scale = max.signum() == 0 ? 0 : (HEIGHT - TOP - BOTTOM) / max.doubleValue();
        double slot = (WIDTH - LEFT - RIGHT) / (double) MINUTES;
        int baseline = HEIGHT - BOTTOM;

        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg id=\"paid-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"paid amount per minute, last ").append(MINUTES)
                .append(" minutes: ").append(PageText.yuan(total)).append("\">\n")
                .append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(baseline)
                .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(baseline).append("\"/>\n")
                .append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" x2=\"").append(LEFT).append("\" y2=\"").append(baseline).append("\"/>\n")
                .append(label(LEFT - 6, baseline + 4, "end", "¥0"))
                .append(label(LEFT - 6, TOP + 8, "end", PageText.yuan(max)));
        for (int i = 0; i < MINUTES; i++) {
            String minute = MINUTE.format(start.plusMinutes(i));
            if (i % 10 == 0 || i == MINUTES - 1) {
                svg.append(label(LEFT + (int) (slot * i + slot / 2), HEIGHT - 8, "middle", minute));
            }
            if (counts[i] == 0) {
                continue;
            }
            double height = Math.max(1, sums[i].doubleValue() * scale);
            svg.append("<rect class=\"bar\" data-minute=\"").append(minute).append("\" data-amount=\"")
                    .append(sums[i].setScale(2, RoundingMode.HALF_UP).toPlainString()).append("\" x=\"")
                    .append(format(LEFT + slot * i + 2)).append("\" y=\"").append(format(baseline - height))
                    .append("\" width=\"").append(format(slot - 4)).append("\" height=\"").append(format(height))
                    .append("\"><title>").append(minute).append(' ').append(PageText.yuan(sums[i])).append(" (")
                    .append(counts[i]).append(" 笔 payments)</title></rect>\n");
        }
        if (paid == 0) {
            svg.append(label(WIDTH / 2, HEIGHT / 2, "middle", "暂无支付 · no payments in the last " + MINUTES
                    + " minutes"));
        }
        svg.append("</svg>\n<p class=\"chart-total\">")
                .append(PageText.bi("最近 " + MINUTES + " 分钟合计", "total, last " + MINUTES + " minutes"))
                .append(": <b id=\"paid-total\">").append(PageText.yuan(total)).append("</b>, ").append(paid)
                .append(' ').append(PageText.bi("笔支付", "payment(s)")).append("</p>\n");
        return svg.toString();
    }

    private static String label(int x, int y, String anchor, String text) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">" + PageText.escape(text)
                + "</text>\n";
    }

    private static String format(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
