package io.github.youshu.delivery.outbox;

import org.junit.jupiter.api.Tag;

/** The outbox's routes on MariaDB (profile {@code databases}). */
@Tag("database")
class MariadbOutboxRouteTest extends AbstractOutboxRouteContractTest {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
