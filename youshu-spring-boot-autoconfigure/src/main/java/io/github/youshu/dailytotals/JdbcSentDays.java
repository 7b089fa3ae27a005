package io.github.youshu.dailytotals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The days sent, as rows of a table in the application's database (default
 * {@code youshu_order_sum_day}, primary key {@code ref_date}): every instance sharing the database
 * tries to insert the day's row and, in the same transaction, hands the totals to delivery. The
 * primary key lets one insert win; the others see a duplicate key and send nothing. With the JDBC
 * outbox the {@code add_order_sum} item is written in that same transaction, so the row and the
 * item commit together. Thread-safe.
 */
public final class JdbcSentDays implements SentDays {

    /** Where the schema scripts are, by database ({@code h2}, {@code postgresql}, {@code mysql}). */
    public static final String SCRIPT_LOCATION = "META-INF/youshu/order-sum-day/schema-%s.sql";

    private static final Logger log = LoggerFactory.getLogger(JdbcSentDays.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String table;
    private final Clock clock;
    private final String instance;

    /**
     * @param transactionManager the transaction manager of {@code dataSource} (the one the outbox writes in)
     * @param table              the table name (a plain SQL identifier)
     * @param instance           this instance's name, stored with the days it sends
     * @throws IllegalArgumentException when {@code table} is not a plain identifier
     */
    public JdbcSentDays(DataSource dataSource, PlatformTransactionManager transactionManager, String table, Clock clock,
                        String instance) {
        this.table = DailyTotalsTable.checkName(table);
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.instance = instance.length() > 128 ? instance.substring(0, 128) : instance;
    }

    /**
     * Creates the table from the script shipped for the database (H2, PostgreSQL, MySQL/MariaDB).
     *
     * @param always {@code true} for every database; {@code false} for embedded ones (H2) only
     * @throws IllegalStateException when the database has no shipped script and {@code always} is set
     */
    public static void initializeSchema(DataSource dataSource, String table, boolean always) {
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                    .toLowerCase(Locale.ROOT);
        }
        catch (MetaDataAccessException ex) {
            throw new IllegalStateException("Cannot read the database product for the Youshu daily totals table", ex);
        }
        String schema = product.contains("postgresql") ? "postgresql"
                : product.contains("mysql") || product.contains("mariadb") ? "mysql" : product.equals("h2") ? "h2" : null;
        if (!always && !"h2".equals(schema)) {
            return;
        }
        if (schema == null) {
            throw new IllegalStateException("The Youshu starter ships no daily totals schema for " + product + ": create the table '"
                    + table + "' yourself (see " + SCRIPT_LOCATION.formatted("h2") + " in the starter jar) and set "
                    + "youshu.orders.daily-totals.initialize-schema=never");
        }
        String location = SCRIPT_LOCATION.formatted(schema);
        new ResourceDatabasePopulator(new ByteArrayResource(script(location, table).getBytes(StandardCharsets.UTF_8), location))
                .execute(dataSource);
        log.debug("Youshu daily totals table '{}' is in place ({})", table, location);
    }

    private static String script(String location, String table) {
        try (InputStream in = new ClassPathResource(location, JdbcSentDays.class.getClassLoader()).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(DailyTotalsTable.DEFAULT_NAME, table);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read " + location + " from the Youshu starter jar", ex);
        }
    }

    @Override
    public boolean isSent(LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE ref_date = :day").param("day", day)
                .query(Integer.class).single() > 0;
    }

    @Override
    public boolean sendOnce(LocalDate day, BooleanSupplier send) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            try {
                insert(day);
            }
            catch (DuplicateKeyException ex) {
                status.setRollbackOnly();
                return false;
            }
            if (!send.getAsBoolean()) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    @Override
    public boolean sendAgain(LocalDate day, BooleanSupplier send) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            int updated = jdbc.sql("UPDATE " + table + " SET sent_at = :at, instance = :instance WHERE ref_date = :day")
                    .param("at", clock.millis()).param("instance", instance).param("day", day).update();
            if (updated == 0) {
                insert(day);
            }
            if (!send.getAsBoolean()) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    private void insert(LocalDate day) {
        jdbc.sql("INSERT INTO " + table + " (ref_date, sent_at, instance) VALUES (:day, :at, :instance)")
                .param("day", day).param("at", clock.millis()).param("instance", instance).update();
    }

    @Override
    public Optional<SentDay> last() {
        return jdbc.sql("SELECT ref_date, sent_at, instance FROM " + table + " WHERE ref_date = (SELECT MAX(ref_date) FROM "
                        + table + ")")
                .query((rs, row) -> new SentDay(rs.getObject("ref_date", LocalDate.class), Instant.ofEpochMilli(rs.getLong("sent_at")),
                        rs.getString("instance")))
                .optional();
    }

    @Override
    public String describe() {
        return "table " + table;
    }
}
