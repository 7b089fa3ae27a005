package io.github.youshu.actuate;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.util.ClassUtils;

/**
 * Makes a health indicator of whichever actuator generation the application runs: Spring Boot 4
 * keeps its health API in {@code org.springframework.boot.health.contributor}, Boot 3 in
 * {@code org.springframework.boot.actuate.health}. Both have the same shape ({@code health()},
 * {@code Health.up()/down()}, {@code withDetails}, {@code build()}), so one library jar serves both
 * without compiling against either.
 *
 * <p>A problem is reported with the status code the caller chooses: {@link #PROBLEM_STATUS} by
 * default, a status that Spring Boot's {@code SimpleStatusAggregator} leaves out of the aggregate
 * (it only orders the codes of {@code management.endpoint.health.status.order}, by default DOWN,
 * OUT_OF_SERVICE, UP and UNKNOWN) and that its HTTP mapping answers with 200; or {@code DOWN}, which
 * turns the aggregate, every group holding the indicator and the HTTP status (503) down.
 */
public final class HealthIndicatorBridge {

    private static final String[] PACKAGES = {
        "org.springframework.boot.health.contributor", // Spring Boot 4
        "org.springframework.boot.actuate.health"      // Spring Boot 3
    };

    /**
     * The status of a problem that must not change the application's aggregate health: shown on the
     * {@code youshu} component, ignored by Spring Boot's default status order.
     */
    public static final String PROBLEM_STATUS = "DEGRADED";

    /** The status of a problem that should count in the aggregate health (an operator's opt-in). */
    public static final String DOWN_STATUS = "DOWN";

    private HealthIndicatorBridge() {
    }

    /** The HealthIndicator interface on the classpath, or {@code null} when there is no actuator health support. */
    public static Class<?> indicatorType(ClassLoader classLoader) {
        for (String pkg : PACKAGES) {
            String name = pkg + ".HealthIndicator";
            if (ClassUtils.isPresent(name, classLoader) && ClassUtils.isPresent(pkg + ".Health", classLoader)) {
                return ClassUtils.resolveClassName(name, classLoader);
            }
        }
        return null;
    }

    /**
     * A health indicator implementing {@code indicatorType} whose {@code health()} reports the
     * snapshot the supplier returns at that moment: UP, or {@code problemStatus} when the snapshot
     * has a problem.
     *
     * @param problemStatus the status code of a problem, e.g. {@link #PROBLEM_STATUS} or {@link #DOWN_STATUS}
     */
    public static Object create(Class<?> indicatorType, Supplier<HealthSnapshot> snapshots, String problemStatus) {
        ClassLoader classLoader = indicatorType.getClassLoader();
        Method up;
        Method status;
        Method withDetails;
        Method build;
        try {
            Class<?> health = ClassUtils.forName(indicatorType.getPackageName() + ".Health", classLoader);
            up = health.getMethod("up");
            status = health.getMethod("status", String.class);
            Class<?> builder = up.getReturnType();
            withDetails = builder.getMethod("withDetails", Map.class);
            build = builder.getMethod("build");
        }
        catch (ClassNotFoundException | NoSuchMethodException ex) {
            throw new IllegalStateException("Unsupported actuator health API in " + indicatorType.getPackageName(), ex);
        }
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "health" -> {
                HealthSnapshot snapshot = snapshots.get();
                Object builder = snapshot.up() ? up.invoke(null) : status.invoke(null, problemStatus);
                withDetails.invoke(builder, snapshot.details());
                yield build.invoke(builder);
            }
            case "toString" -> "YoushuHealthIndicator";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> invokeDefault(proxy, method, args);
        };
        return Proxy.newProxyInstance(classLoader, new Class<?>[] {indicatorType}, handler);
    }

    private static Object invokeDefault(Object proxy, Method method, Object[] args) throws Throwable {
        if (!method.isDefault()) {
            throw new UnsupportedOperationException(method.getName());
        }
        try {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }

    /**
     * What the indicator reports.
     *
     * @param up      whether delivery works (otherwise {@code details} say why, under {@code problem})
     * @param details what the health endpoint shows (never a secret, never a full open id)
     */
    public record HealthSnapshot(boolean up, Map<String, Object> details) {
    }
}
