package io.github.youshu.delivery.outbox;

import org.junit.jupiter.api.Tag;

/** The outbox store contract on PostgreSQL (profile {@code databases}). */
@Tag("database")
class PostgresqlOutboxStoreTest extends AbstractOutboxStoreContractTest {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
