package io.github.youshu.expression;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractBeanFactoryPointcutAdvisor;

/**
 * Applies the {@link ReportInterceptor} (referenced by bean name, so it is created lazily) to the
 * methods with report annotations; like Spring's {@code BeanFactoryCacheOperationSourceAdvisor}.
 *
 * <p>Internal infrastructure of the starter: register it as a bean (see {@code YoushuReportingRegistrar}).
 */
public class ReportOperationSourceAdvisor extends AbstractBeanFactoryPointcutAdvisor {

    private static final long serialVersionUID = 1L;

    private final transient ReportOperationSourcePointcut pointcut;

    public ReportOperationSourceAdvisor(ReportOperationSource source) {
        this.pointcut = new ReportOperationSourcePointcut(source);
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }
}
