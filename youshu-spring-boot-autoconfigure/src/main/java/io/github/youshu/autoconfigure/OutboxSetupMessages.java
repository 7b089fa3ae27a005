package io.github.youshu.autoconfigure;

import io.github.youshu.delivery.outbox.OutboxSchemaScript;
import io.github.youshu.delivery.outbox.OutboxSettings;

/** The startup reports of an outbox that cannot work yet, each with the exact fix. */
final class OutboxSetupMessages {

    private OutboxSetupMessages() {
    }

    static YoushuConfigurationException jdbcMissing() {
        return new YoushuConfigurationException(
                "youshu.outbox.enabled=true but spring-jdbc is not on the classpath: the outbox writes to your DataSource "
                        + "with Spring's JDBC support.",
                """
                Add Spring Boot's JDBC starter (it brings spring-jdbc and a pooled DataSource) and your database's driver:

                    <dependency>
                      <groupId>org.springframework.boot</groupId>
                      <artifactId>spring-boot-starter-jdbc</artifactId>
                    </dependency>

                (spring-boot-starter-data-jpa brings it as well), or set youshu.outbox.enabled=false to deliver from memory.""");
    }

    /**
     * @param failure the store's report (its message names the table and the database's own words)
     * @param script  the shipped script of the database, or {@code null} when it cannot be told
     */
    static YoushuConfigurationException tableNotUsable(IllegalStateException failure, OutboxSettings settings,
            OutboxSchemaScript script) {
        String table = settings.tableName();
        String location = script != null && script.location() != null ? script.location()
                : "META-INF/youshu/outbox/schema-<database>.sql";
        String rename = table.equals(OutboxSettings.DEFAULT_TABLE_NAME) ? ""
                : "\n(In a copied script, replace youshu_outbox with " + table + ".)";
        String product = script != null ? " in " + script.product() : "";
        String cause = failure.getCause() != null ? mostSpecific(failure).getMessage() : failure.getMessage();
        return new YoushuConfigurationException(
                "The Youshu outbox table '" + table + "' is missing or not usable" + product + " (the database said: " + cause
                        + "), and youshu.outbox.initialize-schema="
                        + settings.initializeSchema().name().toLowerCase(java.util.Locale.ROOT)
                        + " does not create it (the default, embedded, creates it only on H2, HSQLDB and Derby).",
                """
                Create the table '%1$s'%2$s with the script shipped in the starter jar, classpath:%3$s, in one of three ways:

                1. Let the starter run it at every startup (it is idempotent: CREATE TABLE IF NOT EXISTS):

                    youshu:
                      outbox:
                        initialize-schema: always

                2. Flyway: copy %3$s to src/main/resources/db/migration/V<next>__youshu_outbox.sql

                3. Liquibase: add a change set that runs it from the jar:

                    <changeSet id="youshu-outbox" author="you">
                      <sqlFile path="%3$s"/>
                    </changeSet>%4$s"""
                        .formatted(table, product, location, rename),
                failure);
    }

    private static Throwable mostSpecific(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
