package io.github.youshu.sample.order;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders, their lines and refunds in the shop's own tables. */
@Repository
public class OrderRepository {

    private final JdbcClient jdbc;

    public OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the order and its lines; {@code zone} gives its local day ({@code created_on}). */
    public void insert(ShopOrder order, ZoneId zone) {
        jdbc.sql("INSERT INTO shop_order (id, open_id, status, total, coupon_id, coupon_amount, payable, created_at,"
                        + " created_on, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(order.id(), order.openId(), order.status().name(), order.total(), order.couponId(),
                        order.couponAmount(), order.payable(), Timestamp.from(order.createdAt()),
                        localDay(order.createdAt(), zone), Timestamp.from(order.updatedAt()))
                .update();
        for (OrderLine line : order.lines()) {
            jdbc.sql("INSERT INTO shop_order_line (order_id, line_no, sku_id, quantity, unit_price, payment_amount)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(order.id(), line.lineNo(), line.skuId(), line.quantity(), line.unitPrice(),
                            line.paymentAmount())
                    .update();
        }
    }

    public void updateStatus(String id, OrderState status, Instant at) {
        jdbc.sql("UPDATE shop_order SET status = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), Timestamp.from(at), id).update();
    }

    /** Records the WeChat Pay payment; {@code zone} gives its local day ({@code paid_on}). */
    public void markPaid(String id, String transactionId, Instant at, ZoneId zone) {
        jdbc.sql("UPDATE shop_order SET status = ?, transaction_id = ?, paid_at = ?, paid_on = ?, updated_at = ?"
                        + " WHERE id = ?")
                .params(OrderState.PAID.name(), transactionId, Timestamp.from(at), localDay(at, zone),
                        Timestamp.from(at), id)
                .update();
    }

    public void insertRefund(String id, String orderId, BigDecimal amount, Instant at) {
        jdbc.sql("INSERT INTO shop_refund (id, order_id, amount, completed_at) VALUES (?, ?, ?, ?)")
                .params(id, orderId, amount, Timestamp.from(at)).update();
    }

    public Optional<ShopOrder> find(String id) {
        List<OrderLine> lines = jdbc.sql("SELECT l.line_no, l.sku_id, s.spu_id, s.spu_name, s.name, l.quantity, l.unit_price,"
                        + " l.payment_amount FROM shop_order_line l JOIN product_sku s ON s.sku_id = l.sku_id"
                        + " WHERE l.order_id = ? ORDER BY l.line_no")
                .param(id)
                .query((rs, row) -> new OrderLine(rs.getInt("line_no"), rs.getString("sku_id"), rs.getString("spu_id"),
                        rs.getString("spu_name"), rs.getString("name"), rs.getInt("quantity"), rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("payment_amount")))
                .list();
        return jdbc.sql("SELECT * FROM shop_order WHERE id = ?")
                .param(id)
                .query((rs, row) -> new ShopOrder(rs.getString("id"), rs.getString("open_id"),
                        OrderState.valueOf(rs.getString("status")), lines, rs.getBigDecimal("total"),
                        rs.getString("coupon_id"), rs.getBigDecimal("coupon_amount"), rs.getBigDecimal("payable"),
                        rs.getString("transaction_id"), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("paid_at")), rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    private static Date localDay(Instant at, ZoneId zone) {
        return Date.valueOf(at.atZone(zone).toLocalDate());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
