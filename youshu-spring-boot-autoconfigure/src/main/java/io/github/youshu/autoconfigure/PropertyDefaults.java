package io.github.youshu.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The defaults of the {@code youshu.*} properties, as the starter's configuration metadata
 * ({@code META-INF/spring-configuration-metadata.json}, generated from {@link YoushuProperties} and
 * the other properties classes) documents them, so that a configuration error can say what the
 * default would have been.
 */
final class PropertyDefaults {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private static final Pattern PROPERTY = Pattern.compile("youshu\\.[a-z0-9.\\-]*[a-z0-9]");

    private PropertyDefaults() {
    }

    /**
     * @return "youshu.x=default" for each {@code youshu.*} property the text names that has a default,
     *         in the order named; empty when none has one
     */
    static Map<String, String> namedIn(String text, ClassLoader classLoader) {
        Map<String, String> named = new LinkedHashMap<>();
        if (text == null) {
            return named;
        }
        Map<String, String> defaults = read(classLoader);
        Matcher matcher = PROPERTY.matcher(text);
        while (matcher.find()) {
            String value = defaults.get(matcher.group());
            if (value != null) {
                named.putIfAbsent(matcher.group(), value);
            }
        }
        return named;
    }

    private static Map<String, String> read(ClassLoader classLoader) {
        Map<String, String> defaults = new LinkedHashMap<>();
        try {
            Enumeration<URL> resources = classLoader.getResources(METADATA);
            ObjectMapper mapper = new ObjectMapper();
            while (resources.hasMoreElements()) {
                try (InputStream in = resources.nextElement().openStream()) {
                    for (JsonNode property : mapper.readTree(in).path("properties")) {
                        String name = property.path("name").asText();
                        JsonNode value = property.get("defaultValue");
                        if (name.startsWith("youshu.") && value != null && !value.isNull() && !value.isContainerNode()) {
                            defaults.put(name, value.asText());
                        }
                    }
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // without metadata the report simply names no defaults
        }
        return defaults;
    }
}
