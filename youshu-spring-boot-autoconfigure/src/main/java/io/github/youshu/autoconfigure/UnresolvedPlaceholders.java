package io.github.youshu.autoconfigure;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Stops startup when a {@code youshu.*} property still holds a {@code ${…}} placeholder after
 * resolution, e.g. {@code app-id: ${YOUSHU_APP_ID}} with the environment variable unset: Spring Boot
 * binds such a value as the literal text, which would be sent to Youshu as a credential.
 */
final class UnresolvedPlaceholders {

    private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("youshu");

    private UnresolvedPlaceholders() {
    }

    /**
     * @throws YoushuConfigurationException naming every {@code youshu.*} property whose value keeps
     *                                      a placeholder and the placeholder itself (never a value)
     */
    static void check(Environment environment) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return;
        }
        Map<String, String> unresolved = new TreeMap<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(configurable)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            iterable.stream().filter(PREFIX::isAncestorOf).forEach(name -> {
                ConfigurationProperty property = source.getConfigurationProperty(name);
                if (property != null && property.getValue() instanceof String raw && raw.contains("${")) {
                    String resolved = environment.resolvePlaceholders(raw);
                    int start = resolved.indexOf("${");
                    if (start >= 0) {
                        int end = resolved.indexOf('}', start);
                        unresolved.putIfAbsent(name.toString(), end > start ? resolved.substring(start, end + 1) : "${");
                    }
                }
            });
        }
        if (unresolved.isEmpty()) {
            return;
        }
        StringBuilder description = new StringBuilder();
        unresolved.forEach((name, placeholder) -> description.append(description.isEmpty() ? "" : "; ").append(name)
                .append(" holds the unresolved placeholder ").append(placeholder));
        String first = unresolved.values().iterator().next();
        String variable = first.length() > 3 ? first.substring(2, first.length() - 1).split(":", 2)[0] : "YOUSHU_APP_ID";
        throw new YoushuConfigurationException(description
                + ": nothing defines it, so its literal text would be used (and, for a credential, sent to Youshu).",
                "Define " + variable + " before starting (an environment variable: export " + variable + "=..., "
                        + "a system property: -D" + variable + "=..., or a property in application.yml), "
                        + "or switch reporting off with youshu.enabled=false.");
    }
}
