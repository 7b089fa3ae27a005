package io.github.youshu.delivery.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates the outbox table from the script shipped in the jar
 * ({@code META-INF/youshu/outbox/schema-<database>.sql}) with the configured table name.
 */
final class OutboxSchema {

    static final String SCRIPT_LOCATION = "META-INF/youshu/outbox/schema-%s.sql";

    private static final Logger log = LoggerFactory.getLogger(OutboxSchema.class);
    private static final Pattern TABLE_NAME = Pattern.compile("\\b" + OutboxSettings.DEFAULT_TABLE_NAME);

    private OutboxSchema() {
    }

    /** Applies the schema script when {@code mode} asks for it on this database. */
    static void initialize(DataSource dataSource, OutboxDatabase database, String tableName,
            OutboxSettings.SchemaInitialization mode) {
        boolean apply = switch (mode) {
            case ALWAYS -> true;
            case EMBEDDED -> database.embedded();
            case NEVER -> false;
        };
        if (!apply) {
            return;
        }
        if (database.schema() == null) {
            throw new IllegalStateException("The Youshu outbox ships no schema for " + database.product()
                    + ": create the table '" + tableName + "' yourself (see " + SCRIPT_LOCATION.formatted("h2")
                    + " in the starter jar) and set youshu.outbox.initialize-schema=never");
        }
        String location = SCRIPT_LOCATION.formatted(database.schema());
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator(
                new ByteArrayResource(script(location, tableName).getBytes(StandardCharsets.UTF_8), location));
        populator.setSqlScriptEncoding(StandardCharsets.UTF_8.name());
        populator.execute(dataSource);
        log.debug("Youshu outbox table '{}' is in place ({})", tableName, location);
    }

    /** The script at {@code location} with its table name replaced by {@code tableName}. */
    static String script(String location, String tableName) {
        try (InputStream in = new ClassPathResource(location, OutboxSchema.class.getClassLoader()).getInputStream()) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return TABLE_NAME.matcher(script).replaceAll(Matcher.quoteReplacement(tableName));
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read " + location + " from the Youshu starter jar", ex);
        }
    }
}
