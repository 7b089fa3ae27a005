package io.github.youshu.expression;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.annotation.RepeatableContainers;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the annotated methods of a bean class that Spring AOP can never intercept, so that their
 * annotations never report: {@code private} and {@code static} methods (never), {@code final}
 * methods and methods of a {@code final} class when the bean is proxied by class (CGLIB), methods
 * that no interface declares when the bean is proxied by interface (JDK proxy), and every method of
 * a bean that is not proxied at all. Calls from the bean to itself ({@code this.pay()}) bypass the
 * proxy as well; that cannot be seen at startup and is documented instead.
 */
final class InterceptionCheck {

    private InterceptionCheck() {
    }

    /**
     * @param type              the bean's user class
     * @param bean              the bean instance (possibly a proxy), or {@code null} when it does not exist yet
     *                          (lazy or prototype beans: then only what the class itself tells is checked)
     * @param proxyTargetClass  whether beans are proxied by class when the instance is not known
     * @return one description per annotated method that is never intercepted, naming the method and the remedy
     */
    static List<String> neverIntercepted(Class<?> type, Object bean, boolean proxyTargetClass) {
        List<String> found = new ArrayList<>();
        boolean byClass = bean != null ? AopUtils.isCglibProxy(bean) : proxyTargetClass;
        boolean byInterface = bean != null && AopUtils.isJdkDynamicProxy(bean);
        boolean notProxied = bean != null && !AopUtils.isAopProxy(bean);
        Set<Class<?>> interfaces = byInterface ? Set.of(AopProxyUtils.proxiedUserInterfaces(bean)) : Set.of();
        ReflectionUtils.doWithMethods(type, method -> {
            String reason = reason(type, method, byClass, byInterface, notProxied, interfaces);
            if (reason != null) {
                found.add(MethodReportPlan.describe(method) + " is " + reason);
            }
        }, method -> !method.isBridge() && !method.isSynthetic() && method.getDeclaringClass() != Object.class
                && hasReportAnnotation(method));
        return found;
    }

    private static String reason(Class<?> type, Method method, boolean byClass, boolean byInterface, boolean notProxied,
                                 Set<Class<?>> interfaces) {
        int modifiers = method.getModifiers();
        String remedy = ": its report annotations never run. Make it a public, non-final instance method called "
                + "through the bean (another bean's call, not this.method())";
        if (Modifier.isStatic(modifiers)) {
            return "static: Spring AOP intercepts only instance methods called on the proxy" + remedy;
        }
        if (Modifier.isPrivate(modifiers)) {
            return "private: a proxy cannot intercept private methods" + remedy;
        }
        if (byClass && Modifier.isFinal(modifiers)) {
            return "final: the class-based (CGLIB) proxy cannot override it" + remedy;
        }
        if (notProxied) {
            return "on a bean that is not proxied" + (Modifier.isFinal(type.getModifiers())
                    ? " (" + type.getSimpleName() + " is a final class, which a class-based proxy cannot extend: "
                    + "remove final or implement an interface that declares the method)"
                    : " (it was created before the auto-proxy creator, or outside Spring's post-processing)")
                    + ": its report annotations never run";
        }
        if (byInterface && !declaredByAny(method, interfaces)) {
            return "not declared by any interface of its JDK (interface-based) proxy ("
                    + (interfaces.isEmpty() ? "none" : String.join(", ", interfaces.stream().map(Class::getSimpleName).sorted().toList()))
                    + "): callers cannot reach it through the proxy. Declare it in an interface, or proxy by class "
                    + "(spring.aop.proxy-target-class=true, the Spring Boot default)";
        }
        return null;
    }

    private static boolean declaredByAny(Method method, Set<Class<?>> interfaces) {
        for (Class<?> candidate : interfaces) {
            if (ClassUtils.hasMethod(candidate, method.getName(), method.getParameterTypes())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasReportAnnotation(Method method) {
        // TYPE_HIERARCHY: an annotation on an interface method counts for a final implementation too.
        return MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY, RepeatableContainers.standardRepeatables())
                .stream().anyMatch(annotation -> ReportOperationSource.ANNOTATION_TYPES.contains(annotation.getType()));
    }
}
