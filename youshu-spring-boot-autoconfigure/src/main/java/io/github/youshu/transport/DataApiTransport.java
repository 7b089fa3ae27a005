package io.github.youshu.transport;

import io.github.youshu.order.DataApiEndpoint;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Youshu's data-api client (data-api.md §1–§2): sends already serialized items of one endpoint in
 * the envelope {@code {"dataSourceId": "<id>", "<list key>": [item, …]}}, and looks up or creates
 * the merchant's data source.
 * <p>
 * Every request carries the signed query of {@code safe-report} ({@code app_id}, {@code nonce},
 * {@code sign=sha256}, {@code timestamp}, {@code signature}; see {@link RequestSigner}), computed
 * afresh for each request; bodies are {@code application/json; charset=utf-8}. Answers are
 * classified by {@link DataApiOutcome}; no method throws for an outcome of the exchange (timeouts,
 * connection failures and interruption are {@link DataApiOutcome#TRANSIENT}), only for a wrong
 * argument. Logs one DEBUG line per request (path, class, item count, elapsed time), never the
 * query string and never the app secret. Thread-safe.
 */
public final class DataApiTransport {

    /** Youshu's limit of items in one request (§1). */
    public static final int MAX_ITEMS_PER_REQUEST = 50;

    /** The property that lowers {@link #MAX_ITEMS_PER_REQUEST}. */
    public static final String MAX_ITEMS_PROPERTY = "youshu.orders.max-items-per-request";

    static final String DATA_SOURCE_GET = "data_source/get";
    static final String DATA_SOURCE_ADD = "data_source/add";

    /** {@code retcode} of {@code data_source/add} when the merchant already has a data source (§1). */
    static final int DATA_SOURCE_EXISTS = 16;

    private static final Logger log = LoggerFactory.getLogger(DataApiTransport.class);

    private final URI baseUri;
    private final String appId;
    private final int maxItemsPerRequest;
    private final RequestSigner signer;
    private final DataApiResponseClassifier classifier;
    private final HttpExchange http;

    /** A transport with the system clock. */
    public DataApiTransport(TransportSettings settings, YoushuCredentials credentials, int maxItemsPerRequest) {
        this(settings, credentials, maxItemsPerRequest, Clock.systemUTC());
    }

    /**
     * @param settings           the base URL (the environment's host or {@code youshu.base-url}) and
     *                           the timeouts; its report endpoint is not used
     * @param credentials        the app id and secret, the same as for behaviour events
     * @param maxItemsPerRequest most items in one request, 1 to {@value #MAX_ITEMS_PER_REQUEST}
     * @param clock              the source of the signed {@code timestamp} and of Retry-After dates
     * @throws IllegalArgumentException naming {@value #MAX_ITEMS_PROPERTY} when the limit is out of range
     */
    public DataApiTransport(TransportSettings settings, YoushuCredentials credentials, int maxItemsPerRequest,
            Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.maxItemsPerRequest = checkMaxItems(maxItemsPerRequest);
        this.baseUri = settings.baseUri();
        this.appId = credentials.appId();
        this.signer = new RequestSigner(credentials, clock);
        this.classifier = new DataApiResponseClassifier(clock);
        this.http = new HttpExchange(settings.connectTimeout(), settings.requestTimeout());
    }

    /**
     * Checks a limit of items per request.
     *
     * @return the limit
     * @throws IllegalArgumentException naming {@value #MAX_ITEMS_PROPERTY} and the range when it is not 1 to 50
     */
    public static int checkMaxItems(int maxItemsPerRequest) {
        if (maxItemsPerRequest < 1 || maxItemsPerRequest > MAX_ITEMS_PER_REQUEST) {
            throw new IllegalArgumentException(MAX_ITEMS_PROPERTY + " must be between 1 and " + MAX_ITEMS_PER_REQUEST
                    + " (Youshu's data-api takes at most " + MAX_ITEMS_PER_REQUEST + " items a request), but was "
                    + maxItemsPerRequest);
        }
        return maxItemsPerRequest;
    }

    /** Most items {@link #send} takes in one call. */
    public int maxItemsPerRequest() {
        return maxItemsPerRequest;
    }

    /**
     * POSTs the items in one envelope to the endpoint and classifies the answer.
     *
     * @param endpoint     the route the items belong to
     * @param dataSourceId the data source id, sent as {@code dataSourceId}
     * @param items        1 to {@link #maxItemsPerRequest()} items, each one serialized JSON object
     *                     (UTF-8), copied into the body as they are
     * @return the class of the answer; never {@code null}
     * @throws IllegalArgumentException when the data source id is blank, there are no items or more
     *                                  than the limit, or an item is not a JSON object
     */
    public DataApiSendResult send(DataApiEndpoint endpoint, String dataSourceId, List<byte[]> items) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (dataSourceId == null || dataSourceId.isBlank()) {
            throw new IllegalArgumentException("dataSourceId must not be blank: data-api items wait until the "
                    + "data source id is known (youshu.orders.data-source-id or youshu.merchant-id)");
        }
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("items must not be empty");
        }
        if (items.size() > maxItemsPerRequest) {
            throw new IllegalArgumentException("At most " + maxItemsPerRequest + " items go in one data-api request ("
                    + MAX_ITEMS_PROPERTY + "), but " + items.size() + " were given: split the batch");
        }
        byte[] body = envelope(endpoint, dataSourceId, items);
        URI uri = URI.create(baseUri + endpoint.urlPath() + "?" + signedQuery());
        HttpRequest request = http.newRequest(uri)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return exchange("POST", endpoint.urlPath(), request, items.size()).result();
    }

    /**
     * {@code GET data_source/get?merchantId=…}: the merchant's data sources (§2).
     *
     * @param merchantId the merchant id ({@code youshu.merchant-id}), not blank
     * @return the first id of {@code data.dataSources[].id}, none, or the class of the failure
     */
    public DataSourceAnswer getDataSources(String merchantId) {
        requireMerchantId(merchantId);
        String path = DataApiEndpoint.PATH_PREFIX + DATA_SOURCE_GET;
        URI uri = URI.create(baseUri + path + "?merchantId=" + URLEncoder.encode(merchantId, StandardCharsets.UTF_8)
                + "&" + signedQuery());
        DataApiResponseClassifier.Classified answer = exchange("GET", path, http.newRequest(uri).GET().build(), 0);
        if (!answer.result().isDelivered()) {
            return DataSourceAnswer.failed(asDataSourceFailure(answer.result()));
        }
        for (JsonNode dataSource : answer.data().path("dataSources")) {
            String id = idOf(dataSource);
            if (id != null) {
                return DataSourceAnswer.found(id, answer.data().path("dataSources").size());
            }
        }
        return DataSourceAnswer.none();
    }

    /**
     * {@code POST data_source/add} with {@code {"merchantId": "…"}}: creates the merchant's data source (§2).
     *
     * @param merchantId the merchant id ({@code youshu.merchant-id}), not blank
     * @return the new id ({@code data.dataSource.id}); {@link DataSourceAnswer.Status#ALREADY_EXISTS}
     *         on {@code retcode} 16; or the class of the failure
     */
    public DataSourceAnswer addDataSource(String merchantId) {
        requireMerchantId(merchantId);
        String path = DataApiEndpoint.PATH_PREFIX + DATA_SOURCE_ADD;
        byte[] body = ("{\"merchantId\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(merchantId))
                + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = http.newRequest(URI.create(baseUri + path + "?" + signedQuery()))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        DataApiResponseClassifier.Classified answer = exchange("POST", path, request, 0);
        DataApiSendResult result = answer.result();
        if (result.retcode() != null && result.retcode() == DATA_SOURCE_EXISTS) {
            return DataSourceAnswer.alreadyExists();
        }
        if (!result.isDelivered()) {
            return DataSourceAnswer.failed(asDataSourceFailure(result));
        }
        String id = idOf(answer.data().path("dataSource"));
        return id == null
                ? DataSourceAnswer.failed(DataApiSendResult.transientFailure(result.httpStatus(), 0,
                        "data_source/add answered retcode 0 without data.dataSource.id", null))
                : DataSourceAnswer.found(id, 1);
    }

    /** The body: the envelope around the items, which are copied byte for byte. */
    static byte[] envelope(DataApiEndpoint endpoint, String dataSourceId, List<byte[]> items) {
        int size = 64 + dataSourceId.length();
        for (byte[] item : items) {
            size += item == null ? 0 : item.length + 1;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(size);
        JsonStringEncoder json = JsonStringEncoder.getInstance();
        body.writeBytes(("{\"dataSourceId\":\"").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(json.quoteAsUTF8(dataSourceId));
        body.writeBytes(("\",\"" + endpoint.listKey() + "\":[").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < items.size(); i++) {
            byte[] item = items.get(i);
            if (!isJsonObject(item)) {
                throw new IllegalArgumentException("items[" + i + "] is not a serialized JSON object");
            }
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(item);
        }
        body.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A cheap check that keeps the envelope well formed: the first and last non-blank bytes are braces. */
    private static boolean isJsonObject(byte[] item) {
        if (item == null) {
            return false;
        }
        int first = 0;
        int last = item.length - 1;
        while (first <= last && isJsonWhitespace(item[first])) {
            first++;
        }
        while (last >= first && isJsonWhitespace(item[last])) {
            last--;
        }
        return last > first && item[first] == '{' && item[last] == '}';
    }

    private static boolean isJsonWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private String signedQuery() {
        // §1: the data-api takes exactly the signed query of safe-report.
        return signer.newQuery(ReportEndpoint.SAFE_REPORT);
    }

    private DataApiResponseClassifier.Classified exchange(String method, String path, HttpRequest request,
            int itemCount) {
        long start = System.nanoTime();
        HttpExchange.Answer answer = http.exchange(request);
        DataApiResponseClassifier.Classified classified = classifier.classify(answer);
        if (log.isDebugEnabled()) {
            DataApiSendResult result = classified.result();
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (answer.arrived()) {
                log.debug("Youshu {} {} -> HTTP {} {} ({}; {} items, {} ms)", method, path, result.httpStatus(),
                        result.outcome(), result.message(), itemCount, elapsedMillis);
            } else {
                log.debug("Youshu {} {} -> {} ({}; {} items, {} ms)", method, path, result.outcome(),
                        result.message(), itemCount, elapsedMillis, answer.cause());
            }
        }
        return classified;
    }

    /** A data source call holds no items: a "bad item" answer (13) means the merchant id was refused. */
    private static DataApiSendResult asDataSourceFailure(DataApiSendResult result) {
        if (result.outcome() != DataApiOutcome.ITEMS_REJECTED) {
            return result;
        }
        return DataApiSendResult.requestLevel(result.httpStatus(), result.retcode(), result.message(),
                DataApiResponseClassifier.MERCHANT);
    }

    private static String idOf(JsonNode dataSource) {
        JsonNode id = dataSource.path("id");
        if (id.isTextual() && !id.textValue().isBlank()) {
            return id.textValue().strip();
        }
        return id.isIntegralNumber() ? id.asText() : null;
    }

    private static void requireMerchantId(String merchantId) {
        if (merchantId == null || merchantId.isBlank()) {
            throw new IllegalArgumentException("merchantId must not be blank: set youshu.merchant-id");
        }
    }

    /** Names the base URL and app id; never the secret. */
    @Override
    public String toString() {
        return "DataApiTransport[" + baseUri + ", appId=" + appId + ", maxItemsPerRequest=" + maxItemsPerRequest + "]";
    }
}
