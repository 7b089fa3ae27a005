package io.github.youshu.delivery.outbox;

import org.junit.jupiter.api.Tag;

/** The outbox store contract on MariaDB (profile {@code databases}). */
@Tag("database")
class MariadbOutboxStoreTest extends AbstractOutboxStoreContractTest {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
