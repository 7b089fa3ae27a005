package io.github.youshu.actuate;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Keeps {@code youshu.app-secret} out of the {@code env} and {@code configprops} actuator endpoints
 * whatever their {@code show-values} setting: a {@link SanitizingFunction} (Spring Boot 3 and 4 keep
 * it in the same package) that masks the property under any of its spellings
 * ({@code youshu.app-secret}, {@code youshu.appSecret}, {@code YOUSHU_APP_SECRET}, …) and any other
 * property whose value is the secret itself (e.g. the environment variable the yml refers to).
 * Ordered first, so an application's own sanitizing functions cannot reveal it; registered even
 * when reporting is switched off, since the property may still be set.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
public class YoushuSecretSanitizingAutoConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SanitizingFunction youshuAppSecretSanitizingFunction(Environment environment) {
        return data -> isAppSecret(data, environment) ? data.withSanitizedValue() : data;
    }

    /** Whether the entry is youshu.app-secret (any relaxed spelling, any prefix such as configprops' bean name) or holds its value. */
    static boolean isAppSecret(SanitizableData data, Environment environment) {
        String key = data.getKey() == null ? "" : data.getKey().toLowerCase(Locale.ROOT).replaceAll("[-_.\\[\\]]", "");
        if (key.endsWith("youshuappsecret")) {
            return true;
        }
        if (!(data.getValue() instanceof CharSequence value)) {
            return false;
        }
        String secret;
        try {
            secret = environment.getProperty("youshu.app-secret");
        }
        catch (IllegalArgumentException unresolvable) {
            return false;
        }
        return secret != null && !secret.isBlank() && secret.contentEquals(value);
    }
}
