package io.github.youshu.benchmarks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Replaces the starter's HTTP transport with one that accepts and discards every batch. */
@Configuration(proxyBeanMethods = false)
public class DiscardingTransportConfiguration {

    @Bean
    DiscardingTransport youshuTransport() {
        return new DiscardingTransport();
    }
}
