package io.github.youshu.expression;

import io.github.youshu.autoconfigure.YoushuConfigurationException;
import io.github.youshu.context.YoushuContextResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.framework.ProxyConfig;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks, once all singletons exist, the report annotations of every method of every bean (lazy
 * and prototype beans included): expressions parse, status and order type values exist, required
 * attributes are present, the variables and beans the expressions use exist, and the property and
 * method chains on {@code #result} and the parameters exist on their declared types
 * ({@link ExpressionTypeChecker}); for the order sync annotations also that a {@code YoushuOrders}
 * bean exists and that each {@code @SyncOrder}/{@code @SyncReturnOrder} value's declared type is the
 * model or has a mapper bean ({@link OrderMappers}). Any problem stops the application with one
 * {@link YoushuConfigurationException} that lists every problem with its bean, method, attribute and
 * expression. Logs a warning for each chain too open to check and for each annotated method that a
 * proxy can never intercept ({@link InterceptionCheck}).
 *
 * <p>Internal infrastructure of the starter: register it as a bean (see {@code YoushuReportingRegistrar}).
 */
public class ReportDefinitionVerifier implements SmartInitializingSingleton, BeanFactoryAware {

    private static final Logger log = LoggerFactory.getLogger(ReportDefinitionVerifier.class);

    private final ReportOperationSource source;
    private final OrderSyncSupport orderSync;
    private ConfigurableListableBeanFactory beanFactory;

    /**
     * @param orderSync the mappers and {@code YoushuOrders} the order sync annotations need
     */
    public ReportDefinitionVerifier(ReportOperationSource source, OrderSyncSupport orderSync) {
        this.source = source;
        this.orderSync = orderSync;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<ReportOperation> operations = new ArrayList<>();
        Set<Class<?>> checked = new HashSet<>();
        boolean proxyTargetClass = proxyTargetClass();
        for (String beanName : beanFactory.getBeanNamesForType(Object.class, true, false)) {
            for (Class<?> type : beanTypes(beanName)) {
                if (checked.add(type) && ReportOperationSource.isCandidateClass(type)) {
                    check(beanName, type, problems, warnings, operations);
                    for (String method : InterceptionCheck.neverIntercepted(type, instance(beanName, type), proxyTargetClass)) {
                        warnings.add("bean '" + beanName + "' (" + type.getName() + "), method " + method);
                    }
                }
            }
        }
        problems.addAll(orderSync.orderMappers().unresolvedMappers());
        problems.addAll(orderSync.returnOrderMappers().unresolvedMappers());
        for (String warning : warnings) {
            log.warn("Youshu report annotation: {}", warning);
        }
        if (problems.isEmpty()) {
            warnAboutRequiredContext(operations.stream().filter(EventOperation.class::isInstance).toList());
        }
        else {
            throw new YoushuConfigurationException(describe(problems), """
                    Fix the report annotations listed above. Their attributes (other than status and orderType) \
                    are SpEL expressions that can use the method's parameters by name (compile with -parameters) \
                    or as #p0/#a0, #args, #result (on = AFTER_RETURNING), #ex (on = AFTER_THROWING), \
                    #root.method, #root.target and beans as @beanName. A property or method chain on #result or a \
                    parameter must exist on its declared type (getter, record accessor or public field); where the \
                    run-time value is a subclass that has it, declare that subclass. Valid status values: give_order, \
                    cancel_pay, cancel_give_order, pay, payed, refund; orderType: normal, presale_deposit, \
                    presale_balance. @SyncOrderStatus status: a data-api code 1110, 1130, 1140, 1150, 1160, 1180, 1280, 1290 \
                    or its OrderStatusCode name (SHIPPED). @SyncOrder/@SyncReturnOrder: the expression gives a \
                    YoushuOrder/ReturnOrder, or declare a YoushuOrderMapper<YourType>/YoushuReturnOrderMapper<YourType> \
                    bean. README "What startup checks" lists every check.""");
        }
    }

    private void check(String beanName, Class<?> type, List<String> problems, List<String> warnings,
                       List<ReportOperation> operations) {
        Map<MethodReportPlan, Boolean> seen = new IdentityHashMap<>();
        ReflectionUtils.doWithMethods(type, method -> {
            MethodReportPlan plan = source.getPlan(method, type);
            if (plan != null && seen.put(plan, Boolean.TRUE) == null) {
                String where = "bean '" + beanName + "' (" + type.getName() + "), method " + plan.description() + ": ";
                plan.problems().forEach(problem -> problems.add(where + problem));
                plan.warnings().forEach(warning -> warnings.add(where + warning));
                checkOrderSync(plan, where, problems, warnings);
                operations.addAll(Arrays.asList(plan.afterReturning()));
                operations.addAll(Arrays.asList(plan.afterThrowing()));
            }
        }, ReflectionUtils.USER_DECLARED_METHODS);
    }

    /**
     * The order sync annotations of a plan: a {@code YoushuOrders} bean exists, and the declared type of
     * each {@code @SyncOrder}/{@code @SyncReturnOrder} expression is the model or has a mapper bean.
     */
    private void checkOrderSync(MethodReportPlan plan, String where, List<String> problems, List<String> warnings) {
        List<ReportOperation> all = new ArrayList<>(Arrays.asList(plan.afterReturning()));
        all.addAll(Arrays.asList(plan.afterThrowing()));
        for (ReportOperation operation : all) {
            if (!(operation instanceof OrderSyncOperation sync)) {
                continue;
            }
            String label = sync.label().substring(plan.description().length()).trim() + ": ";
            if (!orderSync.hasOrders()) {
                problems.add(where + label + "there is no YoushuOrders bean to send " + sync.endpoint().path()
                        + " items with: keep youshu.enabled=true with the starter's auto-configuration, or declare one");
            }
            if (sync instanceof MappedSyncOperation<?> mapped) {
                OrderMappers<?> mappers = mapped.mappers(orderSync);
                String expression = mapped.attribute().attributeName() + ": ";
                Class<?> declared = mapped.declaredType().resolve();
                if (declared == null || declared == Object.class) {
                    warnings.add(where + label + expression + "its declared type is too open to check that a "
                            + mappers.modelType().getSimpleName() + " or a mapper bean fits; declare the method's "
                            + "return or parameter type");
                }
                else {
                    String problem = mappers.problem(declared);
                    if (problem != null) {
                        problems.add(where + label + expression + problem);
                    }
                }
            }
        }
    }

    /** Warns when required context fields have no source for some annotations ({@link RequiredContextCheck}). */
    private void warnAboutRequiredContext(List<ReportOperation> operations) {
        if (operations.isEmpty()) {
            return;
        }
        DefaultYoushuReporter reporter;
        try {
            reporter = beanFactory.getBeanProvider(DefaultYoushuReporter.class).getIfUnique();
        }
        catch (BeansException ex) {
            return;
        }
        if (reporter != null) {
            RequiredContextCheck.warn(operations, reporter.settings().defaults(),
                    beanFactory.getBeanProvider(YoushuContextResolver.class).orderedStream().toList());
        }
    }

    /** The bean instance when it exists and is the bean itself (not a factory), else {@code null}. */
    private Object instance(String beanName, Class<?> type) {
        if (!beanFactory.containsSingleton(beanName)) {
            return null;
        }
        Object bean = beanFactory.getSingleton(beanName);
        return bean != null && type.isAssignableFrom(AopProxyUtils.ultimateTargetClass(bean)) ? bean : null;
    }

    /** Whether the auto-proxy creator proxies by class (Spring Boot's default), for beans not created yet. */
    private boolean proxyTargetClass() {
        try {
            return beanFactory.containsBean(AopConfigUtils.AUTO_PROXY_CREATOR_BEAN_NAME)
                    && beanFactory.getBean(AopConfigUtils.AUTO_PROXY_CREATOR_BEAN_NAME) instanceof ProxyConfig config
                    && config.isProxyTargetClass();
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    /** The classes whose methods the bean's callers reach: its user class, or a JDK proxy's target class or interfaces. */
    private List<Class<?>> beanTypes(String beanName) {
        Class<?> type;
        try {
            type = beanFactory.getType(beanName, false);
        }
        catch (RuntimeException ex) {
            return List.of();
        }
        if (type == null) {
            return List.of();
        }
        if (!Proxy.isProxyClass(type)) {
            return List.of(ClassUtils.getUserClass(type));
        }
        if (beanFactory.containsSingleton(beanName)) {
            Object bean = beanFactory.getSingleton(beanName);
            if (bean != null) {
                return List.of(AopProxyUtils.ultimateTargetClass(bean));
            }
        }
        return List.of(type.getInterfaces());
    }

    private static String describe(List<String> problems) {
        StringBuilder description = new StringBuilder("Invalid Youshu report annotation")
                .append(problems.size() == 1 ? "" : "s").append(" (").append(problems.size())
                .append(problems.size() == 1 ? " problem):" : " problems):");
        for (String problem : problems) {
            description.append(System.lineSeparator()).append(" - ").append(problem);
        }
        return description.toString();
    }
}
