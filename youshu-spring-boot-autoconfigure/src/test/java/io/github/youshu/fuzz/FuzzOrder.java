package io.github.youshu.fuzz;

import java.math.BigDecimal;

/** An order as a shop's service returns it; its id getter may fail the way broken entities do. */
public final class FuzzOrder {

    /** How {@link #getId()} fails. */
    enum Failure { NONE, THROWS, RECURSES }

    private final String id;
    private final Object createdAt;
    private final BigDecimal total;
    private final BigDecimal paid;
    private final String openId;
    private final Failure failure;

    FuzzOrder(String id, Object createdAt, BigDecimal total, BigDecimal paid, String openId, Failure failure) {
        this.id = id;
        this.createdAt = createdAt;
        this.total = total;
        this.paid = paid;
        this.openId = openId;
        this.failure = failure;
    }

    public String getId() {
        return switch (failure) {
            case THROWS -> throw new AssertionError("lazy loading failed");
            case RECURSES -> getId();
            case NONE -> id;
        };
    }

    public Object getCreatedAt() {
        return createdAt;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public BigDecimal getPaid() {
        return paid;
    }

    public String getOpenId() {
        return openId;
    }
}
