package io.github.youshu.delivery.outbox;

/** The outbox's routes on H2. */
class H2OutboxRouteTest extends AbstractOutboxRouteContractTest {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
