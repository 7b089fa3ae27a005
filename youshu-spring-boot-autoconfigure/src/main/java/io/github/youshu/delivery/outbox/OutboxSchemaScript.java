package io.github.youshu.delivery.outbox;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Names the schema script the starter ships for a DataSource's database, for messages that tell an
 * operator how to create the outbox table.
 *
 * @param product  the database product as the driver names it, e.g. {@code MariaDB}
 * @param location the script's classpath location in the starter jar, e.g.
 *                 {@code META-INF/youshu/outbox/schema-mysql.sql}; {@code null} when none ships for
 *                 this database
 */
public record OutboxSchemaScript(String product, String location) {

    /**
     * @return the script of the DataSource's database, or {@code null} when the database cannot be reached
     */
    public static OutboxSchemaScript of(DataSource dataSource) {
        try {
            OutboxDatabase database = JdbcUtils.extractDatabaseMetaData(dataSource, OutboxDatabase::of);
            return new OutboxSchemaScript(database.product(),
                    database.schema() == null ? null : OutboxSchema.SCRIPT_LOCATION.formatted(database.schema()));
        }
        catch (MetaDataAccessException | RuntimeException ex) {
            return null;
        }
    }
}
