package io.github.youshu.expression;

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
 * Reports the events of the report annotations around an annotated method, like Spring's
 * {@code CacheInterceptor}. The method's return value and exception are exactly what they would be
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
    private final ReportFailureLog failureLog = new ReportFailureLog();

    /**
     * @param source   the operation source
     * @param reporter the reporter, looked up on the first report (so that the interceptor, created
     *                 early with the advisors, does not create delivery early)
     */
    public ReportInterceptor(ReportOperationSource source, ObjectProvider<DefaultYoushuReporter> reporter) {
        this.source = source;
        this.reporter = SingletonSupplier.of(reporter::getObject);
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
        YoushuContext context;
        try {
            // The resolvers need the caller's thread (request, security context): ask them now.
            context = reporter.get().resolveContext();
        }
        catch (Throwable ex) {
            unexpected(plan, ex);
            return;
        }
        Object[] args = invocation.getArguments();
        try {
            stage.whenComplete((value, failure) -> {
                if (failure == null) {
                    reportQuietly(plan.afterReturning(), new Call(plan, args, target, targetClass, unwrap(value), null, context));
                }
                else {
                    reportQuietly(plan.afterThrowing(), new Call(plan, args, target, targetClass, null, unwrap(failure), context));
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
                reporter.get().operationFailed(operation.eventType(), operation.label(),
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
            try {
                if (!operation.conditionHolds(context)) {
                    continue;
                }
                YoushuContext overrides = operation.overrides(context);
                YoushuContext values = overrides.orElse(call.context(reporter, overrides));
                EventProps props = operation.build(context, reporter.settings().zone(), reporter.commonProps(values));
                reporter.deliverAnnotated(reporter.envelope(operation.eventType(), props, values), operation.label(), mayThrow);
            }
            catch (ReportBuildException ex) {
                try {
                    reporter.buildFailed(operation.eventType(), operation.orderIdIfEvaluable(context), ex, mayThrow);
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
                    reporter.operationFailed(operation.eventType(), operation.label(), "failed", ex, mayThrow);
                }
                catch (YoushuReportException thrown) {
                    first = add(first, thrown);
                }
            }
        }
        return first;
    }

    /** A failure that is not the event's fault (e.g. a dispatcher that broke its contract): logged, never thrown. */
    private void unexpected(MethodReportPlan plan, Throwable ex) {
        failureLog.failed("unexpected:" + plan.description() + ":" + ex.getClass().getName(),
                "Youshu events of " + plan.description() + " could not be reported: " + ex, ex);
    }

    private static YoushuReportException add(YoushuReportException first, YoushuReportException next) {
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
