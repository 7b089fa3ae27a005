package io.github.youshu.delivery.outbox;

import org.junit.jupiter.api.Tag;

/** Delivery through the outbox on MariaDB (profile {@code databases}). */
@Tag("database")
class MariadbOutboxDeliveryTest extends AbstractOutboxDeliveryContractTest {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
