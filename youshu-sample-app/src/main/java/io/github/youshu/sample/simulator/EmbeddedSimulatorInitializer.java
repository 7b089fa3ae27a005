package io.github.youshu.sample.simulator;

import io.github.youshu.simulator.YoushuSimulator;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a local Youshu simulator before the application context is built, when
 * {@code sample.simulator.enabled=true} (the default of the sample), and points the starter at it:
 * {@code youshu.base-url}, {@code youshu.app-id}, {@code youshu.app-secret} and {@code youshu.merchant-id}
 * are set to the simulator's (with the merchant id the starter finds, or creates, the data source the
 * order data is sent to). Its page is at {@code http://127.0.0.1:<sample.simulator.port>/simulator}.
 * A real deployment leaves the simulator off (see the {@code production} profile).
 */
public class EmbeddedSimulatorInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSimulatorInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty("sample.simulator.enabled", Boolean.class, false)) {
            return;
        }
        int port = environment.getProperty("sample.simulator.port", Integer.class, 8089);
        String zone = environment.getProperty("youshu.zone", "Asia/Shanghai");
        YoushuSimulator simulator;
        try {
            simulator = YoushuSimulator.builder().port(port).zone(ZoneId.of(zone)).build().start();
        } catch (UncheckedIOException ex) {
            throw new IllegalStateException("The sample's Youshu simulator cannot listen on port " + port
                    + " (in use?): free it or set sample.simulator.port"
                    + " (with Maven: -Dspring-boot.run.arguments=--sample.simulator.port=8090)", ex);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("youshuSimulator", Map.of(
                "youshu.base-url", simulator.baseUrl(),
                "youshu.app-id", YoushuSimulator.DEFAULT_APP_ID,
                "youshu.app-secret", YoushuSimulator.DEFAULT_APP_SECRET,
                "youshu.merchant-id", simulator.merchantId())));
        context.getBeanFactory().registerSingleton("youshuSimulator", simulator);
        // Stopped with the singletons, after the starter's delivery has flushed on shutdown.
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("youshuSimulator", simulator::stop);
        log.info("Youshu simulator running: {}/simulator (as JSON: {}/simulator/events, {}/simulator/orders)",
                simulator.baseUrl(), simulator.baseUrl(), simulator.baseUrl());
    }
}
