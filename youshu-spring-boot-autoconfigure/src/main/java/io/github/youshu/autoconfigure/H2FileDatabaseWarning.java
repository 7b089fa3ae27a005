package io.github.youshu.autoconfigure;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Warns when the outbox lives in a file-based H2 database: H2 writes committed transactions to its
 * file with a delay (WRITE_DELAY, 500 ms by default), so a {@code kill -9} loses orders that were
 * acknowledged, together with their events (measured: 95 of 1,009). Fine for a demo; production
 * needs a server database.
 */
final class H2FileDatabaseWarning {

    private static final Logger log = LoggerFactory.getLogger(OutboxDeliveryConfiguration.class);

    private H2FileDatabaseWarning() {
    }

    /** Logs the warning when the DataSource is a file-based H2 database without WRITE_DELAY=0. */
    static void warnIfFileBased(DataSource dataSource) {
        String url;
        try {
            url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
        }
        catch (MetaDataAccessException | RuntimeException ex) {
            return;
        }
        if (isFileBasedH2WithWriteDelay(url)) {
            log.warn("The Youshu outbox is in a file-based H2 database ({}): H2 writes commits to its file with a delay, "
                    + "so after kill -9 or a crash orders your application acknowledged can be lost together with their "
                    + "events. Use a server database (MySQL, MariaDB, PostgreSQL) in production; for a demo, add "
                    + ";WRITE_DELAY=0 to the URL.", url);
        }
    }

    static boolean isFileBasedH2WithWriteDelay(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:h2:tcp:")
                || lower.startsWith("jdbc:h2:ssl:") || lower.contains(";write_delay=0")) {
            return false;
        }
        return true;
    }
}
