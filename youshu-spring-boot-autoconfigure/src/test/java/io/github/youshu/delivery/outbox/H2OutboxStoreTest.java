package io.github.youshu.delivery.outbox;

/** The outbox store contract on H2 (default suite). */
class H2OutboxStoreTest extends AbstractOutboxStoreContractTest {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
