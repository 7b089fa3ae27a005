package io.github.youshu.delivery.outbox;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox store contract on PostgreSQL (profile {@code databases}). */
@Tag("database")
class PostgresqlOutboxStoreTest extends AbstractOutboxStoreContractTest {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }

    /**
     * A claim prepared (as the JDBC driver does after a few executions) while the table was small
     * must not keep a generic plan that checks each candidate's order by reading every pending row
     * once the backlog has grown (an outage, before autovacuum analyzes the table again): the
     * claim's transaction asks PostgreSQL for a plan per execution, with the table's current size.
     */
    @Test
    void aClaimPreparedOnASmallTableStillChecksOrdersThroughTheOrderIndexOnceItGrew() throws Exception {
        OutboxSettings settings = new OutboxSettings(table, OutboxSettings.SchemaInitialization.ALWAYS,
                Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ZERO, null);
        JdbcOutboxStore store = new JdbcOutboxStore(dataSource, settings, Clock.systemUTC());
        for (int i = 0; i < 20; i++) {
            store.append(event("o-" + i));
        }
        // Statistics of the small table, as autovacuum takes them; none after the backlog grew.
        jdbc.sql(database().analyze(table)).update();
        OutboxDatabase outbox = JdbcUtils.extractDatabaseMetaData(dataSource, OutboxDatabase::of);
        String prepared = "claim_" + table;
        String query = store.candidateQuery().replace(":now", "$1").replace(":limit", "$2");
        String plan;
        // One session, as a pooled connection of a relay: the prepared claim outlives its transactions.
        try (Connection connection = dataSource.getConnection()) {
            SingleConnectionDataSource session = new SingleConnectionDataSource(connection, true);
            JdbcClient sql = JdbcClient.create(session);
            TransactionTemplate claim = new TransactionTemplate(new JdbcTransactionManager(session));
            sql.sql("PREPARE " + prepared + " (bigint, int) AS " + query).update();
            for (int i = 0; i < 6; i++) {
                claim.executeWithoutResult(status -> {
                    sql.sql(outbox.claimPlanSetting()).query().listOfRows();
                    sql.sql("EXECUTE " + prepared + " (" + Long.MAX_VALUE + ", 50)").query().listOfRows();
                });
            }
            jdbc.sql("INSERT INTO " + table + " (event_type, order_id, payload, payload_bytes, created_at, status,"
                    + " attempts, next_attempt_at) SELECT 'custom_order', 'b-' || (i % 5000), '{}', 2, 0, 'pending', 0, i"
                    + " FROM generate_series(1, 20000) i").update();
            plan = claim.execute(status -> {
                sql.sql(outbox.claimPlanSetting()).query().listOfRows();
                return sql.sql("EXPLAIN EXECUTE " + prepared + " (" + Long.MAX_VALUE + ", 50)")
                        .query((rs, row) -> rs.getString(1)).list().stream().collect(Collectors.joining("\n"));
            });
            sql.sql("DEALLOCATE " + prepared).update();
        }

        assertThat(plan).containsPattern("Index (Only )?Scan using " + table + "_order on " + table + " e")
                .doesNotContain("Sort");
    }
}
