package io.github.youshu.delivery.outbox;

/** Backend order data end to end through the outbox on H2. */
class H2OrderSyncEndToEndTest extends AbstractOrderSyncEndToEndTest {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
