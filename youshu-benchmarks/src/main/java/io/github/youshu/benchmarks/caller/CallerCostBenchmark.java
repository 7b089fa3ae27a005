package io.github.youshu.benchmarks.caller;

import io.github.youshu.benchmarks.DeliveryChecks;
import io.github.youshu.benchmarks.DiscardingTransport;
import io.github.youshu.benchmarks.DiscardingTransportConfiguration;
import io.github.youshu.benchmarks.LoopbackYoushuServer;
import io.github.youshu.benchmarks.ReportingShopConfiguration;
import io.github.youshu.benchmarks.SpringContexts;
import com.segment.analytics.Analytics;
import io.github.youshu.benchmarks.peers.AcceptingHttpServer;
import io.github.youshu.benchmarks.shop.BenchApp;
import io.github.youshu.benchmarks.shop.OrderBook;
import io.github.youshu.benchmarks.shop.OrderService;
import io.github.youshu.benchmarks.shop.OrderTurns;
import io.github.youshu.benchmarks.shop.PlainOrderService;
import io.github.youshu.benchmarks.shop.SegmentReportingOrderService;
import io.github.youshu.benchmarks.shop.ShopOrder;
import io.github.youshu.benchmarks.shop.SynchronouslyReportingOrderService;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.transport.HttpYoushuTransport;
import io.github.youshu.transport.ReportEndpoint;
import io.github.youshu.transport.TransportSettings;
import io.github.youshu.transport.YoushuCredentials;
import io.github.youshu.transport.YoushuEnvironment;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * What the calling thread pays for one call of the same business method (look an order up and
 * return it) with nothing around it, with a Spring {@code @Cacheable} hit, with
 * {@code @ReportOrderStatus} (memory delivery, a transport that discards), with the peers users
 * would pick instead — Segment's asynchronous {@code Analytics.enqueue} and mzt-biz-log's
 * {@code @LogRecord} (annotation plus SpEL), each handling the same six values — and with a
 * synchronous signed HTTP POST to a loopback server that answers after 20 ms. Run by
 * {@link CallerCostRun} with the GC profiler, all in one JMH invocation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallerCostBenchmark {

    /** How long the loopback server of the synchronous variant takes to answer. */
    static final Duration SYNCHRONOUS_SERVER_DELAY = Duration.ofMillis(20);

    /** The memory queue of the {@code reportOrderStatus} variant, in events (the default is 10,000). */
    static final int QUEUE_CAPACITY = 100_000;

    /** The method with nothing around it. */
    @State(Scope.Benchmark)
    public static class Plain {
        OrderService service;

        @Setup(Level.Trial)
        public void setUp() {
            service = new PlainOrderService(new OrderBook());
        }
    }

    /** The method behind Spring's caching proxy, every order already cached. */
    @State(Scope.Benchmark)
    public static class Cached {
        AnnotationConfigApplicationContext context;
        OrderService service;

        @Setup(Level.Trial)
        public void setUp() {
            context = new AnnotationConfigApplicationContext(CachingConfiguration.class);
            service = context.getBean(OrderService.class);
            OrderBook book = new OrderBook();
            for (int i = 0; i < OrderBook.SIZE; i++) {
                service.pay(book.idAt(i));
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            context.close();
        }
    }

    /**
     * The method with {@code @ReportOrderStatus}, in a Spring Boot application configured by the
     * starter: memory delivery, whose relay hands the batches to a transport that discards them.
     */
    @State(Scope.Benchmark)
    public static class Reported {
        ConfigurableApplicationContext context;
        DiscardingTransport transport;
        OrderService service;

        @Setup(Level.Trial)
        public void setUp() throws InterruptedException {
            Map<String, Object> properties = SpringContexts.youshuProperties(null);
            // One thread calling some 400,000 times a second can outrun the relay for a moment on
            // two cores; a larger queue absorbs that, so that no event is refused (which the
            // teardown counts as a failure).
            properties.put("youshu.delivery.queue-capacity", QUEUE_CAPACITY);
            properties.put("youshu.delivery.queue-max-bytes", QUEUE_CAPACITY * 1024L);
            context = SpringContexts.run(properties, ReportingShopConfiguration.class,
                    DiscardingTransportConfiguration.class);
            service = context.getBean(OrderService.class);
            transport = context.getBean(DiscardingTransport.class);
            service.pay(new OrderBook().idAt(0));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (transport.events() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("@ReportOrderStatus reported nothing within 10 s");
                }
                Thread.sleep(10);
            }
        }

        /** Fails the benchmark when an event was invalid, refused or not delivered. */
        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            DeliveryStatistics statistics = DeliveryChecks.statistics(context);
            DeliveryChecks.awaitSettled(statistics, Duration.ofSeconds(30));
            context.close();
            DeliveryChecks.requireAllDelivered("reportOrderStatus", statistics, transport.events());
        }
    }

    /**
     * The method enqueueing a track message with Segment's analytics-java, whose own threads batch
     * and post it to a loopback server that accepts everything.
     */
    @State(Scope.Benchmark)
    public static class Segment {
        AcceptingHttpServer server;
        Analytics analytics;
        OrderService service;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            server = AcceptingHttpServer.start();
            analytics = Analytics.builder("benchmark-write-key").endpoint(server.baseUrl())
                    .queueCapacity(QUEUE_CAPACITY).build();
            service = new SegmentReportingOrderService(new OrderBook(), analytics);
        }

        /** Fails the benchmark when Segment's client posted nothing. */
        @TearDown(Level.Trial)
        public void tearDown() {
            analytics.flush();
            analytics.shutdown();
            server.close();
            if (server.requests() == 0) {
                throw new IllegalStateException("Segment's client posted no batch");
            }
        }
    }

    /** The method behind mzt-biz-log's {@code @LogRecord} proxy, its records counted and discarded. */
    @State(Scope.Benchmark)
    public static class BizLog {
        AnnotationConfigApplicationContext context;
        OrderService service;
        BizLogConfiguration.CountingLogRecordService records;

        @Setup(Level.Trial)
        public void setUp() {
            context = new AnnotationConfigApplicationContext(BizLogConfiguration.class);
            service = context.getBean(OrderService.class);
            records = context.getBean(BizLogConfiguration.CountingLogRecordService.class);
            service.pay(new OrderBook().idAt(0));
            if (records.records() == 0) {
                throw new IllegalStateException("@LogRecord wrote no record");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            context.close();
        }
    }

    /** The method reporting synchronously, as the existing Youshu SDKs do. */
    @State(Scope.Benchmark)
    public static class Synchronous {
        LoopbackYoushuServer server;
        OrderService service;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            server = LoopbackYoushuServer.startAnsweringAfter(SYNCHRONOUS_SERVER_DELAY);
            TransportSettings settings = TransportSettings.of(YoushuEnvironment.PRODUCTION, server.baseUrl(),
                    ReportEndpoint.SAFE_REPORT, TransportSettings.DEFAULT_CONNECT_TIMEOUT,
                    TransportSettings.DEFAULT_REQUEST_TIMEOUT);
            HttpYoushuTransport transport =
                    new HttpYoushuTransport(settings, YoushuCredentials.of(BenchApp.APP_ID, BenchApp.APP_SECRET));
            service = new SynchronouslyReportingOrderService(new OrderBook(), transport);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            server.close();
        }
    }

    @Benchmark
    public ShopOrder plain(Plain state, OrderTurns orders) {
        return state.service.pay(orders.nextId());
    }

    @Benchmark
    public ShopOrder cacheable(Cached state, OrderTurns orders) {
        return state.service.pay(orders.nextId());
    }

    @Benchmark
    public ShopOrder reportOrderStatus(Reported state, OrderTurns orders) {
        return state.service.pay(orders.nextId());
    }

    @Benchmark
    public ShopOrder segmentEnqueue(Segment state, OrderTurns orders) {
        return state.service.pay(orders.nextId());
    }

    @Benchmark
    public ShopOrder bizLogRecord(BizLog state, OrderTurns orders) {
        return state.service.pay(orders.nextId());
    }

    @Benchmark
    public ShopOrder synchronousHttp(Synchronous state, OrderTurns orders) {
        return state.service.pay(orders.nextId());
    }
}
