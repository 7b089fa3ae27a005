package io.github.youshu.expression;

import io.github.youshu.annotation.ReportOn;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.GenericProps;
import io.github.youshu.validation.PropValues;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

import java.time.ZoneId;
import java.util.Map;

/** A {@code @ReportEvent}: builds events of any other type from a map or a bean of props. */
final class GenericEventOperation extends EventOperation {

    GenericEventOperation(String label, String type, ReportOn on, Map<ReportAttribute, Expression> expressions) {
        super(label, type, on, expressions);
    }

    @Override
    GenericProps build(EvaluationContext context, ZoneId zone, CommonProps common) {
        if (!has(ReportAttribute.PROPS)) {
            return GenericProps.of(Map.of(), common);
        }
        return convert(ReportAttribute.PROPS, required(ReportAttribute.PROPS, context),
                props -> GenericProps.of(toMap(props), common));
    }

    private static Map<String, ?> toMap(Object props) {
        if (props instanceof CharSequence || props instanceof Number || props instanceof Boolean
                || props instanceof Iterable<?> || props.getClass().isArray()) {
            throw new IllegalArgumentException("expected a Map or a bean of props but got " + ReportValues.typeName(props));
        }
        return PropValues.named(props);
    }
}
