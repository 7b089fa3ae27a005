package io.github.youshu.delivery.outbox;

import org.junit.jupiter.api.Tag;

/** The outbox's routes on PostgreSQL (profile {@code databases}). */
@Tag("database")
class PostgresqlOutboxRouteTest extends AbstractOutboxRouteContractTest {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
