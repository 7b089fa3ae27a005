package io.github.youshu.sample.order;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders in the shop's own database table. */
@Repository
public class OrderRepository {

    private final JdbcClient jdbc;

    public OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ShopOrder order) {
        jdbc.sql("INSERT INTO shop_order (id, open_id, status, total, payable, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(order.id(), order.openId(), order.status().name(), order.total(), order.payable(),
                        Timestamp.from(order.createdAt()))
                .update();
    }

    public void updateStatus(String id, OrderState status) {
        jdbc.sql("UPDATE shop_order SET status = ? WHERE id = ?").params(status.name(), id).update();
    }

    public Optional<ShopOrder> find(String id) {
        return jdbc.sql("SELECT id, open_id, status, total, payable, created_at FROM shop_order WHERE id = ?")
                .param(id)
                .query((rs, row) -> new ShopOrder(rs.getString("id"), rs.getString("open_id"),
                        OrderState.valueOf(rs.getString("status")), rs.getBigDecimal("total"),
                        rs.getBigDecimal("payable"), rs.getTimestamp("created_at").toInstant()))
                .optional();
    }
}
