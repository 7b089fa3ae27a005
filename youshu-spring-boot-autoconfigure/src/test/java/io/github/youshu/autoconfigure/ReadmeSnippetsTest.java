package io.github.youshu.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11 item 11: README snippets work when copied. Every Java snippet of both READMEs imports each
 * of the starter's types it uses (and the Spring and JUnit annotations it puts on code), and the
 * sample's run command builds only what the sample needs, without tests, and runs the jar itself
 * (no Maven around it to end in "BUILD FAILURE … exit code 143" on Ctrl-C).
 */
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?s)```java\\n(.*?)```");

    private static final Pattern BASH_BLOCK = Pattern.compile("(?s)```bash\\n(.*?)```");

    /**
     * Types outside the starter that the snippets use, with their packages; annotations (written with
     * their {@code @}) only count where used as one, since a shop has its own {@code Order} class.
     */
    private static final Map<String, String> OTHER_TYPES = Map.of("@Bean", "org.springframework.context.annotation.Bean",
            "@Order", "org.springframework.core.annotation.Order", "@SpringBootTest",
            "org.springframework.boot.test.context.SpringBootTest", "@Autowired",
            "org.springframework.beans.factory.annotation.Autowired", "@AfterEach", "org.junit.jupiter.api.AfterEach",
            "@Test", "org.junit.jupiter.api.Test", "BigDecimal", "java.math.BigDecimal");

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "README.zh-CN.md"})
    void everyJavaSnippetImportsTheTypesItUses(String readme) throws IOException {
        Map<String, String> types = new TreeMap<>(starterTypes());
        types.putAll(OTHER_TYPES);
        List<String> missing = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(read(readme));
        int blocks = 0;
        while (block.find()) {
            blocks++;
            String code = block.group(1);
            // comments may name types without using them
            String body = code.replaceAll("(?m)^import .*$", "").replaceAll("(?s)/\\*.*?\\*/", "")
                    .replaceAll("(?m)//.*$", "");
            types.forEach((name, qualified) -> {
                String simpleName = name.startsWith("@") ? name : "@?" + name;
                boolean used = Pattern.compile("(?<![\\w.\"@])" + simpleName + "\\b(?![\"])").matcher(body).find();
                // a type of the same simple name from elsewhere (Spring's @Component beside the starter's
                // Component) is the snippet's own choice
                boolean imported = code.contains("import " + qualified + ";") || Pattern.compile(
                        "(?m)^import [\\w.]+\\." + name.replace("@", "") + ";$").matcher(code).find();
                if (used && !imported) {
                    missing.add(name + " in snippet " + blockStart(code));
                }
            });
        }
        assertThat(blocks).isGreaterThanOrEqualTo(5);
        assertThat(missing).as("imports missing from %s", readme).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "README.zh-CN.md"})
    void theSamplesRunCommandSkipsTestsAndRunsTheJarItself(String readme) throws IOException {
        Matcher block = BASH_BLOCK.matcher(read(readme));
        assertThat(block.find()).isTrue();
        String commands = block.group(1);

        assertThat(commands).contains("./mvnw -B -q -pl youshu-sample-app -am -Dmaven.test.skip=true package")
                .contains("java -jar youshu-sample-app/target/youshu-sample-app-0.1.0-SNAPSHOT.jar")
                .doesNotContain("spring-boot:run").doesNotContain("-DskipTests compile");
    }

    private static Map<String, String> starterTypes() throws IOException {
        Path sources = Path.of("src", "main", "java");
        Map<String, String> types = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources.resolve("io/github/youshu"))) {
            files.filter(file -> file.toString().endsWith(".java") && !file.endsWith("package-info.java")).forEach(file -> {
                String qualified = sources.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                        .replaceAll("\\.java$", "");
                types.put(qualified.substring(qualified.lastIndexOf('.') + 1), qualified);
            });
        }
        return types;
    }

    private static String read(String readme) throws IOException {
        return Files.readString(Path.of("..", readme), StandardCharsets.UTF_8);
    }

    private static String blockStart(String code) {
        return code.lines().filter(line -> !line.isBlank() && !line.startsWith("import")).findFirst().orElse("");
    }
}
