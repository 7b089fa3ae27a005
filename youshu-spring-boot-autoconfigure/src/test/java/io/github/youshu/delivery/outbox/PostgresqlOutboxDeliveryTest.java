package io.github.youshu.delivery.outbox;

import org.junit.jupiter.api.Tag;

/** Delivery through the outbox on PostgreSQL (profile {@code databases}). */
@Tag("database")
class PostgresqlOutboxDeliveryTest extends AbstractOutboxDeliveryContractTest {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
