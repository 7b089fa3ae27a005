package io.github.youshu.delivery.outbox;

import org.junit.jupiter.api.Tag;

/** Backend order data end to end through the outbox on MariaDB (profile {@code databases}). */
@Tag("database")
class MariadbOrderSyncEndToEndTest extends AbstractOrderSyncEndToEndTest {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
