package io.github.youshu.delivery.outbox;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class OutboxDatabaseTest {

    private static OutboxDatabase detect(String product, String version, int major, int minor) throws SQLException {
        DatabaseMetaData metaData = mock(DatabaseMetaData.class);
        given(metaData.getDatabaseProductName()).willReturn(product);
        given(metaData.getDatabaseProductVersion()).willReturn(version);
        given(metaData.getDatabaseMajorVersion()).willReturn(major);
        given(metaData.getDatabaseMinorVersion()).willReturn(minor);
        return OutboxDatabase.of(metaData);
    }

    @Test
    void postgresqlLocksWithSkipLocked() throws SQLException {
        assertThat(detect("PostgreSQL", "15.20", 15, 20))
                .isEqualTo(new OutboxDatabase("PostgreSQL", "postgresql", false, true, false, 15));
    }

    @Test
    void mysqlLocksWithSkipLockedFromVersion8() throws SQLException {
        assertThat(detect("MySQL", "8.0.36", 8, 0).skipLocked()).isTrue();
        assertThat(detect("MySQL", "5.7.44", 5, 7))
                .isEqualTo(new OutboxDatabase("MySQL", "mysql", false, false, true, 5));
    }

    @Test
    void mariadbLocksWithSkipLockedFromVersion10_6() throws SQLException {
        assertThat(detect("MariaDB", "10.11.19-MariaDB-0+deb12u1", 10, 11))
                .isEqualTo(new OutboxDatabase("MariaDB", "mysql", false, true, true, 10));
        assertThat(detect("MariaDB", "10.5.2-MariaDB", 10, 5).skipLocked()).isFalse();
        assertThat(detect("MariaDB", "11.4.2-MariaDB", 11, 4).skipLocked()).isTrue();
    }

    @Test
    void mariadbBehindTheMysqlDriverIsRecognisedByItsVersion() throws SQLException {
        OutboxDatabase database = detect("MySQL", "5.5.5-10.6.12-MariaDB-log", 5, 5);

        assertThat(database.skipLocked()).isTrue();
        assertThat(database.schema()).isEqualTo("mysql");
    }

    @Test
    void embeddedDatabasesClaimWithConditionalUpdates() throws SQLException {
        assertThat(detect("H2", "2.4.240 (2025-09-22)", 2, 4))
                .isEqualTo(new OutboxDatabase("H2", "h2", true, false, false, 2));
        OutboxDatabase hsql = detect("HSQL Database Engine", "2.7.3", 2, 7);
        assertThat(hsql.embedded()).isTrue();
        assertThat(hsql.schema()).as("no script shipped").isNull();
        assertThat(detect("Apache Derby", "10.16", 10, 16).embedded()).isTrue();
        assertThat(detect("Oracle", "19c", 19, 0))
                .isEqualTo(new OutboxDatabase("Oracle", null, false, false, false, 19));
    }

    @Test
    void rowLimitsFollowTheDialect() throws SQLException {
        assertThat(detect("MySQL", "8.0.36", 8, 0).page()).isEqualTo("LIMIT :limit OFFSET :offset");
        assertThat(detect("H2", "2.4.240", 2, 4).page()).isEqualTo("OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY");
    }
}
