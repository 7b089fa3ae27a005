package io.github.youshu.expression;

import org.springframework.expression.BeanResolver;
import org.springframework.expression.ConstructorResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.IndexAccessor;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.OperatorOverloader;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypeComparator;
import org.springframework.expression.TypeConverter;
import org.springframework.expression.TypeLocator;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.StandardEvaluationContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation context of one call of an annotated method: {@code #result}, {@code #ex},
 * {@code #args} and the method's parameters (by name, {@code #p0} and {@code #a0}) as variables.
 * Like Spring's {@code MethodBasedEvaluationContext}, but it resolves parameters through a table
 * built once per method instead of copying them into a map on every call, and it shares the
 * resolvers, accessors and converters of one {@link StandardEvaluationContext} (so their caches
 * survive across calls). Not thread-safe: one instance per call.
 */
final class ReportEvaluationContext implements EvaluationContext {

    static final String RESULT = "result";
    static final String EXCEPTION = "ex";
    static final String ARGS = "args";

    private final StandardEvaluationContext shared;
    private final TypedValue root;
    private final MethodVariables variables;
    private final Object[] args;
    private final Object result;
    private final Throwable exception;
    private Map<String, Object> assigned;

    ReportEvaluationContext(StandardEvaluationContext shared, ReportExpressionRootObject root,
                            MethodVariables variables, Object[] args, Object result, Throwable exception) {
        this.shared = shared;
        this.root = new TypedValue(root);
        this.variables = variables;
        this.args = args;
        this.result = result;
        this.exception = exception;
    }

    @Override
    public Object lookupVariable(String name) {
        if (assigned != null && assigned.containsKey(name)) {
            return assigned.get(name);
        }
        switch (name) {
            case RESULT:
                return result;
            case EXCEPTION:
                return exception;
            case ARGS:
                return args;
            default:
                int index = variables.indexOf(name);
                return index >= 0 && index < args.length ? args[index] : null;
        }
    }

    @Override
    public void setVariable(String name, Object value) {
        if (assigned == null) {
            assigned = new HashMap<>(4);
        }
        assigned.put(name, value);
    }

    @Override
    public TypedValue getRootObject() {
        return root;
    }

    @Override
    public List<PropertyAccessor> getPropertyAccessors() {
        return shared.getPropertyAccessors();
    }

    @Override
    public List<IndexAccessor> getIndexAccessors() {
        return shared.getIndexAccessors();
    }

    @Override
    public List<ConstructorResolver> getConstructorResolvers() {
        return shared.getConstructorResolvers();
    }

    @Override
    public List<MethodResolver> getMethodResolvers() {
        return shared.getMethodResolvers();
    }

    @Override
    public BeanResolver getBeanResolver() {
        return shared.getBeanResolver();
    }

    @Override
    public TypeLocator getTypeLocator() {
        return shared.getTypeLocator();
    }

    @Override
    public TypeConverter getTypeConverter() {
        return shared.getTypeConverter();
    }

    @Override
    public TypeComparator getTypeComparator() {
        return shared.getTypeComparator();
    }

    @Override
    public OperatorOverloader getOperatorOverloader() {
        return shared.getOperatorOverloader();
    }
}
