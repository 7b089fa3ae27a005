package io.github.youshu.sample;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
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

    /** The shop's clock, in the merchant's zone: the days of the daily totals are local to it. */
    @Bean
    Clock clock(@Value("${youshu.zone}") ZoneId zone) {
        return Clock.system(zone);
    }
}
