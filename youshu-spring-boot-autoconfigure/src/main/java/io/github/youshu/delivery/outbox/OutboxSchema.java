package io.github.youshu.delivery.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

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
        if (!applies(database, mode)) {
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

    private static boolean applies(OutboxDatabase database, OutboxSettings.SchemaInitialization mode) {
        return switch (mode) {
            case ALWAYS -> true;
            case EMBEDDED -> database.embedded();
            case NEVER -> false;
        };
    }

    /**
     * Makes sure the table has the claim's per-order index ({@code order_id, status, id}), which
     * tables made by earlier versions lack: adds it when {@code mode} initializes the schema on this
     * database (MySQL has no {@code CREATE INDEX IF NOT EXISTS} for the script to do it), and
     * otherwise logs a warning with the statement that adds it. Without it every claim reads all
     * pending rows to check the order of each candidate.
     */
    static void checkOrderIndex(DataSource dataSource, OutboxDatabase database, String tableName,
            OutboxSettings.SchemaInitialization mode) {
        Boolean present = hasOrderIndex(dataSource, tableName);
        if (present == null || present) {
            return;
        }
        String statement = database.addOrderIndex(tableName);
        if (applies(database, mode)) {
            try {
                new JdbcTemplate(dataSource).execute(statement);
                log.info("Youshu outbox: added the per-order index {}_order to table '{}'", tableName, tableName);
                return;
            }
            catch (DataAccessException ex) {
                // Another instance starting at the same time may have added it first.
                if (Boolean.TRUE.equals(hasOrderIndex(dataSource, tableName))) {
                    return;
                }
                log.warn("Youshu outbox: adding the per-order index to table '{}' failed: {}", tableName,
                        ex.getMostSpecificCause().toString());
            }
        }
        log.warn("Youshu outbox: table '{}' has no index on (order_id, status, id), so every claim reads all pending"
                + " rows to keep each order's events in order and slows down as they grow. Add it: {}", tableName, statement);
    }

    /**
     * Makes sure the table has the {@code route} column, which tables made by earlier versions lack:
     * adds it when {@code mode} initializes the schema on this database (existing rows become
     * behaviour events), and otherwise logs a warning with the statement that adds it.
     *
     * @return whether the column is there (when the metadata cannot tell: assumed so)
     */
    static boolean checkRouteColumn(DataSource dataSource, OutboxDatabase database, String tableName,
            OutboxSettings.SchemaInitialization mode) {
        Boolean present = hasColumn(dataSource, tableName, "route");
        if (present == null || present) {
            return true;
        }
        String statement = database.addRouteColumn(tableName);
        if (applies(database, mode)) {
            try {
                new JdbcTemplate(dataSource).execute(statement);
                log.info("Youshu outbox: added the column route to table '{}' (its rows are behaviour events)", tableName);
                return true;
            }
            catch (DataAccessException ex) {
                // Another instance starting at the same time may have added it first.
                if (Boolean.TRUE.equals(hasColumn(dataSource, tableName, "route"))) {
                    return true;
                }
                log.warn("Youshu outbox: adding the column route to table '{}' failed: {}", tableName,
                        ex.getMostSpecificCause().toString());
            }
        }
        log.warn("Youshu outbox: table '{}' has no column route, so it carries behaviour events only: backend order"
                + " data (YoushuOrders) cannot be stored and is counted as lost. Add it: {}", tableName, statement);
        return false;
    }

    /** Whether the table has the column; {@code null} when the metadata cannot tell. */
    static Boolean hasColumn(DataSource dataSource, String tableName, String column) {
        return anyMetadataRow(dataSource, tableName, "columns",
                (metaData, connection, name) -> metaData.getColumns(connection.getCatalog(), connection.getSchema(), name, null),
                row -> column.equalsIgnoreCase(row.getString("COLUMN_NAME")));
    }

    /** Whether an index of the table starts with {@code order_id}; {@code null} when the metadata cannot tell. */
    static Boolean hasOrderIndex(DataSource dataSource, String tableName) {
        return anyMetadataRow(dataSource, tableName, "indexes",
                (metaData, connection, name) -> metaData.getIndexInfo(connection.getCatalog(), connection.getSchema(), name,
                        false, true),
                row -> row.getShort("ORDINAL_POSITION") == 1 && "order_id".equalsIgnoreCase(row.getString("COLUMN_NAME")));
    }

    /**
     * Whether a row of the table's metadata (its columns, its indexes) matches, trying the name as
     * given, in lower and in upper case; {@code null} when the metadata cannot tell (no row at all).
     */
    private static Boolean anyMetadataRow(DataSource dataSource, String tableName, String what, MetadataQuery query,
            RowTest test) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> {
                Connection connection = metaData.getConnection();
                boolean tableSeen = false;
                for (String name : new LinkedHashSet<>(List.of(tableName, tableName.toLowerCase(Locale.ROOT),
                        tableName.toUpperCase(Locale.ROOT)))) {
                    try (ResultSet rows = query.rows(metaData, connection, name)) {
                        while (rows.next()) {
                            tableSeen = true;
                            if (test.matches(rows)) {
                                return true;
                            }
                        }
                    }
                }
                return tableSeen ? Boolean.FALSE : null;
            });
        }
        catch (MetaDataAccessException ex) {
            log.debug("Youshu outbox: cannot read the {} of table '{}': {}", what, tableName, ex.toString());
            return null;
        }
    }

    private interface MetadataQuery {
        ResultSet rows(DatabaseMetaData metaData, Connection connection, String tableName) throws SQLException;
    }

    private interface RowTest {
        boolean matches(ResultSet row) throws SQLException;
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
