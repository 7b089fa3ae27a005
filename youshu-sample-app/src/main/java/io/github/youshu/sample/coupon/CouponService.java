package io.github.youshu.sample.coupon;

import io.github.youshu.annotation.ReportCouponOrder;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sells coupons; the purchase is reported to Youshu as coupon_order by the annotation alone. */
@Service
public class CouponService {

    private final JdbcClient jdbc;
    private final Clock clock;

    public CouponService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The buyer pays for {@code quantity} coupons of a batch. */
    @Transactional
    @ReportCouponOrder(status = "payed", orderId = "#result.orderId", orderTime = "#result.createdAt",
            couponBatchId = "#batchId", payAmount = "#result.paid", couponIds = "#result.couponIds")
    public CouponPurchase buy(String openId, String batchId, int quantity, BigDecimal price) {
        String orderId = "CO" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        List<String> couponIds = new ArrayList<>();
        for (int i = 1; i <= quantity; i++) {
            couponIds.add(orderId + "-" + i);
        }
        CouponPurchase purchase = new CouponPurchase(orderId, openId, batchId, List.copyOf(couponIds),
                price.multiply(BigDecimal.valueOf(quantity)), Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        jdbc.sql("INSERT INTO coupon_order (id, open_id, batch_id, quantity, paid, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(orderId, openId, batchId, quantity, purchase.paid(), Timestamp.from(purchase.createdAt()))
                .update();
        return purchase;
    }
}
