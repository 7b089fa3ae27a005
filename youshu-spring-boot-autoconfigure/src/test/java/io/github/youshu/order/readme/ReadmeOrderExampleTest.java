package io.github.youshu.order.readme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The builder example of both READMEs' "Backend order data" section is {@link PaidOrderExample}
 * without its package line, so it compiles with its imports, and it does what the README says.
 */
class ReadmeOrderExampleTest {

    @Test
    void bothReadmesShowTheCompiledExample() throws IOException {
        String source = Files.readString(
                Path.of("src", "test", "java", "io", "github", "youshu", "order", "readme", "PaidOrderExample.java"),
                StandardCharsets.UTF_8);
        String snippet = source.substring(source.indexOf("import "));

        assertThat(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8)).contains("```java\n" + snippet + "```");
        assertThat(Files.readString(Path.of("..", "README.zh-CN.md"), StandardCharsets.UTF_8)).contains("```java\n" + snippet + "```");
    }

    @Test
    void exampleIsValidAndSendsOnlyTheHashedPhone() {
        String json = PaidOrderExample.paidOrderJson();

        assertThat(json).contains("\"create_time\":\"1700000000000\"", "\"order_status\":\"1150\"",
                "\"sha256_user_phone\":\"a6942f9771d67f34034d2f1926988ed3fad3bf1b4e7cedb9a31f31398dea43bc\"",
                "\"freight_amount\":0.00");
        assertThat(json).doesNotContain("13800138000").doesNotContain("0013");
    }
}
