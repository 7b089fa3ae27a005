package io.github.youshu.delivery.outbox;

import org.junit.jupiter.api.Tag;

/** A graceful stop during a request, and the next instance, on MariaDB (profile {@code databases}). */
@Tag("database")
class MariadbOutboxGracefulStopTest extends AbstractOutboxGracefulStopContractTest {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
