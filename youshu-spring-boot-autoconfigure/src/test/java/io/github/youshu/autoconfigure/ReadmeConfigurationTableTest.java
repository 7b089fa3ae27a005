package io.github.youshu.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every property in the generated configuration metadata has a row in the README's configuration
 * table (and both READMEs list the same properties), so the documentation cannot fall behind the code.
 */
class ReadmeConfigurationTableTest {

    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\|\\s*`(youshu\\.[a-z0-9.\\-]+)`\\s*\\|");

    @Test
    void theEnglishReadmeTableListsEveryProperty() throws Exception {
        List<String> documented = tableProperties(Path.of("..", "README.md"));

        assertThat(documented).containsAll(metadataProperties());
    }

    @Test
    void theChineseReadmeTableListsTheSameProperties() throws Exception {
        Path chinese = Path.of("..", "README.zh-CN.md");

        assertThat(tableProperties(chinese)).containsExactlyInAnyOrderElementsOf(tableProperties(Path.of("..", "README.md")));
    }

    private static List<String> metadataProperties() throws Exception {
        try (InputStream in = ReadmeConfigurationTableTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated configuration metadata").isNotNull();
            JsonNode root = new ObjectMapper().readTree(in);
            List<String> names = new ArrayList<>();
            root.path("properties").forEach(property -> names.add(property.path("name").asText()));
            names.removeIf(name -> !name.startsWith("youshu."));
            assertThat(names).isNotEmpty();
            return names;
        }
    }

    private static List<String> tableProperties(Path readme) throws Exception {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        Matcher matcher = TABLE_ROW.matcher(text);
        List<String> names = new ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
