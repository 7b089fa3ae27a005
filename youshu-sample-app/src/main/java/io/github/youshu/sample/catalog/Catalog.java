package io.github.youshu.sample.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The shop's products (SKUs) and coupons, from its own tables (filled by {@code data.sql}). */
@Repository
public class Catalog {

    private final JdbcClient jdbc;

    public Catalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Sku> skus() {
        return jdbc.sql("SELECT sku_id, spu_id, spu_name, name, price FROM product_sku ORDER BY sku_id").query(Sku.class).list();
    }

    public Optional<Sku> sku(String skuId) {
        return jdbc.sql("SELECT sku_id, spu_id, spu_name, name, price FROM product_sku WHERE sku_id = ?").param(skuId)
                .query(Sku.class).optional();
    }

    public Optional<Coupon> coupon(String couponId) {
        return jdbc.sql("SELECT coupon_id, batch_id, name, amount FROM shop_coupon WHERE coupon_id = ?").param(couponId)
                .query(Coupon.class).optional();
    }
}
