package io.github.youshu.autoconfigure;

import io.github.youshu.FailureMode;
import io.github.youshu.delivery.DeliverySettings;
import io.github.youshu.delivery.OverflowPolicy;
import io.github.youshu.delivery.outbox.OutboxSettings;
import io.github.youshu.delivery.outbox.OutboxSettings.SchemaInitialization;
import io.github.youshu.transport.ReportEndpoint;
import io.github.youshu.transport.YoushuEnvironment;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Youshu reporting starter, under the {@code youshu} prefix.
 */
@ConfigurationProperties("youshu")
public class YoushuProperties {

    /** Whether Youshu reporting is on. When false, no reporting bean is created and nothing is sent. */
    private boolean enabled = true;

    /** The app_id Youshu issued for the data source (usually starts with "bi"); not the mini-program's wx appid. */
    private String appId;

    /** The app_secret Youshu issued with the app id: the HMAC signing key. Never logged nor shown by actuator. */
    private String appSecret;

    /** Which Youshu environment to report to: production (zhls.qq.com) or test (test.zhls.qq.com). */
    private YoushuEnvironment environment = YoushuEnvironment.PRODUCTION;

    /** Overrides the API host chosen by the environment, e.g. a local simulator: https, or plain http only to localhost, 127.0.0.0/8 or [::1]. */
    private String baseUrl;

    /** Which report API to call: safe-report (signed, the default) or report (plain, unsigned). */
    private ReportEndpoint endpoint = ReportEndpoint.SAFE_REPORT;

    /** The data source name sent as "from" in every event. Defaults to spring.application.name. */
    private String from;

    /** The WeChat mini-program appid (wx...) written to wx_user.app_id when an event has none. */
    private String wxAppId;

    /**
     * The merchant's time zone: LocalDateTime values in expressions and generic props, order data
     * times given as LocalDateTime, the daily totals' day and send-at. Defaults to the JVM's zone.
     */
    private ZoneId zone;

    /** What happens when an event cannot be built or is invalid: log (count, log and drop) or throw (YoushuReportException to the caller). */
    private FailureMode failureMode = FailureMode.LOG;

    @NestedConfigurationProperty
    private final Http http = new Http();

    @NestedConfigurationProperty
    private final Defaults defaults = new Defaults();

    @NestedConfigurationProperty
    private final Context context = new Context();

    @NestedConfigurationProperty
    private final Delivery delivery = new Delivery();

    @NestedConfigurationProperty
    private final Outbox outbox = new Outbox();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public YoushuEnvironment getEnvironment() {
        return environment;
    }

