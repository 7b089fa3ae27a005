package io.github.youshu.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
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
        Set<String> variables = new LinkedHashSet<>();
        unresolved.values().forEach(placeholder -> variables.add(placeholder.length() > 3
                ? placeholder.substring(2, placeholder.length() - 1).split(":", 2)[0] : "YOUSHU_APP_ID"));
        String first = variables.iterator().next();
        boolean one = variables.size() == 1;
        throw new YoushuConfigurationException(description + (one ? ": nothing defines it" : ": nothing defines them")
                + ", so the literal text would be used (and, for a credential, sent to Youshu).",
                "Define " + String.join(" and ", variables) + " before starting (an environment variable: export "
                        + first + "=..., a system property: -D" + first + "=..., or a property in application.yml), "
                        + "or switch reporting off with youshu.enabled=false.");
    }
}
