package io.github.youshu.expression;

import io.github.youshu.event.CouponInfo;
import io.github.youshu.event.SubOrder;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the elements of the collections that {@code subOrders} and {@code couponIds} give: model
 * objects, maps with snake_case or camelCase keys, or beans/records with the documented properties
 * (read through SpEL, so getters, record accessors and public fields all work).
 */
final class ElementReader {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final Expression SUB_ORDER_ID = PARSER.parseExpression("subOrderId");
    private static final Expression ORDER_AMOUNT = PARSER.parseExpression("orderAmount");
    private static final Expression PAY_AMOUNT = PARSER.parseExpression("payAmount");
    private static final Expression COUPON_ID = PARSER.parseExpression("couponId");

    private ElementReader() {
    }

    /** The sub-orders in a collection or array of sub-order elements. */
    static List<SubOrder> subOrders(Object value, EvaluationContext context) {
        List<?> elements = elements(value, "sub-orders");
        List<SubOrder> subOrders = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Object element = elements.get(i);
            try {
                subOrders.add(subOrder(element, context));
            }
            catch (RuntimeException ex) {
                throw new IllegalArgumentException("element [" + i + "]: " + ex.getMessage(), ex);
            }
        }
        return subOrders;
    }

    /** The coupons in a collection or array of ids or of coupon elements. */
    static List<CouponInfo> couponInfo(Object value, EvaluationContext context) {
        List<?> elements = elements(value, "coupon ids");
        List<CouponInfo> coupons = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Object element = elements.get(i);
            try {
                coupons.add(new CouponInfo(couponId(element, context)));
            }
            catch (RuntimeException ex) {
                throw new IllegalArgumentException("element [" + i + "]: " + ex.getMessage(), ex);
            }
        }
        return coupons;
    }

    private static SubOrder subOrder(Object element, EvaluationContext context) {
        if (element instanceof SubOrder subOrder) {
            return subOrder;
        }
        if (element instanceof Map<?, ?> map) {
            return new SubOrder(ReportValues.text(get(map, "sub_order_id", "subOrderId", null)),
                    ReportValues.amount(get(map, "order_amt", "orderAmt", "orderAmount")),
                    ReportValues.amount(get(map, "pay_amt", "payAmt", "payAmount")));
        }
        return new SubOrder(ReportValues.text(property(SUB_ORDER_ID, element, context)),
                ReportValues.amount(property(ORDER_AMOUNT, element, context)),
                ReportValues.amount(property(PAY_AMOUNT, element, context)));
    }

    private static String couponId(Object element, EvaluationContext context) {
        if (element instanceof CharSequence || element instanceof Number) {
            return ReportValues.text(element);
        }
        if (element instanceof CouponInfo couponInfo) {
            return couponInfo.couponId();
        }
        if (element instanceof Map<?, ?> map) {
            return ReportValues.text(get(map, "coupon_id", "couponId", null));
        }
        return ReportValues.text(property(COUPON_ID, element, context));
    }

    private static Object get(Map<?, ?> map, String snake, String camel, String alias) {
        Object value = map.get(snake);
        if (value == null) {
            value = map.get(camel);
        }
        if (value == null && alias != null) {
            value = map.get(alias);
        }
        return value;
    }

    private static Object property(Expression property, Object element, EvaluationContext context) {
        if (element == null) {
            throw new IllegalArgumentException("is null");
        }
        return property.getValue(context, element);
    }

    private static List<?> elements(Object value, String what) {
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> list = new ArrayList<>();
            iterable.forEach(list::add);
            return list;
        }
        if (value != null && value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> list = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                list.add(Array.get(value, i));
            }
            return list;
        }
        throw new IllegalArgumentException("expected a collection or array of " + what + " but got "
                + ReportValues.typeName(value));
    }
}
