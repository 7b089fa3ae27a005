package io.github.youshu.expression;

import java.math.BigDecimal;
import java.time.Instant;

/** A shop's order, as returned by the test services. */
public record Order(String id, Instant createdAt, BigDecimal total, BigDecimal paid, String openId) {

    static final Instant CREATED_AT = Instant.parse("2024-06-01T08:30:00Z");

    static Order of(String id) {
        return new Order(id, CREATED_AT, new BigDecimal("30.30"), new BigDecimal("25.30"), "o-open-" + id);
    }
}
