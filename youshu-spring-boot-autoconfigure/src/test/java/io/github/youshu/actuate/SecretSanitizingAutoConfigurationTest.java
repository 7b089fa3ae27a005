package io.github.youshu.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SecretSanitizingAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YoushuSecretSanitizingAutoConfiguration.class))
            .withPropertyValues("youshu.app-secret=s3cr3t-value");

    @Test
    void masksEverySpellingOfThePropertyAndItsValueOnly() {
        runner.run(context -> {
            SanitizingFunction function = context.getBean(SanitizingFunction.class);
            for (String key : new String[] {"youshu.app-secret", "youshu.appSecret", "YOUSHU_APP_SECRET", "youshu.app_secret"}) {
                assertThat(function.apply(new SanitizableData(null, key, "anything")).getValue()).as(key)
                        .isEqualTo(SanitizableData.SANITIZED_VALUE);
            }
            assertThat(function.apply(new SanitizableData(null, "MY_COPY", "s3cr3t-value")).getValue())
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(function.apply(new SanitizableData(null, "youshu.app-id", "bi123")).getValue()).isEqualTo("bi123");
        });
    }

    @Test
    void withoutActuatorNothingIsRegistered() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("youshuAppSecretSanitizingFunction"));
    }
}
