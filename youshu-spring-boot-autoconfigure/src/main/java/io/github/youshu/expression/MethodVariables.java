package io.github.youshu.expression;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables through which a method's parameters are reachable in expressions: {@code #p0},
 * {@code #a0}, ... and, when the parameter names are known (compiled with {@code -parameters}),
 * the names. Built once per method.
 */
final class MethodVariables {

    private final Map<String, Integer> indexes;
    private final List<String> names;

    /**
     * @param parameterCount how many parameters the method has
     * @param names          the parameter names, or {@code null} when they are not available
     */
    MethodVariables(int parameterCount, String[] names) {
        this.names = names == null ? null : List.of(names);
        this.indexes = new HashMap<>(parameterCount * 6);
        for (int i = 0; i < parameterCount; i++) {
            indexes.put("p" + i, i);
            indexes.put("a" + i, i);
        }
        if (names != null) {
            // As in Spring's MethodBasedEvaluationContext, a name beats a positional alias.
            for (int i = 0; i < parameterCount; i++) {
                indexes.put(names[i], i);
            }
        }
    }

    /** The index of the parameter the variable refers to, or -1. */
    int indexOf(String variable) {
        Integer index = indexes.get(variable);
        return index == null ? -1 : index;
    }

    /** The parameter names, or {@code null} when they are not available. */
    List<String> names() {
        return names;
    }

    @Override
    public String toString() {
        return names == null ? "(parameter names not available)" : Arrays.toString(names.toArray());
    }
}
