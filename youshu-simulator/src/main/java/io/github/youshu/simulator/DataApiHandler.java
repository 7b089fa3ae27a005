package io.github.youshu.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the data-api under {@code /data-api/v1/} (data-api.md §1–§2): injects the planned faults, checks the
 * signed query as the report endpoints do (a failure is retcode 15), then per endpoint the data source calls
 * (12 unknown merchant, 16 a second add) or the reporting envelope (13 with every violation's JSON path, 10 an
 * unknown {@code dataSourceId}) and stores what was accepted. A request is accepted or refused whole. Answers
 * are HTTP 200 with {@code {"retcode": .., "errmsg": "..", "data": {..}}}; one log line per request.
 */
final class DataApiHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(YoushuSimulator.class);
    private static final int MAX_LOGGED_MESSAGE = 300;

    private final RequestAuthenticator authenticator;
    private final DataApiValidator validator;
    private final OrderStore store;
    private final DataSourceRegistry dataSources;
    private final RequestLog requestLog;
    private final FaultPlan faults;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final int maxBodyBytes;

    DataApiHandler(RequestAuthenticator authenticator, DataApiValidator validator, OrderStore store,
            DataSourceRegistry dataSources, RequestLog requestLog, FaultPlan faults, ObjectMapper mapper, Clock clock,
            int maxBodyBytes) {
        this.authenticator = authenticator;
        this.validator = validator;
        this.store = store;
        this.dataSources = dataSources;
        this.requestLog = requestLog;
        this.faults = faults;
        this.mapper = mapper;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The answer to one request, and what the request log shows of it. */
    private record Outcome(int retcode, String errmsg, ObjectNode data, RequestAuthenticator.Result auth, int items,
            String note) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            Optional<DataApiEndpoint> found = DataApiEndpoint.forPath(path);
            if (found.isEmpty()) {
                HttpResponses.notFound(exchange);
                return;
            }
            DataApiEndpoint endpoint = found.get();
            String method = exchange.getRequestMethod();
            if (!endpoint.method().equals(method)) {
                HttpResponses.methodNotAllowed(exchange, endpoint.method());
                return;
            }
            String requestId = requestLog.nextId();
            Instant receivedAt = clock.instant();
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
            Map<String, String> query = HttpRequests.query(exchange);
            byte[] body = HttpRequests.readBody(exchange.getRequestBody(), maxBodyBytes);
            if (body == null) {
                String problem = "body larger than " + maxBodyBytes + " bytes";
                requestLog.addUnanswered(requestId, receivedAt, method, path, query.get("app_id"), 413, problem);
                HttpResponses.send(exchange, 413, HttpResponses.TEXT, problem + "\n");
                log.info("{} {} {}: HTTP 413, {}", requestId, method, path, problem);
                return;
            }
            FaultPlan.Fault fault = faults.take();
            if (fault.failStatus() != 0) {
                String problem = "simulated failure (HTTP " + fault.failStatus() + ")";
                requestLog.addUnanswered(requestId, receivedAt, method, path, query.get("app_id"), fault.failStatus(),
                        problem);
                HttpResponses.sendAfter(fault.delay(), exchange, fault.failStatus(), HttpResponses.TEXT,
                        problem + "\n");
                log.info("{} {} {}: simulated HTTP {}, nothing processed", requestId, method, path,
                        fault.failStatus());
                return;
            }
            if (fault.reject()) {
                String problem = "simulated retcode " + fault.rejectCode();
                requestLog.add(new ReceivedRequest(requestId, receivedAt, method, path, query.get("app_id"),
                        SignatureCheck.NOT_CHECKED, 200, fault.rejectCode(), problem, 0));
                HttpResponses.sendAfter(fault.delay(), exchange, 200, HttpResponses.JSON,
                        answer(fault.rejectCode(), problem, mapper.createObjectNode()));
                log.info("{} {} {}: {}, nothing processed", requestId, method, path, problem);
                return;
            }
            Outcome outcome = process(endpoint, exchange, query, body, requestId, receivedAt);
            requestLog.add(new ReceivedRequest(requestId, receivedAt, method, path, outcome.auth().appId(),
                    outcome.auth().signature(), 200, outcome.retcode(), outcome.note(), outcome.items()));
            HttpResponses.sendAfter(fault.delay(), exchange, 200, HttpResponses.JSON,
                    answer(outcome.retcode(), outcome.errmsg(), outcome.data()));
            log.info("{} {} {}: {} item(s), retcode {}{}", requestId, method, path, outcome.items(),
                    outcome.retcode(), outcome.retcode() == DataApiRetcode.OK ? ""
                            : " (" + HttpRequests.abbreviate(outcome.errmsg(), MAX_LOGGED_MESSAGE) + ")");
        } finally {
            exchange.close();
        }
    }

    private Outcome process(DataApiEndpoint endpoint, HttpExchange exchange, Map<String, String> query, byte[] body,
            String requestId, Instant receivedAt) {
        RequestAuthenticator.Result auth = authenticator.authenticate(query, true);
        if (!auth.ok()) {
            return refused(DataApiRetcode.VERIFICATION_FAILED, "merchant verification failed: " + auth.message(),
                    auth, 0);
        }
        if (endpoint == DataApiEndpoint.DATA_SOURCE_GET) {
            return getDataSources(query.get("merchantId"), auth);
        }
        JsonNode root;
        try {
            root = parse(exchange.getRequestHeaders().getFirst("Content-Type"), body);
        } catch (IllegalArgumentException e) {
            return refused(DataApiRetcode.BAD_DATA_FORMAT, e.getMessage(), auth, 0);
        }
        if (endpoint == DataApiEndpoint.DATA_SOURCE_ADD) {
            return addDataSource(root, auth);
        }
        return report(endpoint, root, auth, requestId, receivedAt);
    }

    private Outcome getDataSources(String merchantId, RequestAuthenticator.Result auth) {
        if (merchantId == null || merchantId.isBlank()) {
            return refused(DataApiRetcode.BAD_DATA_FORMAT, "merchantId: is required (query parameter)", auth, 0);
        }
        if (!dataSources.knowsMerchant(merchantId)) {
            return refused(DataApiRetcode.MERCHANT_NOT_FOUND, "merchant not found: merchantId '" + merchantId + "'",
                    auth, 0);
        }
        ObjectNode data = mapper.createObjectNode();
        ArrayNode list = data.putArray("dataSources");
        dataSources.ofMerchant(merchantId).forEach(source -> list.addObject().put("id", source.id()));
        return new Outcome(DataApiRetcode.OK, "", data, auth, 0, "ok: " + list.size() + " data source(s)");
    }

    private Outcome addDataSource(JsonNode root, RequestAuthenticator.Result auth) {
        List<String> violations = new ArrayList<>();
        String merchantId = root.isObject() ? new JsonFields(root, "", violations).text("merchantId", true) : null;
        if (!root.isObject()) {
            violations.add("$: must be a JSON object {\"merchantId\": \"..\"}");
        }
        if (merchantId == null) {
            return refused(DataApiRetcode.BAD_DATA_FORMAT, String.join("; ", violations), auth, 0);
        }
        if (!dataSources.knowsMerchant(merchantId)) {
            return refused(DataApiRetcode.MERCHANT_NOT_FOUND, "merchant not found: merchantId '" + merchantId + "'",
                    auth, 0);
        }
        Optional<DataSource> created = dataSources.add(merchantId);
        if (created.isEmpty()) {
            return refused(DataApiRetcode.DATA_SOURCE_EXISTS, "data source already exists for merchantId '"
                    + merchantId + "'; look it up with data_source/get", auth, 0);
        }
        ObjectNode data = mapper.createObjectNode();
        data.putObject("dataSource").put("id", created.get().id());
        return new Outcome(DataApiRetcode.OK, "", data, auth, 0, "ok: created data source " + created.get().id());
    }

    private Outcome report(DataApiEndpoint endpoint, JsonNode root, RequestAuthenticator.Result auth,
            String requestId, Instant receivedAt) {
        List<String> envelopeProblems = validator.validateEnvelope(root, endpoint);
        int itemCount = root.path(endpoint.listKey()).isArray() ? root.get(endpoint.listKey()).size() : 0;
        if (!envelopeProblems.isEmpty()) {
            return refused(DataApiRetcode.BAD_DATA_FORMAT, "data format wrong: " + String.join("; ",
                    envelopeProblems), auth, itemCount);
        }
        String dataSourceId = root.get("dataSourceId").asText();
        if (!dataSources.exists(dataSourceId)) {
            return refused(DataApiRetcode.DATA_SOURCE_NOT_FOUND, "data source not found: dataSourceId '"
                    + dataSourceId + "'", auth, itemCount);
        }
        JsonNode items = root.get(endpoint.listKey());
        List<String> errors = new ArrayList<>();
        Set<String> badIds = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        int badItems = 0;
        for (int i = 0; i < items.size(); i++) {
            DataApiValidator.Verdict verdict = validator.validateItem(endpoint, items.get(i),
                    endpoint.listKey() + "[" + i + "]");
            warnings.addAll(verdict.warnings());
            if (!verdict.valid()) {
                badItems++;
                errors.addAll(verdict.errors());
                String id = DataApiValidator.itemId(endpoint, items.get(i));
                badIds.add(id == null ? "[" + i + "]" : id);
            }
        }
        if (!errors.isEmpty()) {
            return refused(DataApiRetcode.BAD_DATA_FORMAT, "data format wrong in " + badItems + " of " + items.size()
                    + " item(s) (" + DataApiValidator.idField(endpoint) + " " + String.join(", ", badIds) + "): "
                    + String.join("; ", errors), auth, itemCount);
        }
        for (JsonNode item : items) {
            store.store(endpoint, item, toJson(item), requestId, receivedAt);
        }
        String note = warnings.isEmpty() ? "ok" : "ok, " + warnings.size() + " warning(s): "
                + String.join("; ", warnings);
        return new Outcome(DataApiRetcode.OK, "", mapper.createObjectNode(), auth, itemCount, note);
    }

    /** The JSON body; {@link IllegalArgumentException} with the errmsg when it is not one. */
    private JsonNode parse(String contentType, byte[] body) {
        String problem = HttpRequests.contentTypeProblem(contentType);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not valid JSON: " + HttpRequests.firstLine(e), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new IllegalArgumentException("body is empty; send a JSON object");
        }
        return root;
    }

    private Outcome refused(int retcode, String errmsg, RequestAuthenticator.Result auth, int items) {
        return new Outcome(retcode, errmsg, mapper.createObjectNode(), auth, items, errmsg);
    }

    private String answer(int retcode, String errmsg, ObjectNode data) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("retcode", retcode);
        answer.put("errmsg", errmsg);
        answer.set("data", data);
        return toJson(answer);
    }

    private String toJson(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a parsed JSON node back", e);
        }
    }
}
