package io.github.youshu.order;

import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;

/**
 * A completed return and refund, the item of {@code return_order/add} (data-api.md §7). Every field
 * is required; {@code return_order_status} is always {@code "1290"} (return and refund completed).
 *
 * <pre>{@code
 * ReturnOrder refund = ReturnOrder.builder()
 *         .externalReturnOrderId("RET-0001").externalOrderId("ORD-0001")
 *         .returnCreateTime(Instant.parse("2023-11-16T02:00:00Z"))
 *         .returnNum(1).returnAmount(new BigDecimal("34.85")).returnFreightAmount(BigDecimal.ZERO)
 *         .returnOrderAmount(new BigDecimal("34.85"))
 *         .statusChangeTime(Instant.parse("2023-11-16T03:00:00Z"))
 *         .returnGoods(ReturnGoodsInfo.builder().skuWithoutSpu("SKU-B", "袜子")
 *                 .returnGoodsAmount(new BigDecimal("34.85")).returnGoodsNum(1).build())
 *         .build();
 * }</pre>
 *
 * @param externalReturnOrderId {@code external_return_order_id}: the merchant's return number
 * @param externalOrderId       {@code external_order_id}: the returned order
 * @param returnCreateTime      {@code return_create_time}: when the return was created
 * @param returnNum             {@code return_num}: units returned, at least 1
 * @param returnAmount          {@code return_amount}: yuan refunded for goods
 * @param returnFreightAmount   {@code return_freight_amount}: yuan refunded for shipping, 0 when none
 * @param returnOrderAmount     {@code return_order_amount}: {@code return_amount + return_freight_amount}
 * @param returnOrderStatus     {@code return_order_status}: only {@link OrderStatusCode#RETURN_AND_REFUND_COMPLETED}
 * @param statusChangeTime      {@code status_change_time}: when the return was completed
 * @param returnGoodsInfo       {@code return_goods_info}: the returned lines, not empty; never {@code null}
 */
public record ReturnOrder(String externalReturnOrderId, String externalOrderId, DataApiTime returnCreateTime,
                          Integer returnNum, @Money BigDecimal returnAmount, @Money BigDecimal returnFreightAmount,
                          @Money BigDecimal returnOrderAmount, OrderStatusCode returnOrderStatus,
                          DataApiTime statusChangeTime, List<ReturnGoodsInfo> returnGoodsInfo) implements DataApiItem {

    /** @throws NullPointerException when {@code returnGoodsInfo} holds a {@code null} */
    public ReturnOrder {
        returnGoodsInfo = returnGoodsInfo == null ? List.of() : List.copyOf(returnGoodsInfo);
    }

    /** {@link DataApiEndpoint#ADD_RETURN_ORDER}. */
    @Override
    public DataApiEndpoint endpoint() {
        return DataApiEndpoint.ADD_RETURN_ORDER;
    }

    /** {@code external_order_id}: a return is delivered in order with the changes of the order it returns. */
    @Override
    public String orderId() {
        return externalOrderId;
    }

    /** A builder with {@code return_order_status} 1290. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this return's values. */
    public Builder toBuilder() {
        Builder builder = new Builder().externalReturnOrderId(externalReturnOrderId).externalOrderId(externalOrderId)
                .returnAmount(returnAmount).returnFreightAmount(returnFreightAmount).returnOrderAmount(returnOrderAmount)
                .returnOrderStatus(returnOrderStatus).returnGoodsInfo(returnGoodsInfo);
        builder.returnCreateTime = returnCreateTime;
        builder.returnNum = returnNum;
        builder.statusChangeTime = statusChangeTime;
        return builder;
    }

    /** Builds a {@link ReturnOrder}. */
    public static final class Builder {
        private String externalReturnOrderId;
        private String externalOrderId;
        private DataApiTime returnCreateTime;
        private Integer returnNum;
        private BigDecimal returnAmount;
        private BigDecimal returnFreightAmount;
        private BigDecimal returnOrderAmount;
        private OrderStatusCode returnOrderStatus = OrderStatusCode.RETURN_AND_REFUND_COMPLETED;
        private DataApiTime statusChangeTime;
        private List<ReturnGoodsInfo> returnGoodsInfo = new ArrayList<>();

        private Builder() {
        }

        /** {@code external_return_order_id}. */
        public Builder externalReturnOrderId(String externalReturnOrderId) {
            this.externalReturnOrderId = externalReturnOrderId;
            return this;
        }

        /** {@code external_order_id}. */
        public Builder externalOrderId(String externalOrderId) {
            this.externalOrderId = externalOrderId;
            return this;
        }

        /** {@code return_create_time} in epoch milliseconds. */
        public Builder returnCreateTime(long epochMillis) {
            this.returnCreateTime = DataApiTime.ofEpochMilli(epochMillis);
            return this;
        }

        /** {@code return_create_time}: see {@link DataApiTime#of(Temporal)}. */
        public Builder returnCreateTime(Temporal returnCreateTime) {
            this.returnCreateTime = DataApiTime.ofNullable(returnCreateTime);
            return this;
        }

        /** {@code return_num}: units returned, at least 1. */
        public Builder returnNum(Integer returnNum) {
            this.returnNum = returnNum;
            return this;
        }

        /** {@code return_amount}, yuan. */
        public Builder returnAmount(BigDecimal returnAmount) {
            this.returnAmount = returnAmount;
            return this;
        }

        /** {@code return_freight_amount}, yuan. */
        public Builder returnFreightAmount(BigDecimal returnFreightAmount) {
            this.returnFreightAmount = returnFreightAmount;
            return this;
        }

        /** {@code return_order_amount}: {@code return_amount + return_freight_amount}. */
        public Builder returnOrderAmount(BigDecimal returnOrderAmount) {
            this.returnOrderAmount = returnOrderAmount;
            return this;
        }

        /** {@code return_order_status}: 1290 already; validation refuses any other code. */
        public Builder returnOrderStatus(OrderStatusCode returnOrderStatus) {
            this.returnOrderStatus = returnOrderStatus;
            return this;
        }

        /** {@code status_change_time} in epoch milliseconds. */
        public Builder statusChangeTime(long epochMillis) {
            this.statusChangeTime = DataApiTime.ofEpochMilli(epochMillis);
            return this;
        }

        /** {@code status_change_time}: see {@link DataApiTime#of(Temporal)}. */
        public Builder statusChangeTime(Temporal statusChangeTime) {
            this.statusChangeTime = DataApiTime.ofNullable(statusChangeTime);
            return this;
        }

        /** Adds a line to {@code return_goods_info}. */
        public Builder returnGoods(ReturnGoodsInfo returnGoods) {
            returnGoodsInfo.add(returnGoods);
            return this;
        }

        /** Replaces {@code return_goods_info}. */
        public Builder returnGoodsInfo(List<ReturnGoodsInfo> returnGoodsInfo) {
            this.returnGoodsInfo = new ArrayList<>(returnGoodsInfo);
            return this;
        }

        /** The {@link ReturnOrder} of the values set; checks no rule (see {@code OrderValidator}). */
        public ReturnOrder build() {
            return new ReturnOrder(externalReturnOrderId, externalOrderId, returnCreateTime, returnNum, returnAmount,
                    returnFreightAmount, returnOrderAmount, returnOrderStatus, statusChangeTime, returnGoodsInfo);
        }
    }
}
