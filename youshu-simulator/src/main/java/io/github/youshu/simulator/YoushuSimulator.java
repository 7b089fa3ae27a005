package io.github.youshu.simulator;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small Youshu-compatible reporting server for demos, the sample app and tests.
 *
 * <p>It serves {@code POST /api/v1/safe-report} (signed) and {@code POST /api/report} (unsigned) and checks
 * them as a server would, with its own code: {@code app_id}; for safe-report {@code sign=sha256} and the
 * HMAC-SHA256 {@code signature}; {@code timestamp} (Unix seconds) within the allowed skew of its clock;
 * {@code nonce} present, at most 32 characters and never reused; {@code Content-Type: application/json}; and
 * every event of the body (one JSON object or an array) against the validation rules of the wire contract. It
 * accepts the alternatives the contract lists: times as 13-digit strings, amounts as numeric strings, and
 * {@code order} as an alias of {@code coupon} in coupon_order.
 *
 * <p>Answers are HTTP 200 with {@code {"code":0,"msg":"ok"}}, or a non-zero {@link ResponseCode} and a message
 * naming every problem (for events: each violated rule with its JSON path, e.g.
 * {@code [1].props.sub_orders[0].pay_amt: must be >= 0}). <b>A request is accepted or refused whole</b>: if any
 * event of a batch is invalid, none of it is accepted. Every event of a request whose body parsed is kept (the
 * last {@code maxEvents}) with its verdict, see {@link #received()}, and shown on {@code GET /simulator}.
 *
 * <p>Faults can be injected for the next requests to the report endpoints: {@link #failNext} (an HTTP error
 * status, nothing processed), {@link #rejectNext} (HTTP 200 with code {@link ResponseCode#SIMULATED_REJECTION},
 * nothing processed) and {@link #delayNext} (processed normally, answered late — so a client that times out
 * sees an unknown outcome for a request that was in fact accepted).
 *
 * <p>It also serves Youshu's backend order interface under {@value #DATA_API_PATH} (data-api.md §1–§7):
 * {@code GET data_source/get}, {@code POST data_source/add}, {@code order/add_order}, {@code order/update},
 * {@code return_order/add} and {@code order/add_order_sum}, with the same signed query; answers are HTTP 200 with
 * {@code {"retcode": .., "errmsg": "..", "data": {..}}} and the {@link DataApiRetcode}s: 15 for a failed
 * signature, timestamp, nonce or app id, 10 for an unknown {@code dataSourceId}, 12 for an unknown merchant, 13
 * for a bad envelope or item with every violation's JSON path in {@code errmsg}, 16 for a second data source.
 * What it accepts is kept as Youshu keeps it: {@link #orders()} with their status history, {@link #returnOrders()},
 * {@link #dailyTotals()}. Its faults are planned apart from the report endpoints' ones:
 * {@link #failNextDataApi}, {@link #retcodeNextDataApi}, {@link #delayNextDataApi}.
 *
 * <p>Every request, refused and faulted ones included, is listed by {@link #requests()} with the app id that
 * arrived; {@code GET /simulator} shows all of it on a page in Chinese and English.
 *
 * <pre>{@code
 * try (YoushuSimulator simulator = YoushuSimulator.builder().build().start()) {
 *     // point the client at simulator.baseUrl() with app id "bi-demo-app" and secret "demo-secret"
 *     assertThat(simulator.accepted()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe. A simulator is started once; after {@link #stop()} build a new one.
 */
public final class YoushuSimulator implements AutoCloseable {

    /** App id of the default credentials, for demos. */
    public static final String DEFAULT_APP_ID = "bi-demo-app";
    /** App secret of the default credentials, for demos only. */
    public static final String DEFAULT_APP_SECRET = "demo-secret";
    /** The signed report endpoint. */
    public static final String SAFE_REPORT_PATH = ReportHandler.SAFE_REPORT_PATH;
    /** The unsigned report endpoint. */
    public static final String REPORT_PATH = ReportHandler.REPORT_PATH;
    /** The prefix of every data-api endpoint, e.g. {@code /data-api/v1/order/add_order}. */
    public static final String DATA_API_PATH = DataApiEndpoint.PREFIX;
    /** The merchant id data source calls must name unless configured otherwise. */
    public static final String DEFAULT_MERCHANT_ID = "demo-merchant";
    /** The zone the page shows times in and daily totals' {@code ref_date} is checked in, unless configured. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Logger log = LoggerFactory.getLogger(YoushuSimulator.class);

    private final String appId;
    private final String host;
    private final int requestedPort;
    private final int threads;
    private final Clock clock;
    private final ZoneId zone;
    private final BoundedLog<ReceivedEvent> eventLog;
    private final RequestLog requestLog;
    private final FaultPlan faults = new FaultPlan(ResponseCode.SIMULATED_REJECTION.code());
    private final FaultPlan dataApiFaults = new FaultPlan(DataApiRetcode.WRITE_FAILED);
    private final NonceRegistry nonces;
    private final OrderStore orderStore;
    private final DataSourceRegistry dataSources;
    private final ReportHandler reportHandler;
    private final DataApiHandler dataApiHandler;
    private final ConsoleHandler consoleHandler;

    private HttpServer server;
    private ExecutorService executor;
    private boolean started;

    private YoushuSimulator(Builder builder) {
        this.appId = builder.appId;
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.threads = builder.threads;
        this.clock = builder.clock;
        this.zone = builder.zone;
        this.eventLog = new BoundedLog<>(builder.maxEvents);
        this.requestLog = new RequestLog(builder.maxRequests);
        this.nonces = new NonceRegistry(builder.timestampTolerance.multipliedBy(2), builder.maxNonces);
        this.orderStore = new OrderStore(builder.maxOrders, builder.maxStatusHistory);
        this.dataSources = new DataSourceRegistry(builder.merchantId, builder.dataSourceId);
        ObjectMapper mapper = newMapper();
        RequestAuthenticator authenticator = new RequestAuthenticator(builder.appId, builder.appSecret, clock,
                builder.timestampTolerance, nonces);
        this.reportHandler = new ReportHandler(authenticator, eventLog, requestLog, faults, mapper, clock,
                builder.maxBodyBytes);
        this.dataApiHandler = new DataApiHandler(authenticator,
                new DataApiValidator(zone, builder.amountWarningsAsErrors), orderStore, dataSources, requestLog,
                dataApiFaults, mapper, clock, builder.maxBodyBytes);
        this.consoleHandler = new ConsoleHandler(this, mapper, new DashboardPage(appId, dataSources.merchantId(),
                zone, mapper));
    }

    /** A builder with the demo credentials, 127.0.0.1 and a random free port. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and starts serving.
     *
     * @return this simulator
     * @throws IllegalStateException if it was started before
     * @throws UncheckedIOException  if the address cannot be bound
     */
    public synchronized YoushuSimulator start() {
        if (started) {
            throw new IllegalStateException("the simulator was already started; build a new one");
        }
        started = true;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), requestedPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the Youshu simulator to " + host + ":" + requestedPort, e);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "youshu-simulator-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/api/", reportHandler);
        server.createContext(DATA_API_PATH, dataApiHandler);
        server.createContext(ConsoleHandler.PAGE_PATH, consoleHandler);
        server.createContext("/", HttpResponses::notFound);
        server.start();
        log.info("Youshu simulator listening on {} (app_id {}; data-api merchant {}, data sources {}); what arrives"
                + " is shown at {}{}", baseUrl(), appId, dataSources.merchantId(),
                dataSources.all().stream().map(DataSource::id).toList(), baseUrl(), ConsoleHandler.PAGE_PATH);
        return this;
    }

    /** Stops serving at once, interrupting delayed answers. Does nothing if not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
        log.info("Youshu simulator stopped");
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * The port it listens on (the actual one when built with port 0).
     *
     * @throws IllegalStateException if not running
     */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the simulator is not running");
        }
        return server.getAddress().getPort();
    }

    /**
     * {@code http://host:port} without a trailing slash; the loopback address when bound to all interfaces.
     *
     * @throws IllegalStateException if not running
     */
    public synchronized String baseUrl() {
        int port = port();
        InetAddress address = server.getAddress().getAddress();
        String hostName = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        return "http://" + (hostName.contains(":") ? "[" + hostName + "]" : hostName) + ":" + port;
    }

    /** The app id requests must carry. */
    public String appId() {
        return appId;
    }

    /** Every kept event, oldest first, accepted or not: an immutable snapshot. */
    public List<ReceivedEvent> received() {
        return eventLog.snapshot();
    }

    /** The kept events of accepted requests (code 0), oldest first: an immutable snapshot. */
    public List<ReceivedEvent> accepted() {
        return received().stream().filter(ReceivedEvent::accepted).toList();
    }

    /** The merchant id data source calls must name. */
    public String merchantId() {
        return dataSources.merchantId();
    }

    /** The zone of the page's times and of daily totals' {@code ref_date}. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Every kept request to the report and data-api endpoints, oldest first, whatever became of it (accepted,
     * refused, answered with an injected fault): an immutable snapshot.
     */
    public List<ReceivedRequest> requests() {
        return requestLog.snapshot();
    }

    /**
     * The orders accepted by {@code order/add_order} and {@code order/update}, in the order each was first
     * received, each with its latest full order and its status history: an immutable snapshot.
     */
    public List<ReceivedOrder> orders() {
        return orderStore.orders();
    }

    /** The order with this {@code external_order_id}, if one was accepted. */
    public Optional<ReceivedOrder> order(String externalOrderId) {
        return orderStore.order(externalOrderId);
    }

    /** The return orders accepted by {@code return_order/add}, latest per {@code external_return_order_id}. */
    public List<ReceivedItem> returnOrders() {
        return orderStore.returnOrders();
    }

    /** The daily totals accepted by {@code order/add_order_sum}, latest per {@code ref_date}. */
    public List<ReceivedItem> dailyTotals() {
        return orderStore.dailyTotals();
    }

    /** The data sources: the configured one, if any, and those created by {@code data_source/add}. */
    public List<DataSource> dataSources() {
        return dataSources.all();
    }

    /**
     * Forgets the received events, requests, orders, return orders and daily totals, and cancels pending faults
     * of both APIs. Data sources stay, and so do remembered nonces (they expire by time).
     */
    public void reset() {
        eventLog.clear();
        requestLog.clear();
        orderStore.clear();
        faults.clear();
        dataApiFaults.clear();
    }

    /**
     * Answers the next {@code count} report requests with HTTP {@code httpStatus} and processes nothing of them.
     * Replaces a pending failure plan.
     *
     * @param count      how many requests, 0 to cancel
     * @param httpStatus 400..599, e.g. 503
     */
    public void failNext(int count, int httpStatus) {
        faults.failNext(count, httpStatus);
    }

    /**
     * Processes the next {@code count} report requests normally but answers each only after {@code delay}
     * (a request that also takes a {@link #failNext}/{@link #rejectNext} fault gets that answer late). Replaces a
     * pending delay plan.
     *
     * @param count how many requests, 0 to cancel
     * @param delay zero or positive
     */
    public void delayNext(int count, Duration delay) {
        faults.delayNext(count, delay);
    }

    /**
     * Answers the next {@code count} report requests (after any {@link #failNext} ones) with HTTP 200 and code
     * {@link ResponseCode#SIMULATED_REJECTION}, processing nothing of them. Replaces a pending rejection plan.
     *
     * @param count how many requests, 0 to cancel
     */
    public void rejectNext(int count) {
        faults.rejectNext(count);
    }

    /**
     * Answers the next {@code count} data-api requests (data source calls included) with HTTP {@code httpStatus}
     * and processes nothing of them. Replaces a pending failure plan of the data-api; the report endpoints'
     * faults are apart.
     *
     * @param count      how many requests, 0 to cancel
     * @param httpStatus 400..599, e.g. 503
     */
    public void failNextDataApi(int count, int httpStatus) {
        dataApiFaults.failNext(count, httpStatus);
    }

    /**
     * Answers the next {@code count} data-api requests (after any {@link #failNextDataApi} ones) with HTTP 200 and
     * {@code retcode}, processing nothing of them: e.g. 5 (transient), 15 (credentials), 10 (data source), 13.
     * Replaces a pending retcode plan.
     *
     * @param count   how many requests, 0 to cancel
     * @param retcode any non-zero retcode, see {@link DataApiRetcode}
     */
    public void retcodeNextDataApi(int count, int retcode) {
        dataApiFaults.rejectNext(count, retcode);
    }

    /**
     * Processes the next {@code count} data-api requests normally but answers each only after {@code delay}.
     * Replaces a pending delay plan of the data-api.
     *
     * @param count how many requests, 0 to cancel
     * @param delay zero or positive
     */
    public void delayNextDataApi(int count, Duration delay) {
        dataApiFaults.delayNext(count, delay);
    }

    FaultPlan.Pending pendingFaults() {
        return faults.pending();
    }

    FaultPlan.Pending pendingDataApiFaults() {
        return dataApiFaults.pending();
    }

    long droppedEvents() {
        return eventLog.dropped();
    }

    Instant now() {
        return clock.instant();
    }

    /** How many nonces are remembered now (for tests of the bounded memory). */
    int rememberedNonces() {
        return nonces.size(clock.instant());
    }

    /** Strict parsing that keeps numbers exactly as sent: no duplicate keys, no trailing tokens. */
    private static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /** Settings of a {@link YoushuSimulator}; every one has a default. */
    public static final class Builder {

        private String appId = DEFAULT_APP_ID;
        private String appSecret = DEFAULT_APP_SECRET;
        private String host = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();
        private Duration timestampTolerance = Duration.ofMinutes(5);
        private int maxEvents = 10_000;
        private int maxRequests = 10_000;
        private int maxOrders = 100_000;
        private int maxStatusHistory = 1_000;
        private String merchantId = DEFAULT_MERCHANT_ID;
        private String dataSourceId;
        private ZoneId zone = DEFAULT_ZONE;
        private boolean amountWarningsAsErrors;
        private int maxNonces = 100_000;
        private int maxBodyBytes = 4 * 1024 * 1024;
        private int threads = 8;

        private Builder() {
        }

        /** The app id requests must carry; default {@value YoushuSimulator#DEFAULT_APP_ID}. */
        public Builder appId(String appId) {
            this.appId = requireText(appId, "appId");
            return this;
        }

        /** The secret signatures are keyed with; default the demo secret. Never logged. */
        public Builder appSecret(String appSecret) {
            this.appSecret = requireText(appSecret, "appSecret");
            return this;
        }

        /** The address to bind; default {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = requireText(host, "host");
            return this;
        }

        /** The port to bind, 0 (the default) for a random free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The server clock that timestamps are checked against; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How far a request {@code timestamp} may be from the server clock, either way; default 5 minutes.
         * Nonces are remembered for twice this long.
         */
        public Builder timestampTolerance(Duration tolerance) {
            Objects.requireNonNull(tolerance, "timestampTolerance");
            if (tolerance.isNegative() || tolerance.isZero()) {
                throw new IllegalArgumentException("timestampTolerance must be positive, was " + tolerance);
            }
            this.timestampTolerance = tolerance;
            return this;
        }

        /** How many requests {@link #requests()} keeps, the oldest dropped first; default 10,000. */
        public Builder maxRequests(int maxRequests) {
            this.maxRequests = requirePositive(maxRequests, "maxRequests");
            return this;
        }

        /**
         * How many orders are kept, the first received dropped first; the same bound applies to return orders and
         * to daily totals. Default 100,000.
         */
        public Builder maxOrders(int maxOrders) {
            this.maxOrders = requirePositive(maxOrders, "maxOrders");
            return this;
        }

        /** How many status changes each order's history keeps, the oldest dropped first; default 1,000. */
        public Builder maxStatusHistory(int maxStatusHistory) {
            this.maxStatusHistory = requirePositive(maxStatusHistory, "maxStatusHistory");
            return this;
        }

        /**
         * The merchant id the data source calls ({@code data_source/get}, {@code data_source/add}) must name; any
         * other answers retcode 12. Default {@value YoushuSimulator#DEFAULT_MERCHANT_ID}.
         */
        public Builder merchantId(String merchantId) {
            this.merchantId = requireText(merchantId, "merchantId");
            return this;
        }

        /**
         * A data source of the merchant that exists from the start (as one copied from the Youshu console);
         * default none, so {@code data_source/add} creates one and reporting envelopes get retcode 10 until then.
         */
        public Builder dataSourceId(String dataSourceId) {
            this.dataSourceId = requireText(dataSourceId, "dataSourceId");
            return this;
        }

        /**
         * The merchant's zone: the page shows times in it and daily totals' {@code ref_date} must be its local
         * midnight. Default {@code Asia/Shanghai}.
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Whether the data-api sum rules of data-api.md §6 ({@code goods_num_total = Σ goods_num},
         * {@code Σ trans_amount = payment_amount}, {@code coupon_amount_total = Σ coupon_amount}) refuse an order
         * with retcode 13 instead of only being listed as warnings; default {@code false}.
         */
        public Builder amountWarningsAsErrors(boolean amountWarningsAsErrors) {
            this.amountWarningsAsErrors = amountWarningsAsErrors;
            return this;
        }

        /** How many received events are kept, the oldest dropped first; default 10,000. */
        public Builder maxEvents(int maxEvents) {
            this.maxEvents = requirePositive(maxEvents, "maxEvents");
            return this;
        }

        /**
         * At most how many nonces are remembered, however many arrive within the window (the oldest are
         * forgotten first); default 100,000.
         */
        public Builder maxNonces(int maxNonces) {
            this.maxNonces = requirePositive(maxNonces, "maxNonces");
            return this;
        }

        /** The largest accepted request body; larger ones get HTTP 413. Default 4 MiB. */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = requirePositive(maxBodyBytes, "maxBodyBytes");
            return this;
        }

        /** How many requests are served at once (delayed answers hold a thread); default 8. */
        public Builder threads(int threads) {
            this.threads = requirePositive(threads, "threads");
            return this;
        }

        /** A simulator with these settings, not yet started. */
        public YoushuSimulator build() {
            return new YoushuSimulator(this);
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }

        private static int requirePositive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
