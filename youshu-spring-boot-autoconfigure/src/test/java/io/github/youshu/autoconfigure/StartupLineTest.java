package io.github.youshu.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.github.youshu.delivery.LogCapture;
import io.github.youshu.test.YoushuRecorderAutoConfiguration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Issue 11 item 11: one INFO line at startup says where events go, never the secret. */
class StartupLineTest {

    private static final String SECRET = "s3cr3t-value";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class))
            .withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=" + SECRET, "youshu.wx-app-id=wx0000000000test0",
                    "youshu.from=test-shop");

    @Test
    void memoryModeNamesTheQueueTheUrlTheAppIdAndTheEnvironment() {
        assertThat(startupLines(runner)).containsExactly(
                "Youshu reporting: memory queue -> https://zhls.qq.com/api/v1/safe-report, app id bi123, environment production");
    }

    @Test
    void outboxModeAndABaseUrlAreNamed() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        assertThat(startupLines(runner.withBean(DataSource.class, () -> dataSource).withPropertyValues(
                "youshu.outbox.enabled=true", "youshu.environment=test", "youshu.base-url=http://127.0.0.1:8089")))
                .containsExactly("Youshu reporting: outbox table 'youshu_outbox' -> http://127.0.0.1:8089/api/v1/safe-report, "
                        + "app id bi123, environment test overridden by youshu.base-url");
    }

    @Test
    void recordingSaysNothingIsSent() {
        assertThat(startupLines(runner.withConfiguration(AutoConfigurations.of(YoushuRecorderAutoConfiguration.class))
                .withPropertyValues("youshu.test.recording=true")))
                .singleElement().asString().contains("nothing is sent");
    }

    private static List<String> startupLines(ApplicationContextRunner runner) {
        try (LogCapture log = LogCapture.of(YoushuAutoConfiguration.class)) {
            runner.run(context -> assertThat(context).hasNotFailed());
            List<String> lines = log.messages(Level.INFO).stream().filter(line -> line.startsWith("Youshu reporting:")).toList();
            assertThat(String.join("\n", lines)).doesNotContain(SECRET);
            return lines;
        }
    }
}
