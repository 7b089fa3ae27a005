package io.github.youshu.expression;

import java.lang.reflect.Method;

/**
 * {@code #root} of the report expressions: {@code #root.method}, {@code #root.methodName},
 * {@code #root.target}, {@code #root.targetClass} and {@code #root.args}.
 */
public final class ReportExpressionRootObject {

    private final Method method;
    private final Object[] args;
    private final Object target;
    private final Class<?> targetClass;

    ReportExpressionRootObject(Method method, Object[] args, Object target, Class<?> targetClass) {
        this.method = method;
        this.args = args;
        this.target = target;
        this.targetClass = targetClass;
    }

    /** The annotated method. */
    public Method getMethod() {
        return method;
    }

    public String getMethodName() {
        return method.getName();
    }

    /** The method's arguments. */
    public Object[] getArgs() {
        return args;
    }

    /** The bean the method was called on (not the proxy). */
    public Object getTarget() {
        return target;
    }

    public Class<?> getTargetClass() {
        return targetClass;
    }
}
