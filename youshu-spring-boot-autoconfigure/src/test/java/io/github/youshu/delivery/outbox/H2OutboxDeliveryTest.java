package io.github.youshu.delivery.outbox;

/** Delivery through the outbox on H2 (default suite). */
class H2OutboxDeliveryTest extends AbstractOutboxDeliveryContractTest {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
