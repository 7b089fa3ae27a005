package io.github.youshu.benchmarks;

import io.github.youshu.benchmarks.shop.BenchApp;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the small Spring Boot applications the benchmarks measure, the way an application starts. */
public final class SpringContexts {

    private SpringContexts() {
    }

    /**
     * Runs a non-web Spring Boot application from the given configuration classes. The properties
     * are defaults: a {@code -D} system property of the same name wins.
     */
    public static ConfigurableApplicationContext run(Map<String, Object> properties, Class<?>... sources) {
        SpringApplication application = new SpringApplication(sources);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        application.setDefaultProperties(properties);
        return application.run();
    }

    /**
     * The Youshu properties of the benchmarked shop: fake credentials, the loopback base URL (or
     * none, when the transport is replaced), the user context the annotations do not give, and
     * {@code failure-mode=throw} so that an event that cannot be built breaks the benchmark.
     */
    public static Map<String, Object> youshuProperties(String baseUrl) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("youshu.app-id", BenchApp.APP_ID);
        properties.put("youshu.app-secret", BenchApp.APP_SECRET);
        if (baseUrl != null) {
            properties.put("youshu.base-url", baseUrl);
        }
        properties.put("youshu.from", BenchApp.FROM);
        properties.put("youshu.wx-app-id", BenchApp.WX_APP_ID);
        properties.put("youshu.defaults.scene", BenchApp.SCENE);
        properties.put("youshu.failure-mode", "throw");
        properties.put("youshu.context.headers.enabled", false);
        return properties;
    }
}
