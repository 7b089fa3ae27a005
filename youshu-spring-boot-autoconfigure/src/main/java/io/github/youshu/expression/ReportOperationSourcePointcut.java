package io.github.youshu.expression;

import org.springframework.aop.support.StaticMethodMatcherPointcut;

import java.lang.reflect.Method;

/** Matches the methods that have report annotations, as found by the {@link ReportOperationSource}. */
final class ReportOperationSourcePointcut extends StaticMethodMatcherPointcut {

    private final ReportOperationSource source;

    ReportOperationSourcePointcut(ReportOperationSource source) {
        this.source = source;
        setClassFilter(ReportOperationSource::isCandidateClass);
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        return source.getPlan(method, targetClass) != null;
    }
}
