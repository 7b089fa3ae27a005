package io.github.youshu.expression;

import io.github.youshu.annotation.ReportCouponOrder;
import io.github.youshu.annotation.ReportEvent;
import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.annotation.SyncOrder;
import io.github.youshu.annotation.SyncOrderStatus;
import io.github.youshu.annotation.SyncReturnOrder;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodClassKey;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.annotation.RepeatableContainers;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.util.ReflectionUtils;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the report annotations of a method and keeps, per (method, target class), the
 * {@link MethodReportPlan} built from them; like Spring's {@code AnnotationCacheOperationSource}.
 * Annotations on the implementation method win over those on the interface (or superclass)
 * method it overrides; the latter count only when the implementation has none. Expressions are
 * parsed once, with SpEL's compiler in {@link SpelCompilerMode#MIXED MIXED} mode.
 *
 * <p>Internal infrastructure of the starter: register it as a bean (see {@code YoushuReportingRegistrar}).
 */
public class ReportOperationSource {

    /** The annotation types this source looks for: the report annotations and the order sync annotations. */
    static final Set<Class<? extends Annotation>> ANNOTATION_TYPES = Set.of(ReportOrderStatus.class, ReportCouponOrder.class,
            ReportEvent.class, SyncOrder.class, SyncOrderStatus.class, SyncReturnOrder.class);

    /** Marks a method without report annotations in the plan cache. */
    private static final MethodReportPlan NO_PLAN = new MethodReportPlan(
            ReflectionUtils.findMethod(Object.class, "toString"), new MethodVariables(0, null), List.of(), List.of(), List.of());

    private final Map<MethodClassKey, MethodReportPlan> plans = new ConcurrentHashMap<>(256);
    private final ReportOperationParser parser;
    private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();
    private final StandardEvaluationContext sharedContext;

    /**
     * @param beanFactory the bean factory whose beans {@code @name} references resolve to; {@code null} for none
     */
    public ReportOperationSource(BeanFactory beanFactory) {
        ClassLoader classLoader = ReportOperationSource.class.getClassLoader();
        SpelExpressionParser spel = new SpelExpressionParser(new SpelParserConfiguration(SpelCompilerMode.MIXED, classLoader));
        this.parser = new ReportOperationParser(spel, beanFactory == null ? null : beanFactory::containsBean);
        this.sharedContext = new StandardEvaluationContext();
        if (beanFactory != null) {
            this.sharedContext.setBeanResolver(new BeanFactoryResolver(beanFactory));
        }
        // Initialise the shared delegates once; every call's context reuses them (and their caches).
        this.sharedContext.getPropertyAccessors();
        this.sharedContext.getIndexAccessors();
        this.sharedContext.getMethodResolvers();
        this.sharedContext.getConstructorResolvers();
    }

    /** Whether the class may have report annotations at all (a cheap pre-filter). */
    static boolean isCandidateClass(Class<?> targetClass) {
        return AnnotationUtils.isCandidateClass(targetClass, ANNOTATION_TYPES);
    }

    /**
     * The plan of the method as called on an instance of the target class.
     *
     * @return the plan, or {@code null} when the method has no report annotations
     */
    MethodReportPlan getPlan(Method method, Class<?> targetClass) {
        MethodClassKey key = new MethodClassKey(method, targetClass);
        MethodReportPlan plan = plans.get(key);
        if (plan == null) {
            plan = plans.computeIfAbsent(key, k -> computePlan(method, targetClass));
        }
        return plan == NO_PLAN ? null : plan;
    }

    /** The resolvers, accessors and bean resolver that every call's evaluation context shares. */
    StandardEvaluationContext sharedContext() {
        return sharedContext;
    }

    private MethodReportPlan computePlan(Method method, Class<?> targetClass) {
        if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())) {
            return NO_PLAN;
        }
        Method specificMethod = AopUtils.getMostSpecificMethod(method, targetClass);
        List<Annotation> annotations = findAnnotations(specificMethod);
        if (annotations.isEmpty() && specificMethod != method) {
            annotations = findAnnotations(method);
        }
        if (annotations.isEmpty()) {
            return NO_PLAN;
        }
        MethodVariables variables = new MethodVariables(specificMethod.getParameterCount(),
                parameterNames.getParameterNames(specificMethod));
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<ReportOperation> operations = new ArrayList<>(annotations.size());
        String methodDescription = MethodReportPlan.describe(specificMethod);
        for (Annotation annotation : annotations) {
            ReportOperation operation = parser.parse(annotation, specificMethod, targetClass, methodDescription, variables,
                    problems, warnings);
            if (operation != null) {
                operations.add(operation);
            }
        }
        return new MethodReportPlan(specificMethod, variables, operations, problems, warnings);
    }

    /** The annotations declared on the method itself; else those on the methods it overrides. */
    private static List<Annotation> findAnnotations(Method method) {
        List<Annotation> local = annotations(method, SearchStrategy.DIRECT);
        return local.isEmpty() ? annotations(method, SearchStrategy.TYPE_HIERARCHY) : local;
    }

    private static List<Annotation> annotations(Method method, SearchStrategy strategy) {
        List<Annotation> found = new ArrayList<>(2);
        MergedAnnotations.from(method, strategy, RepeatableContainers.standardRepeatables())
                .stream()
                .filter(annotation -> ANNOTATION_TYPES.contains(annotation.getType()))
                .map(MergedAnnotation::synthesize)
                .forEach(found::add);
        return found;
    }
}
