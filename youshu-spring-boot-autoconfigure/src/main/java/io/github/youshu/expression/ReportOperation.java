package io.github.youshu.expression;

import io.github.youshu.annotation.ReportOn;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

import java.util.Map;
import java.util.function.Function;

/**
 * One annotation on one method, with its expressions parsed: an {@link EventOperation} (builds the
 * behaviour event of a call) or an {@link OrderSyncOperation} (builds the data-api item of a call).
 * Immutable and thread-safe.
 */
abstract class ReportOperation {

    private final String label;
    private final ReportOn on;
    private final Expression[] expressions = new Expression[ReportAttribute.VALUES.length];
    private final String[] sources = new String[ReportAttribute.VALUES.length];

    /**
     * @param label       the annotation on its method as named in messages, e.g.
     *                    {@code OrderService.pay(String) @ReportOrderStatus(payed)}
     * @param on          when it reports
     * @param expressions the parsed expressions by attribute; attributes without one are absent
     */
    ReportOperation(String label, ReportOn on, Map<ReportAttribute, Expression> expressions) {
        this.label = label;
        this.on = on;
        for (Map.Entry<ReportAttribute, Expression> entry : expressions.entrySet()) {
            int index = entry.getKey().ordinal();
            this.expressions[index] = entry.getValue();
            this.sources[index] = entry.getValue().getExpressionString();
        }
    }

    String label() {
        return label;
    }

    ReportOn on() {
        return on;
    }

    /** Whether the {@code condition} holds for the call; {@code true} when there is none. */
    final boolean conditionHolds(EvaluationContext context) {
        if (expressions[ReportAttribute.CONDITION.ordinal()] == null) {
            return true;
        }
        Object value = evaluate(ReportAttribute.CONDITION, context);
        if (value instanceof Boolean holds) {
            return holds;
        }
        throw failure(ReportAttribute.CONDITION, "must give true or false but gave " + ReportValues.typeName(value),
                "not-boolean", null);
    }

    /**
     * The order id of the call when the annotation has an order id expression that evaluates to a
     * value, for naming an event that could not be built; never throws.
     */
    final String orderIdIfEvaluable(EvaluationContext context) {
        if (!has(ReportAttribute.ORDER_ID)) {
            return null;
        }
        try {
            return text(ReportAttribute.ORDER_ID, context);
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /** Whether the annotation has an expression for the attribute. */
    final boolean has(ReportAttribute attribute) {
        return expressions[attribute.ordinal()] != null;
    }

    /** The value of the attribute's expression, or {@code null} when it has none. */
    final Object evaluate(ReportAttribute attribute, EvaluationContext context) {
        Expression expression = expressions[attribute.ordinal()];
        if (expression == null) {
            return null;
        }
        try {
            return expression.getValue(context);
        }
        catch (RuntimeException ex) {
            throw failure(attribute, "failed: " + ex.getMessage(), ex.getClass().getName(), ex);
        }
    }

    /** The value of a required attribute's expression; a {@code null} value is a failure. */
    final Object required(ReportAttribute attribute, EvaluationContext context) {
        Object value = evaluate(attribute, context);
        if (value == null) {
            throw failure(attribute, "gave null, but " + attribute.attributeName() + " is required", "null", null);
        }
        return value;
    }

    final String text(ReportAttribute attribute, EvaluationContext context) {
        return convert(attribute, evaluate(attribute, context), ReportValues::text);
    }

    /** Converts an attribute's value; a conversion failure names the attribute. */
    final <T> T convert(ReportAttribute attribute, Object value, Function<Object, T> converter) {
        try {
            return converter.apply(value);
        }
        catch (ReportBuildException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw failure(attribute, ex.getMessage(), ex.getClass().getName(), ex);
        }
    }

    final ReportBuildException failure(ReportAttribute attribute, String reason, String kind, Throwable cause) {
        String source = sources[attribute.ordinal()];
        String where = label + "." + attribute.attributeName();
        return new ReportBuildException(where + " \"" + source + "\" " + reason, where + ":" + kind, cause);
    }
}
