package io.github.youshu.expression;

import io.github.youshu.FailureMode;
import io.github.youshu.YoushuReportException;
import io.github.youshu.context.YoushuContext;
import io.github.youshu.event.EventProps;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Reports the events of the report annotations, and sends the data-api items of the order sync
 * annotations, around an annotated method, like Spring's {@code CacheInterceptor}: one proxy and
 * one pass over both kinds, in the order they are declared. The method's return value and exception are exactly what they would be
 * without it: its exception is never swallowed, wrapped or delayed, and a report failure reaches
 * the caller only as the {@link YoushuReportException} of {@code youshu.failure-mode=throw} after a
 * normal return. For a {@code CompletionStage} result the events are reported when it completes
 * (the context is resolved on the calling thread first); an {@code Optional} result is unwrapped.
 *
 * <p>Internal infrastructure of the starter: register it as a bean (see {@code YoushuReportingRegistrar}).
 */
public class ReportInterceptor implements MethodInterceptor {

    private final ReportOperationSource source;
    private final Supplier<DefaultYoushuReporter> reporter;
    private final Supplier<OrderSyncSupport> orderSync;
    private final ReportFailureLog failureLog = new ReportFailureLog();

    /**
     * An interceptor for the report annotations only (an order sync annotation fails as unexpected).
     *
     * @param source   the operation source
     * @param reporter the reporter, looked up on the first report (so that the interceptor, created
     *                 early with the advisors, does not create delivery early)
     */
    public ReportInterceptor(ReportOperationSource source, ObjectProvider<DefaultYoushuReporter> reporter) {
        this(source, reporter, null);
    }

    /**
     * @param source    the operation source
     * @param reporter  the reporter, looked up on the first report (so that the interceptor, created
     *                  early with the advisors, does not create delivery early)
     * @param orderSync what the order sync annotations send through, looked up on their first call;
     *                  {@code null} for none
     */
    public ReportInterceptor(ReportOperationSource source, ObjectProvider<DefaultYoushuReporter> reporter,
                             ObjectProvider<OrderSyncSupport> orderSync) {
        this.source = source;
        this.reporter = SingletonSupplier.of(reporter::getObject);
        this.orderSync = orderSync == null ? () -> {
            throw new IllegalStateException("no OrderSyncSupport: register the interceptor with YoushuReportingRegistrar");
        } : SingletonSupplier.of(orderSync::getObject);
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Object target = invocation.getThis();
        Class<?> targetClass = target != null ? AopProxyUtils.ultimateTargetClass(target)
                : invocation.getMethod().getDeclaringClass();
        MethodReportPlan plan = source.getPlan(invocation.getMethod(), targetClass);
        if (plan == null) {
            return invocation.proceed();
        }
        if (!plan.problems().isEmpty()) {
            // Only for a bean the startup check did not see (e.g. created outside the bean definitions).
            failureLog.failed("problems:" + plan.description(), "Youshu report annotations of " + plan.description()
                    + " are invalid and not reported: " + String.join("; ", plan.problems()), null);
        }
        Object result;
        try {
            result = invocation.proceed();
        }
        catch (Throwable ex) {
            if (plan.afterThrowing().length > 0) {
                reportQuietly(plan.afterThrowing(), new Call(plan, invocation, target, targetClass, null, ex, null));
            }
            throw ex;
        }
        if (result instanceof CompletionStage<?> stage) {
            reportOnCompletion(stage, plan, invocation, target, targetClass);
        }
        else if (plan.afterReturning().length > 0) {
            report(plan.afterReturning(), new Call(plan, invocation, target, targetClass, unwrap(result), null, null));
        }
        return result;
    }

    private void reportOnCompletion(CompletionStage<?> stage, MethodReportPlan plan, MethodInvocation invocation,
                                    Object target, Class<?> targetClass) {
        YoushuContext context = null;
        try {
            // The resolvers need the caller's thread (request, security context): ask them now.
            if (plan.reportsEvents()) {
                context = reporter.get().resolveContext();
            }
        }
        catch (Throwable ex) {
            unexpected(plan, ex);
            return;
        }
        Object[] args = invocation.getArguments();
        YoushuContext resolved = context;
        try {
            stage.whenComplete((value, failure) -> {
                if (failure == null) {
                    reportQuietly(plan.afterReturning(), new Call(plan, args, target, targetClass, unwrap(value), null, resolved));
                }
                else {
                    reportQuietly(plan.afterThrowing(), new Call(plan, args, target, targetClass, null, unwrap(failure), resolved));
                }
            });
        }
        catch (Throwable ex) {
            ReportErrors.rethrowIfFatal(ex);
            stageRefused(plan, ex);
        }
    }

