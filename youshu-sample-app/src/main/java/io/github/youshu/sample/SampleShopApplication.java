package io.github.youshu.sample;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A small shop backend that reports its order life to Youshu through annotations only. By default
 * it starts an embedded Youshu simulator and points the starter at it (see application.yml), so it
 * runs with no credentials and no network; the {@code production} profile shows the real setup.
 */
@SpringBootApplication
public class SampleShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleShopApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
