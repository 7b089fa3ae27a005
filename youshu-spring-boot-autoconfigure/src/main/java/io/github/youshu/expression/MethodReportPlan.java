package io.github.youshu.expression;

import io.github.youshu.annotation.ReportOn;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to report the events of one annotated method on one target class, computed
 * once: its operations split by {@link ReportOn}, its parameter variables, and the problems its
 * annotations have.
 */
final class MethodReportPlan {

    private static final ReportOperation[] NONE = new ReportOperation[0];

    private final Method method;
    private final String description;
    private final MethodVariables variables;
    private final ReportOperation[] afterReturning;
    private final ReportOperation[] afterThrowing;
    private final List<String> problems;
    private final List<String> warnings;
    private final boolean reportsEvents;

    /**
     * @param method     the most specific method (whose parameter names the expressions use)
     * @param variables  its parameter variables
     * @param operations its valid operations
     * @param problems   the problems of its annotations (those operations are not in {@code operations})
     * @param warnings   what could not be checked in its annotations' expressions
     */
    MethodReportPlan(Method method, MethodVariables variables, List<ReportOperation> operations, List<String> problems,
                     List<String> warnings) {
        this.method = method;
        this.description = describe(method);
        this.variables = variables;
        List<ReportOperation> returning = new ArrayList<>();
        List<ReportOperation> throwing = new ArrayList<>();
        boolean events = false;
        for (ReportOperation operation : operations) {
            events |= operation instanceof EventOperation;
            (operation.on() == ReportOn.AFTER_THROWING ? throwing : returning).add(operation);
        }
        this.afterReturning = returning.isEmpty() ? NONE : returning.toArray(NONE);
        this.afterThrowing = throwing.isEmpty() ? NONE : throwing.toArray(NONE);
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
        this.reportsEvents = events;
    }

    /** Whether some of its operations report behaviour events (and so need the caller's context). */
    boolean reportsEvents() {
        return reportsEvents;
    }

    Method method() {
        return method;
    }

    /** The method as named in messages, e.g. {@code OrderService.pay(String, BigDecimal)}. */
    String description() {
        return description;
    }

    MethodVariables variables() {
        return variables;
    }

    ReportOperation[] afterReturning() {
        return afterReturning;
    }

    ReportOperation[] afterThrowing() {
        return afterThrowing;
    }

    /** The problems of the method's annotations; empty when all are valid. */
    List<String> problems() {
        return problems;
    }

    /** What could not be checked in the expressions of the method's annotations (types too open to tell). */
    List<String> warnings() {
        return warnings;
    }

    static String describe(Method method) {
        StringBuilder description = new StringBuilder(method.getDeclaringClass().getSimpleName())
                .append('.').append(method.getName()).append('(');
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            description.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
        }
        return description.append(')').toString();
    }
}
