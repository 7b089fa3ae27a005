package io.github.youshu.delivery.outbox;

/** A graceful stop during a request, and the next instance, on H2 (default suite). */
class H2OutboxGracefulStopTest extends AbstractOutboxGracefulStopContractTest {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