    /**
     * The result's {@code CompletionStage} refused the completion callback: the events it would
     * have reported on success (on failure, when the method has no success annotation) are each
     * counted invalid and logged; in {@code THROW} mode the caller gets the first failure.
     */
    private void stageRefused(MethodReportPlan plan, Throwable ex) {
        ReportOperation[] operations = plan.afterReturning().length > 0 ? plan.afterReturning() : plan.afterThrowing();
        YoushuReportException first = null;
        for (ReportOperation operation : operations) {
            try {
                reporter.get().operationFailed(kindOf(operation), operation.label(),
                        "cannot wait for the returned CompletionStage, whose whenComplete failed", ex, true);
            }
            catch (YoushuReportException thrown) {
                first = add(first, thrown);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** What an operation reports, for counting it: the event type, or the data-api endpoint of an order sync. */
    private static String kindOf(ReportOperation operation) {
        return operation instanceof EventOperation event ? event.eventType()
                : ((OrderSyncOperation) operation).endpoint().path();
    }

    /** Reports where a failure must never reach the caller. */
    private void reportQuietly(ReportOperation[] operations, Call call) {
        if (operations.length == 0) {
            return;
        }
        try {
            report(operations, call, false);
        }
        catch (Throwable ex) {
            unexpected(call.plan, ex);
        }
    }

    /** Reports after a normal return: in {@code THROW} mode a report failure is thrown after all operations ran. */
    private void report(ReportOperation[] operations, Call call) {
        YoushuReportException failure;
        try {
            failure = report(operations, call, true);
        }
        catch (Throwable ex) {
            unexpected(call.plan, ex);
            return;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** @return the first report failure to throw (only when {@code mayThrow}), or {@code null} */
    private YoushuReportException report(ReportOperation[] operations, Call call, boolean mayThrow) {
        DefaultYoushuReporter reporter = this.reporter.get();
        ReportEvaluationContext context = new ReportEvaluationContext(source.sharedContext(),
                new ReportExpressionRootObject(call.plan.method(), call.args, call.target, call.targetClass),
                call.plan.variables(), call.args, call.result, call.exception);
        YoushuReportException first = null;
        for (ReportOperation operation : operations) {
            if (operation instanceof OrderSyncOperation sync) {
                first = add(first, sync(sync, context, call, reporter, mayThrow));
                continue;
            }
            EventOperation event = (EventOperation) operation;
            try {
                if (!event.conditionHolds(context)) {
                    continue;
                }
                YoushuContext overrides = event.overrides(context);
                YoushuContext values = overrides.orElse(call.context(reporter, overrides));
                EventProps props = event.build(context, reporter.settings().zone(), reporter.commonProps(values));
                reporter.deliverAnnotated(reporter.envelope(event.eventType(), props, values), event.label(), mayThrow);
            }
            catch (ReportBuildException ex) {
                try {
                    reporter.buildFailed(event.eventType(), event.orderIdIfEvaluable(context), ex, mayThrow);
                }
                catch (YoushuReportException thrown) {
                    first = add(first, thrown);
                }
            }
            catch (YoushuReportException ex) {
                first = add(first, ex);
            }
            catch (Throwable ex) {
                // An error out of an expression or a getter (AssertionError, StackOverflowError, ...).
                ReportErrors.rethrowIfFatal(ex);
                try {
                    reporter.operationFailed(event.eventType(), event.label(), "failed", ex, mayThrow);
                }
                catch (YoushuReportException thrown) {
                    first = add(first, thrown);
                }
            }
        }
        return first;
    }

    /**
     * Sends the item of an order sync annotation. A failure to build it (expression, mapper) is logged
     * with the annotation, attribute and expression, or returned to throw (only when {@code mayThrow}
     * in {@code THROW} mode); {@link YoushuOrders} itself logs or throws an invalid item.
     *
     * @return the failure to throw, or {@code null}
     */
    private YoushuReportException sync(OrderSyncOperation operation, ReportEvaluationContext context, Call call,
                                       DefaultYoushuReporter reporter, boolean mayThrow) {
        try {
            if (operation.conditionHolds(context)) {
                operation.send(context, orderSync.get());
            }
            return null;
        }
        catch (ReportBuildException ex) {
            YoushuReportException failure = new YoushuReportException(operation.endpoint().path(), null,
                    "not sent: " + ex.getMessage(), ex.getCause());
            if (mayThrow && reporter.settings().failureMode() == FailureMode.THROW) {
                return failure;
            }
            failureLog.failed(ex.key(), "Youshu " + operation.endpoint().path() + " item not sent: " + ex.getMessage()
                    + "; item dropped", ex.getCause());
            return null;
        }
        catch (YoushuReportException ex) {
            return ex;
        }
        catch (RuntimeException ex) {
            unexpected(call.plan, ex);
            return null;
        }
    }

    /** A failure that is not the event's fault (e.g. a dispatcher that broke its contract): logged, never thrown. */
    private void unexpected(MethodReportPlan plan, Throwable ex) {
        failureLog.failed("unexpected:" + plan.description() + ":" + ex.getClass().getName(),
                "Youshu events of " + plan.description() + " could not be reported: " + ex, ex);
    }

    private static YoushuReportException add(YoushuReportException first, YoushuReportException next) {
        if (next == null) {
            return first;
        }
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private static Object unwrap(Object result) {
        return result instanceof Optional<?> optional ? optional.orElse(null) : result;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** One call of an annotated method; resolves the context at most once for all its operations. */
    private static final class Call {
        final MethodReportPlan plan;
        final Object[] args;
        final Object target;
        final Class<?> targetClass;
        final Object result;
        final Throwable exception;
        private YoushuContext context;

        Call(MethodReportPlan plan, MethodInvocation invocation, Object target, Class<?> targetClass, Object result,
             Throwable exception, YoushuContext context) {
            this(plan, invocation.getArguments(), target, targetClass, result, exception, context);
        }

        Call(MethodReportPlan plan, Object[] args, Object target, Class<?> targetClass, Object result,
             Throwable exception, YoushuContext context) {
            this.plan = plan;
            this.args = args;
            this.target = target;
            this.targetClass = targetClass;
            this.result = result;
            this.exception = exception;
            this.context = context;
        }

        /** The resolvers' context, resolved on first need; not at all when the annotation gives every field. */
        YoushuContext context(DefaultYoushuReporter reporter, YoushuContext overrides) {
            if (context == null && !overrides.isComplete()) {
                context = reporter.resolveContext();
            }
            return context;
        }
    }
}
