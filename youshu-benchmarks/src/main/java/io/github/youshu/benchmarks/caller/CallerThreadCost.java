package io.github.youshu.benchmarks.caller;

import io.github.youshu.benchmarks.DeliveryChecks;
import io.github.youshu.benchmarks.DiscardingTransport;
import io.github.youshu.benchmarks.DiscardingTransportConfiguration;
import io.github.youshu.benchmarks.ReportingShopConfiguration;
import io.github.youshu.benchmarks.SpringContexts;
import io.github.youshu.benchmarks.shop.OrderBook;
import io.github.youshu.benchmarks.shop.OrderService;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.memory.MemoryEventStore;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * What the calling thread itself spends per call, in CPU time and in bytes allocated, for the
 * {@code @Cacheable} hit and for {@code @ReportOrderStatus} (the contexts of
 * {@link CallerCostBenchmark}): the caller's part alone, which JMH's figures cannot separate (its
 * time includes waiting for a core the relay holds on a small machine, and its GC profiler counts
 * the bytes of every thread, the relay's JSON and batches included). Read from the JVM's per-thread
 * counters ({@code com.sun.management.ThreadMXBean}) around rounds of calls; between rounds the
 * reporting variant waits until the relay has caught up, so that the queue never refuses an event
 * (which would be prepared on the caller's thread). Prints the median of the rounds.
 *
 * <p>Run: {@code java -cp youshu-benchmarks/target/benchmarks.jar io.github.youshu.benchmarks.caller.CallerThreadCost}
 */
public final class CallerThreadCost {

    private static final Logger log = LoggerFactory.getLogger(CallerThreadCost.class);

    private static final int WARM_UP_ROUNDS = 40;
    private static final int ROUNDS = 20;
    private static final int CALLS_PER_ROUND = 50_000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private CallerThreadCost() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(CachingConfiguration.class)) {
            OrderService service = context.getBean(OrderService.class);
            OrderBook book = new OrderBook();
            for (int i = 0; i < OrderBook.SIZE; i++) {
                service.pay(book.idAt(i));
            }
            print("cacheable", measure(service, () -> { }));
        }
        Map<String, Object> properties = SpringContexts.youshuProperties(null);
        properties.put("youshu.delivery.queue-capacity", CallerCostBenchmark.QUEUE_CAPACITY);
        properties.put("youshu.delivery.queue-max-bytes", CallerCostBenchmark.QUEUE_CAPACITY * 1024L);
        ConfigurableApplicationContext context = SpringContexts.run(properties, ReportingShopConfiguration.class,
                DiscardingTransportConfiguration.class);
        MemoryEventStore store = context.getBean(MemoryEventStore.class);
        DiscardingTransport transport = context.getBean(DiscardingTransport.class);
        DeliveryStatistics statistics = DeliveryChecks.statistics(context);
        Cost reported = measure(context.getBean(OrderService.class), () -> awaitDrained(store));
        DeliveryChecks.awaitSettled(statistics, Duration.ofSeconds(30));
        context.close();
        DeliveryChecks.requireAllDelivered("reportOrderStatus", statistics, transport.events());
        print("reportOrderStatus", reported);
    }

    private static Cost measure(OrderService service, Runnable betweenRounds) {
        OrderBook book = new OrderBook();
        long[] cpu = new long[ROUNDS];
        long[] bytes = new long[ROUNDS];
        int next = 0;
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            betweenRounds.run();
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long bytesBefore = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < CALLS_PER_ROUND; i++) {
                service.pay(book.idAt(next++));
            }
            long bytesAfter = THREADS.getCurrentThreadAllocatedBytes();
            long cpuAfter = THREADS.getCurrentThreadCpuTime();
            if (round >= WARM_UP_ROUNDS) {
                cpu[round - WARM_UP_ROUNDS] = cpuAfter - cpuBefore;
                bytes[round - WARM_UP_ROUNDS] = bytesAfter - bytesBefore;
            }
        }
        return new Cost((double) median(cpu) / CALLS_PER_ROUND, (double) median(bytes) / CALLS_PER_ROUND);
    }

    /** Waits (outside the measured rounds) until the relay has taken every queued event. */
    private static void awaitDrained(MemoryEventStore store) {
        while (store.pendingCount() > 0) {
            Thread.onSpinWait();
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void print(String variant, Cost cost) {
        log.info(String.format("%-18s caller thread: %8.1f ns CPU per call, %7.1f bytes allocated per call", variant,
                cost.cpuNanos(), cost.bytes()));
    }

    private record Cost(double cpuNanos, double bytes) {
    }
}
