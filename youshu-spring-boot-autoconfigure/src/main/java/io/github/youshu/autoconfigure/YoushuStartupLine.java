package io.github.youshu.autoconfigure;

import io.github.youshu.delivery.EventStore;
import io.github.youshu.delivery.memory.MemoryEventStore;
import io.github.youshu.transport.TransportSettings;
import io.github.youshu.transport.YoushuCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Logs, once all beans are ready, one INFO line saying where events go: the delivery mode, the
 * endpoint URL, the app id and the environment (never the secret), e.g.
 * {@code Youshu reporting: memory queue -> https://zhls.qq.com/api/v1/safe-report, app id bi123,
 * environment production}.
 */
final class YoushuStartupLine implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(YoushuAutoConfiguration.class);

    private final String line;

    /**
     * @param recording whether a YoushuRecorder takes the events instead ({@code youshu.test.recording})
     */
    YoushuStartupLine(EventStore store, TransportSettings transport, YoushuCredentials credentials,
            YoushuProperties properties, boolean recording) {
        String mode = recording ? "recorded by the YoushuRecorder (youshu.test.recording=true), nothing is sent to"
                : store instanceof MemoryEventStore ? "memory queue ->"
                : properties.getOutbox().isEnabled() ? "outbox table '" + properties.getOutbox().getTableName() + "' ->"
                : store.getClass().getSimpleName() + " ->";
        String environment = properties.getBaseUrl() == null || properties.getBaseUrl().isBlank()
                ? "environment " + lowerCase(properties.getEnvironment())
                : "environment " + lowerCase(properties.getEnvironment()) + " overridden by youshu.base-url";
        this.line = "Youshu reporting: " + mode + " " + transport.baseUri() + transport.endpoint().path() + ", app id "
                + credentials.appId() + ", " + environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        log.info(line);
    }

    String line() {
        return line;
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
