package io.github.youshu.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;

/**
 * Credentials that cannot be what Youshu issued stop startup with a report naming the property:
 * an unresolved {@code ${…}} placeholder (the README's {@code ${YOUSHU_APP_ID}} with the variable
 * unset) and a secret with surrounding whitespace (a Kubernetes Secret file's trailing newline).
 */
class CredentialStartupChecksTest {

    private static final String SECRET = "s3cr3t-value";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class))
            .withPropertyValues("youshu.wx-app-id=wx0000000000test0", "youshu.from=test-shop");

    @Test
    void anUnsetAppIdVariableStopsStartupNamingThePropertyAndTheVariable() {
        runner.withPropertyValues("youshu.app-id=${YOUSHU_TEST_UNSET_APP_ID}", "youshu.app-secret=" + SECRET).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("youshu.app-id")
                    .contains("${YOUSHU_TEST_UNSET_APP_ID}").doesNotContain("youshu.app-secret");
            assertThat(analysis.getAction()).contains("export YOUSHU_TEST_UNSET_APP_ID=").contains("youshu.enabled=false");
        });
    }

    @Test
    void anUnsetAppSecretVariableStopsStartupNamingTheProperty() {
        runner.withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=${YOUSHU_TEST_UNSET_APP_SECRET}").run(context -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("youshu.app-secret").contains("${YOUSHU_TEST_UNSET_APP_SECRET}");
        });
    }

    @Test
    void aPlaceholderThatResolvesIsAccepted() {
        runner.withPropertyValues("youshu.app-id=${test.app-id}", "test.app-id=bi123", "youshu.app-secret=" + SECRET)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aPlaceholderLeftInsideAnyYoushuValueIsNamed() {
        runner.withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=" + SECRET,
                "youshu.defaults.page=pages/${YOUSHU_TEST_UNSET_PAGE}/index").run(context -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("youshu.defaults.page").contains("${YOUSHU_TEST_UNSET_PAGE}");
        });
    }

    /** Where Boot would fail itself (a Duration cannot be "${…}"), the report still names the placeholder first. */
    @Test
    void aPlaceholderInANonTextPropertyIsNamedBeforeBootFailsToConvertIt() {
        runner.withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=" + SECRET,
                "youshu.http.connect-timeout=${YOUSHU_TEST_UNSET_TIMEOUT}").run(context -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("youshu.http.connect-timeout")
                    .contains("${YOUSHU_TEST_UNSET_TIMEOUT}");
        });
    }

    /** The README's own example in a real Spring Boot application, the variables unset. */
    @Test
    void theReadmeExampleFailsClearlyInARealApplicationWhenTheVariableIsMissing() {
        SpringApplication application = new SpringApplication(Application.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> application.run("--youshu.app-id=${YOUSHU_TEST_UNSET_APP_ID}",
                "--youshu.app-secret=${YOUSHU_TEST_UNSET_APP_SECRET}", "--youshu.wx-app-id=wx0000000000test0",
                "--spring.application.name=my-shop", "--spring.main.banner-mode=off"))
                .satisfies(failure -> {
                    FailureAnalysis analysis = analyze(failure);
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("youshu.app-id holds the unresolved placeholder "
                            + "${YOUSHU_TEST_UNSET_APP_ID}").contains("youshu.app-secret").contains("nothing defines them");
                    // both variables in the fix, so that one restart is enough
                    assertThat(analysis.getAction())
                            .contains("Define YOUSHU_TEST_UNSET_APP_ID and YOUSHU_TEST_UNSET_APP_SECRET before starting");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {SECRET + "\n", " " + SECRET, SECRET + "\t"})
    void aSecretWithSurroundingWhitespaceStopsStartupWithoutShowingIt(String secret) {
        // as a mounted secret file would give it: TestPropertyValues would trim the value
        runner.withPropertyValues("youshu.app-id=bi123").withInitializer(context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("secret-file", Map.of("youshu.app-secret", secret)))).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("youshu.app-secret").contains("whitespace").contains("trim")
                    .contains("Kubernetes").doesNotContain(SECRET);
            assertThat(analysis.getAction()).doesNotContain(SECRET);
            assertThat(context.getStartupFailure()).hasStackTraceContaining("whitespace")
                    .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain(SECRET));
        });
    }

    private static FailureAnalysis analyze(Throwable failure) {
        return new YoushuConfigurationFailureAnalyzer().analyze(failure);
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter out = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    @Configuration(proxyBeanMethods = false)
    @Import(YoushuAutoConfiguration.class)
    static class Application {
    }
}
