package io.github.youshu.order.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.youshu.autoconfigure.YoushuAutoConfiguration;
import io.github.youshu.autoconfigure.YoushuOrdersAutoConfiguration;
import io.github.youshu.order.DataApiEndpoint;
import io.github.youshu.test.RecordedEvent;
import io.github.youshu.test.YoushuRecorder;
import io.github.youshu.test.YoushuRecorderAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code YoushuOrders} example of both READMEs' "Backend order data" section is
 * {@link OrderSync} without its package line, so it compiles with its imports, and it sends what
 * the README says.
 */
class ReadmeOrderSyncExampleTest {

    @Test
    void bothReadmesShowTheCompiledExample() throws IOException {
        String source = Files.readString(
                Path.of("src", "test", "java", "io", "github", "youshu", "order", "readme", "OrderSync.java"),
                StandardCharsets.UTF_8);
        String snippet = source.substring(source.indexOf("import "));

        assertThat(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8)).contains("```java\n" + snippet + "```");
        assertThat(Files.readString(Path.of("..", "README.zh-CN.md"), StandardCharsets.UTF_8)).contains("```java\n" + snippet + "```");
    }

    @Test
    void theExampleSendsTheOrderThenItsStatusChange() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class, YoushuOrdersAutoConfiguration.class,
                        YoushuRecorderAutoConfiguration.class))
                .withPropertyValues("youshu.app-id=test", "youshu.app-secret=test", "youshu.wx-app-id=wxtest",
                        "youshu.from=test", "youshu.test.recording=true")
                .withBean(OrderSync.class)
                .run(context -> {
                    OrderSync sync = context.getBean(OrderSync.class);
                    sync.paid(PaidOrderExample.paidOrder());
                    sync.shipped("ORD-0001");

                    assertThat(context.getBean(YoushuRecorder.class).orderHistory("ORD-0001"))
                            .extracting(RecordedEvent::type, RecordedEvent::status)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(DataApiEndpoint.ADD_ORDER.path(), "1150"),
                                    org.assertj.core.groups.Tuple.tuple(DataApiEndpoint.UPDATE_ORDER.path(), "1160"));
                });
    }
}