    public void setEnvironment(YoushuEnvironment environment) {
        this.environment = environment;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public ReportEndpoint getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(ReportEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getWxAppId() {
        return wxAppId;
    }

    public void setWxAppId(String wxAppId) {
        this.wxAppId = wxAppId;
    }

    public ZoneId getZone() {
        return zone;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    public FailureMode getFailureMode() {
        return failureMode;
    }

    public void setFailureMode(FailureMode failureMode) {
        this.failureMode = failureMode;
    }

    public Http getHttp() {
        return http;
    }

    public Defaults getDefaults() {
        return defaults;
    }

    public Context getContext() {
        return context;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public Outbox getOutbox() {
        return outbox;
    }

    @Override
    public String toString() {
        return "YoushuProperties[enabled=" + enabled + ", appId=" + appId + ", appSecret=" + (appSecret == null ? "null" : "******")
                + ", environment=" + environment + ", baseUrl=" + baseUrl + ", endpoint=" + endpoint + "]";
    }

    /** HTTP client settings. */
    public static class Http {

        /** How long to wait for a TCP connection to Youshu. */
        private Duration connectTimeout = Duration.ofSeconds(2);

        /** How long to wait for Youshu's answer to one request; past it the outcome counts as transient. */
        private Duration requestTimeout = Duration.ofSeconds(5);

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }
    }

    /** Values for common props an event gets when neither its annotation nor a context resolver supplies them. */
    public static class Defaults {

        /** Mini-program page path (no leading slash), e.g. pages/order/confirm. */
        private String page;

        /** Page title. */
        private String pageTitle;

        /** Mini-program scene value (chan.chan_wxapp_scene), e.g. 1001. */
        private Integer scene;

        /** Channel id (chan.chan_id). */
        private String chanId;

        /** Store id (chan.chan_shop_id); needs shop-name too. */
        private String shopId;

        /** Store name (chan.chan_shop_name). */
        private String shopName;

        /** SDK version string (sr_sdk_version). */
        private String srSdkVersion;

        public String getPage() {
            return page;
        }

        public void setPage(String page) {
            this.page = page;
        }

        public String getPageTitle() {
            return pageTitle;
        }

        public void setPageTitle(String pageTitle) {
            this.pageTitle = pageTitle;
        }

        public Integer getScene() {
            return scene;
        }

        public void setScene(Integer scene) {
            this.scene = scene;
        }

        public String getChanId() {
            return chanId;
        }

        public void setChanId(String chanId) {
            this.chanId = chanId;
        }

        public String getShopId() {
            return shopId;
        }

        public void setShopId(String shopId) {
            this.shopId = shopId;
        }

        public String getShopName() {
            return shopName;
        }

        public void setShopName(String shopName) {
            this.shopName = shopName;
        }

        public String getSrSdkVersion() {
            return srSdkVersion;
        }

        public void setSrSdkVersion(String srSdkVersion) {
            this.srSdkVersion = srSdkVersion;
        }
    }

    /** Where request context (user, page, channel) comes from in a servlet web application. */
    public static class Context {

        @NestedConfigurationProperty
        private final Headers headers = new Headers();

        public Headers getHeaders() {
            return headers;
        }
    }

    /** HTTP request headers read by the built-in request-header context resolver. */
    public static class Headers {

        /** Whether the request-header context resolver is on (servlet web applications only). */
        private boolean enabled = true;

        /** Header carrying the user's open id (wx_user.open_id). */
        private String openId = "X-Youshu-Open-Id";

        /** Header carrying the user's union id (wx_user.union_id). */
        private String unionId = "X-Youshu-Union-Id";

        /** Header carrying the merchant's user id (wx_user.user_id). */
        private String userId = "X-Youshu-User-Id";

        /** Header carrying the mini-program page path (page). */
        private String page = "X-Youshu-Page";

        /** Header carrying the page title (page_title), URL-encoded UTF-8. */
        private String pageTitle = "X-Youshu-Page-Title";

        /** Header carrying the mini-program scene value (chan.chan_wxapp_scene). */
        private String scene = "X-Youshu-Scene";

        /** Header carrying the channel id (chan.chan_id). */
        private String chanId = "X-Youshu-Chan-Id";

        /** Header carrying the session's tracking id (tracking_id). */
        private String trackingId = "X-Youshu-Tracking-Id";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getOpenId() {
            return openId;
        }

        public void setOpenId(String openId) {
            this.openId = openId;
        }

        public String getUnionId() {
            return unionId;
        }

        public void setUnionId(String unionId) {
            this.unionId = unionId;
        }

        public String getUserId() {
            return userId;
        }

        public void setUserId(String userId) {
            this.userId = userId;
        }

        public String getPage() {
            return page;
        }

        public void setPage(String page) {
            this.page = page;
        }

        public String getPageTitle() {
            return pageTitle;
        }

        public void setPageTitle(String pageTitle) {
            this.pageTitle = pageTitle;
        }

        public String getScene() {
            return scene;
        }

        public void setScene(String scene) {
            this.scene = scene;
        }

        public String getChanId() {
            return chanId;
        }

        public void setChanId(String chanId) {
            this.chanId = chanId;
        }

        public String getTrackingId() {
            return trackingId;
        }

        public void setTrackingId(String trackingId) {
            this.trackingId = trackingId;
        }
    }

    /** Asynchronous delivery: queue, batches, retries, dead letters, shutdown. */
    public static class Delivery {

        /** Most events held in memory at once: queued, waiting for a retry or in flight. */
        private int queueCapacity = 10_000;

        /** Most bytes of event JSON held in memory at once, counted like queue-capacity (an event not yet serialized counts at an upper bound of its size). */
        private DataSize queueMaxBytes = DataSize.ofMegabytes(16);

        /** What a full queue does with one more event: drop-newest refuses it, drop-oldest evicts the oldest queued event (never one in flight). Every drop is counted and logged. */
        private OverflowPolicy overflow = OverflowPolicy.DROP_NEWEST;

        /** Most events in one request. */
        private int maxBatchSize = 50;

        /** Most bytes in one request body (the JSON array). */
        private DataSize maxBatchBytes = DataSize.ofKilobytes(512);

        /** Longest a partial batch waits for more events, counted from its oldest event; in outbox mode too, from when the oldest due row became due. */
        private Duration flushInterval = Duration.ofSeconds(1);

        /** How many requests to Youshu may be in flight at once. */
        private int concurrency = 2;

        /** Wait before the first retry of a transiently failed request. */
        private Duration backoffInitial = Duration.ofMillis(500);

        /** Factor applied to the wait after every failed attempt. */
        private double backoffMultiplier = 2.0;

        /** Longest wait between two attempts (before jitter of up to 25%; never above this). */
        private Duration backoffMax = Duration.ofSeconds(60);

        /** How long after its acceptance an event may still be retried before it is dead-lettered (never earlier: a longer wait gets a last attempt when the budget ends; after a request-level failure the event is counted as lost, not dead-lettered); 0 means without limit. Memory mode only: the outbox retries without limit unless youshu.outbox.max-retry-duration is set. */
        private Duration maxRetryDuration = Duration.ofHours(1);

        /** Most dead letters kept in memory; the oldest are evicted and counted. */
        private int deadLetterCapacity = 1_000;

        /** How long stopping the application waits for delivery: requests in flight are awaited and their outcome recorded (both modes; at most 1 s more for a request interrupted then); in memory mode queued and retry-waiting events get a last attempt, and what is left is counted as lost with its order ids. */
        private Duration shutdownTimeout = Duration.ofSeconds(10);

        /** Most recently dropped events (invalid, refused or evicted by the queue, dead-lettered) kept with order id, reason, time and masked user for the youshu actuator endpoint; older ones are forgotten (the log's summaries name them). */
        private int recentDropsKept = 100;

        /** These settings as the delivery pipeline takes them. */
        public DeliverySettings toSettings() {
            return new DeliverySettings(queueCapacity, queueMaxBytes.toBytes(), overflow, maxBatchSize, maxBatchBytes.toBytes(),
                    flushInterval, concurrency, backoffInitial, backoffMultiplier, backoffMax, maxRetryDuration,
                    deadLetterCapacity, shutdownTimeout);
        }

        public int getQueueCapacity() {
            return queueCapacity;
        }

        public void setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        public DataSize getQueueMaxBytes() {
            return queueMaxBytes;
        }

        public void setQueueMaxBytes(DataSize queueMaxBytes) {
            this.queueMaxBytes = queueMaxBytes;
        }

        public OverflowPolicy getOverflow() {
            return overflow;
        }

        public void setOverflow(OverflowPolicy overflow) {
            this.overflow = overflow;
        }

        public int getMaxBatchSize() {
            return maxBatchSize;
        }

        public void setMaxBatchSize(int maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
        }

        public DataSize getMaxBatchBytes() {
            return maxBatchBytes;
        }

        public void setMaxBatchBytes(DataSize maxBatchBytes) {
            this.maxBatchBytes = maxBatchBytes;
        }

        public Duration getFlushInterval() {
            return flushInterval;
        }

        public void setFlushInterval(Duration flushInterval) {
            this.flushInterval = flushInterval;
        }

        public int getConcurrency() {
            return concurrency;
        }

        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }

        public Duration getBackoffInitial() {
            return backoffInitial;
        }

        public void setBackoffInitial(Duration backoffInitial) {
            this.backoffInitial = backoffInitial;
        }

        public double getBackoffMultiplier() {
            return backoffMultiplier;
        }

        public void setBackoffMultiplier(double backoffMultiplier) {
            this.backoffMultiplier = backoffMultiplier;
        }

        public Duration getBackoffMax() {
            return backoffMax;
        }

        public void setBackoffMax(Duration backoffMax) {
            this.backoffMax = backoffMax;
        }

        public Duration getMaxRetryDuration() {
            return maxRetryDuration;
        }

        public void setMaxRetryDuration(Duration maxRetryDuration) {
            this.maxRetryDuration = maxRetryDuration;
        }

        public int getDeadLetterCapacity() {
            return deadLetterCapacity;
        }

        public void setDeadLetterCapacity(int deadLetterCapacity) {
            this.deadLetterCapacity = deadLetterCapacity;
        }

        public int getRecentDropsKept() {
            return recentDropsKept;
        }

        public void setRecentDropsKept(int recentDropsKept) {
            this.recentDropsKept = recentDropsKept;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }
    }

    /** The durable JDBC outbox. */
    public static class Outbox {

        /** Deliver through a table in the application's own DataSource, written in the caller's transaction, instead of the memory queue. */
        private boolean enabled = false;

        /** The outbox table: a plain SQL identifier (letters, digits, underscore; not starting with a digit; at most 48 characters). */
        private String tableName = "youshu_outbox"; // a literal, so that the configuration metadata shows the default

        /** When to create the table from the schema shipped in the jar: embedded (H2, HSQLDB, Derby only), always, or never (apply it with your own migrations). */
        private SchemaInitialization initializeSchema = SchemaInitialization.EMBEDDED;

        /** How long a claimed batch belongs to the instance that claimed it; after that another instance may send it. Keep it well above the request timeout. */
        private Duration leaseDuration = Duration.ofSeconds(60);

        /** How often each instance looks for due events in the table. */
        private Duration pollInterval = Duration.ofSeconds(1);

        /** How long delivered rows are kept (status done) for auditing; 0 deletes them at once. */
        private Duration retention = Duration.ZERO;

        /** How long after its creation an event may still be retried before it becomes a dead letter; unset means without limit, so an outage of days loses nothing. */
        private Duration maxRetryDuration;

        /** These settings as the outbox takes them. */
        public OutboxSettings toSettings() {
            return new OutboxSettings(tableName, initializeSchema, leaseDuration, pollInterval, retention, maxRetryDuration);
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getTableName() {
            return tableName;
        }

        public void setTableName(String tableName) {
            this.tableName = tableName;
        }

        public SchemaInitialization getInitializeSchema() {
            return initializeSchema;
        }

        public void setInitializeSchema(SchemaInitialization initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        public Duration getLeaseDuration() {
            return leaseDuration;
        }

        public void setLeaseDuration(Duration leaseDuration) {
            this.leaseDuration = leaseDuration;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        public Duration getMaxRetryDuration() {
            return maxRetryDuration;
        }

        public void setMaxRetryDuration(Duration maxRetryDuration) {
            this.maxRetryDuration = maxRetryDuration;
        }
    }
}
