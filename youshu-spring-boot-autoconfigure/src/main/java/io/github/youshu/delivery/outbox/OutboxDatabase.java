package io.github.youshu.delivery.outbox;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the outbox needs to know about the database product behind its DataSource, read from the
 * JDBC {@link DatabaseMetaData}.
 *
 * @param product    the product name as the driver reports it
 * @param schema     the name of the shipped schema script ({@code postgresql}, {@code mysql},
 *                   {@code h2}), or {@code null} when none fits this database
 * @param embedded   H2, HSQLDB or Derby
 * @param skipLocked whether {@code SELECT ... FOR UPDATE SKIP LOCKED} is available
 * @param limitStyle whether row limits are written {@code LIMIT n OFFSET m} (MySQL family) rather
 *                   than the standard {@code OFFSET m ROWS FETCH FIRST n ROWS ONLY}
 * @param majorVersion the product's major version
 */
record OutboxDatabase(String product, String schema, boolean embedded, boolean skipLocked, boolean limitStyle,
        int majorVersion) {

    private static final Pattern MARIADB_VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.\\d+-MariaDB", Pattern.CASE_INSENSITIVE);

    static OutboxDatabase of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        String version = metaData.getDatabaseProductVersion();
        int major = metaData.getDatabaseMajorVersion();
        int minor = metaData.getDatabaseMinorVersion();
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("mariadb") || version.toLowerCase(Locale.ROOT).contains("mariadb")) {
            Matcher matcher = MARIADB_VERSION.matcher(version);
            if (matcher.find()) {
                major = Integer.parseInt(matcher.group(1));
                minor = Integer.parseInt(matcher.group(2));
            }
            boolean skipLocked = major > 10 || (major == 10 && minor >= 6);
            return new OutboxDatabase(product, "mysql", false, skipLocked, true, major);
        }
        if (name.contains("mysql")) {
            return new OutboxDatabase(product, "mysql", false, major >= 8, true, major);
        }
        if (name.contains("postgresql")) {
            return new OutboxDatabase(product, "postgresql", false, major > 9 || (major == 9 && minor >= 5), false, major);
        }
        if (name.equals("h2")) {
            return new OutboxDatabase(product, "h2", true, false, false, major);
        }
        boolean embedded = name.contains("hsql") || name.contains("derby");
        return new OutboxDatabase(product, null, embedded, false, false, major);
    }

    /** Whether a failed statement aborts the whole transaction (PostgreSQL), not just itself. */
    boolean failedStatementAbortsTransaction() {
        return "postgresql".equals(schema);
    }

    /**
     * A statement that the claim runs first in its transaction, or {@code null}. PostgreSQL plans
     * from statistics that are often stale for this table (a new table, a backlog that grew since
     * the last ANALYZE, autovacuum behind or off). It may then estimate a handful of rows and
     * choose to read every due row and sort them, or, in a generic plan that the JDBC driver's
     * prepared statement cached while the table was small, to check each candidate's order by
     * reading every pending row; both grow with the backlog and stalled the delivery benchmark.
     * For this transaction only, {@code enable_sort} off rules the first out, and
     * {@code plan_cache_mode = force_custom_plan} (PostgreSQL 12+) plans each claim with the
     * table's current size: the due index walked in order up to the limit, the order index probed
     * once per candidate.
     */
    String claimPlanSetting() {
        if (!"postgresql".equals(schema)) {
            return null;
        }
        return "SELECT set_config('enable_sort', 'off', true)"
                + (majorVersion >= 12 ? ", set_config('plan_cache_mode', 'force_custom_plan', true)" : "");
    }

    /** The clause that limits a query ordered by an ORDER BY to {@code :limit} rows after {@code :offset}. */
    String page() {
        return limitStyle ? "LIMIT :limit OFFSET :offset" : "OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY";
    }

    /**
     * The statement that adds the claim's per-order index, {@code <table>_order (order_id, status,
     * id)}, to an outbox table made by an earlier version, without blocking writes to it:
     * {@code CREATE INDEX CONCURRENTLY} on PostgreSQL (run it outside a transaction), an online
     * {@code ALTER TABLE} on MySQL and MariaDB.
     */
    String addOrderIndex(String table) {
        String index = table + "_order";
        String columns = " (order_id, status, id)";
        if ("postgresql".equals(schema)) {
            return "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + index + " ON " + table + columns;
        }
        if ("mysql".equals(schema)) {
            return "ALTER TABLE " + table + " ADD INDEX " + index + columns + ", ALGORITHM=INPLACE, LOCK=NONE";
        }
        return "CREATE INDEX " + index + " ON " + table + columns;
    }

    /**
     * The statement that adds the {@code route} column to an outbox table made by an earlier
     * version; its rows are behaviour events ({@code 'events'}). Adding a column with a constant
     * default rewrites no rows on PostgreSQL 11+, MySQL 8.0.12+ and MariaDB 10.3+.
     */
    String addRouteColumn(String table) {
        String column = " route VARCHAR(64) DEFAULT 'events' NOT NULL";
        if ("mysql".equals(schema)) {
            return "ALTER TABLE " + table + " ADD COLUMN" + column;
        }
        return "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS" + column;
    }

    /** The clause that limits a query to its first {@code :limit} rows. */
    String first() {
        return limitStyle ? "LIMIT :limit" : "FETCH FIRST :limit ROWS ONLY";
    }
}
