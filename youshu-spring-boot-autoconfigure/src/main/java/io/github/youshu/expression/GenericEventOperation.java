package io.github.youshu.expression;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.youshu.annotation.ReportOn;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.GenericProps;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code @ReportEvent}: builds events of any other type from a map or a bean of props. */
final class GenericEventOperation extends EventOperation {

    /** Turns a props bean into wire names and values, the way the event serializer writes it. */
    private static final JsonMapper PROPS_MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

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
        if (props instanceof Map<?, ?> map) {
            Map<String, Object> named = new LinkedHashMap<>(map.size() * 2);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                named.put(String.valueOf(entry.getKey()), entry.getValue());
            }
            return named;
        }
        if (props instanceof CharSequence || props instanceof Number || props instanceof Boolean
                || props instanceof Iterable<?> || props.getClass().isArray()) {
            throw new IllegalArgumentException("expected a Map or a bean of props but got " + ReportValues.typeName(props));
        }
        return PROPS_MAPPER.convertValue(props, MAP);
    }
}
