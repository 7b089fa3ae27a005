package io.github.youshu.delivery;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import io.github.youshu.delivery.memory.DeadLetters;
import io.github.youshu.delivery.memory.MemoryEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static io.github.youshu.delivery.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TransactionAwareEventDispatcherTest {

    private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
            .generateUniqueName(true).build();

    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database));

    private final DeliveryStatistics statistics = new DeliveryStatistics();

    private final MemoryEventStore memory = new MemoryEventStore(DeliverySettings.defaults(), new DeadLetters(10),
            statistics, new LossReporter());

    private final TransactionAwareEventDispatcher dispatcher = new TransactionAwareEventDispatcher(memory, statistics,
            new LossReporter());

    @AfterEach
    void shutdownDatabase() {
        database.shutdown();
    }

    @Test
    void withoutATransactionTheEventEntersAtOnce() {
        assertThat(dispatcher.dispatch(event(1))).isTrue();

        assertThat(memory.pendingCount()).isEqualTo(1);
        assertThat(statistics.snapshot().total().accepted()).isEqualTo(1);
    }

    @Test
    void insideATransactionTheEventEntersOnlyAfterCommit() {
        transaction.executeWithoutResult(status -> {
            assertThat(dispatcher.dispatch(event(1))).isTrue();
            assertThat(memory.pendingCount()).isZero();
            assertThat(statistics.snapshot().total().accepted()).isZero();
        });

        assertThat(memory.pendingCount()).isEqualTo(1);
        assertThat(statistics.snapshot().total().accepted()).isEqualTo(1);
    }

    @Test
    void onRollbackNothingEntersTheStore() {
        transaction.executeWithoutResult(status -> {
            dispatcher.dispatch(event(1));
            status.setRollbackOnly();
        });
        assertThatIllegalStateException().isThrownBy(() -> transaction.executeWithoutResult(status -> {
            dispatcher.dispatch(event(2));
            throw new IllegalStateException("payment failed");
        }));

        assertThat(memory.pendingCount()).isZero();
        assertThat(statistics.snapshot().total()).isEqualTo(DeliveryStatistics.EventCounts.NONE);
    }

    @Test
    void aDeferredEventEntersOnlyAfterCommitAndNeverOnRollback() {
        DeferredEvent committed = new DeferredEvent("custom_order", "order-1", 100, () -> event(1));
        DeferredEvent rolledBack = new DeferredEvent("custom_order", "order-2", 100, () -> event(2));

        transaction.executeWithoutResult(status -> {
            assertThat(dispatcher.dispatch(committed)).isTrue();
            assertThat(memory.pendingCount()).isZero();
        });
        transaction.executeWithoutResult(status -> {
            dispatcher.dispatch(rolledBack);
            status.setRollbackOnly();
        });

        assertThat(memory.pendingCount()).isEqualTo(1);
        assertThat(memory.takeUndelivered()).extracting(OutboundEvent::orderId).containsExactly("order-1");
    }

    @Test
    void aStoreThatJoinsTransactionsTakesTheEventInsideTheCallersTransaction() {
        jdbc.execute("create table outbox (seq int)");
        TransactionAwareEventDispatcher outboxDispatcher = new TransactionAwareEventDispatcher(new JdbcOutbox(jdbc),
                statistics, new LossReporter());

        transaction.executeWithoutResult(status -> {
            outboxDispatcher.dispatch(event(1));
            assertThat(rows()).containsExactly(1);
        });
        transaction.executeWithoutResult(status -> {
            outboxDispatcher.dispatch(event(2));
            status.setRollbackOnly();
        });

        assertThat(rows()).containsExactly(1);
    }

    @Test
    void transactionalServiceMethodsHandOverAfterCommitOnly() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(DataSource.class, () -> database);
            context.registerBean(TransactionAwareEventDispatcher.class, () -> dispatcher);
            context.register(TransactionConfiguration.class);
            context.refresh();
            OrderService orders = context.getBean(OrderService.class);

            orders.pay(1);
            assertThatIllegalStateException().isThrownBy(() -> orders.payThenFail(2));

            assertThat(memory.pendingCount()).isEqualTo(1);
            assertThat(statistics.snapshot().total().accepted()).isEqualTo(1);
        }
    }

    @Test
    void aFailingStoreNeverReachesTheCaller() {
        TransactionAwareEventDispatcher failing = new TransactionAwareEventDispatcher(new JdbcOutbox(jdbc), statistics,
                new LossReporter());

        assertThat(failing.dispatch(event(1))).isFalse();

        assertThat(statistics.snapshot().total()).isEqualTo(new DeliveryStatistics.EventCounts(1, 0, 1, 0, 0));
    }

    @Test
    void invalidEventsAreCounted() {
        dispatcher.countInvalid("coupon_order");

        assertThat(statistics.snapshot().of("coupon_order").invalid()).isEqualTo(1);
    }

    private List<Integer> rows() {
        return jdbc.queryForList("select seq from outbox order by seq", Integer.class);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class TransactionConfiguration {

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        OrderService orderService(TransactionAwareEventDispatcher dispatcher) {
            return new OrderService(dispatcher);
        }
    }

    /** A business service that reports from inside its transaction. */
    static class OrderService {

        private final EventDispatcher dispatcher;

        OrderService(EventDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Transactional
        public void pay(int seq) {
            dispatcher.dispatch(event(seq));
        }

        @Transactional
        public void payThenFail(int seq) {
            dispatcher.dispatch(event(seq));
            throw new IllegalStateException("stock exhausted");
        }
    }

    /** Inserts events in the caller's transaction, as the outbox does. */
    private static final class JdbcOutbox implements EventStore {

        private final JdbcTemplate jdbc;

        JdbcOutbox(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public boolean joinsTransaction() {
            return true;
        }

        @Override
        public boolean append(OutboundEvent event) {
            jdbc.update("insert into outbox (seq) values (?)", Integer.parseInt(event.orderId().substring("order-".length())));
            return true;
        }

        @Override
        public List<StoredEvent> claim(int maxEvents, long maxBytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markDelivered(List<StoredEvent> events) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markForRetry(List<StoredEvent> events, Instant notBefore, String error) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markDead(List<StoredEvent> events, String error) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long pendingCount() {
            throw new UnsupportedOperationException();
        }
    }
}
