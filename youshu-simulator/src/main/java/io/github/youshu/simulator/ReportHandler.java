package io.github.youshu.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code POST /api/v1/safe-report} (signed) and {@code POST /api/report} (unsigned): injects the planned
 * faults, authenticates, validates every event, records them and answers {@code {"code":..,"msg":..}}. A request
 * is accepted or refused whole. Logs one summary line per request.
 */
final class ReportHandler implements HttpHandler {

    static final String SAFE_REPORT_PATH = "/api/v1/safe-report";
    static final String REPORT_PATH = "/api/report";

    private static final Logger log = LoggerFactory.getLogger(YoushuSimulator.class);
    private static final int MAX_LOGGED_MESSAGE = 300;

    private final RequestAuthenticator authenticator;
    private final EventValidator validator = new EventValidator();
    private final EventLog eventLog;
    private final FaultPlan faults;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final int maxBodyBytes;
    private final AtomicLong requestCounter = new AtomicLong();

    ReportHandler(RequestAuthenticator authenticator, EventLog eventLog, FaultPlan faults, ObjectMapper mapper,
            Clock clock, int maxBodyBytes) {
        this.authenticator = authenticator;
        this.eventLog = eventLog;
        this.faults = faults;
        this.mapper = mapper;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (!SAFE_REPORT_PATH.equals(path) && !REPORT_PATH.equals(path)) {
                HttpResponses.notFound(exchange);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                HttpResponses.methodNotAllowed(exchange, "POST");
                return;
            }
            String requestId = "req-" + requestCounter.incrementAndGet();
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                respondWithDelay(exchange, 413, HttpResponses.TEXT, "body larger than " + maxBodyBytes + " bytes\n",
                        Duration.ZERO);
                log.info("{} POST {}: HTTP 413, body larger than {} bytes", requestId, path, maxBodyBytes);
                return;
            }
            FaultPlan.Fault fault = faults.take();
            if (fault.failStatus() != 0) {
                respondWithDelay(exchange, fault.failStatus(), HttpResponses.TEXT,
                        "simulated failure (HTTP " + fault.failStatus() + ")\n", fault.delay());
                log.info("{} POST {}: simulated HTTP {}, nothing processed", requestId, path, fault.failStatus());
                return;
            }
            if (fault.reject()) {
                respondWithDelay(exchange, 200, HttpResponses.JSON,
                        answer(ResponseCode.SIMULATED_REJECTION, "simulated rejection"), fault.delay());
                log.info("{} POST {}: simulated rejection (code {}), nothing processed", requestId, path,
                        ResponseCode.SIMULATED_REJECTION.code());
                return;
            }
            Outcome outcome = process(exchange, path, requestId, body);
            respondWithDelay(exchange, 200, HttpResponses.JSON, answer(outcome.code(), outcome.message()),
                    fault.delay());
            log.info("{} POST {}: {} event(s), code {}{}", requestId, path, outcome.events(),
                    outcome.code().code(),
                    outcome.code() == ResponseCode.OK ? "" : " (" + abbreviate(outcome.message()) + ")");
        } finally {
            exchange.close();
        }
    }

    private record Outcome(ResponseCode code, String message, int events) {
    }

    private Outcome process(HttpExchange exchange, String path, String requestId, byte[] body) {
        boolean signed = SAFE_REPORT_PATH.equals(path);
        Instant receivedAt = clock.instant();
        RequestAuthenticator.Result auth = authenticator.authenticate(query(exchange), signed);

        String requestProblem = contentTypeProblem(exchange.getRequestHeaders().getFirst("Content-Type"));
        List<JsonNode> events = null;
        boolean batch = false;
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || root.isMissingNode()) {
                requestProblem = orFirst(requestProblem, "body is empty; send one JSON object or a JSON array");
            } else if (root.isArray()) {
                batch = true;
                events = new ArrayList<>();
                root.forEach(events::add);
                if (events.isEmpty()) {
                    requestProblem = orFirst(requestProblem, "body is an empty array; send at least one event");
                }
            } else if (root.isObject()) {
                events = List.of(root);
            } else {
                requestProblem = orFirst(requestProblem, "body must be one JSON object or a JSON array of them");
            }
        } catch (IOException e) {
            requestProblem = orFirst(requestProblem, "body is not valid JSON: " + firstLine(e));
        }

        List<List<String>> violations = new ArrayList<>();
        List<String> eventProblems = new ArrayList<>();
        if (events != null) {
            for (int i = 0; i < events.size(); i++) {
                List<String> eventViolations = validator.validate(events.get(i), batch ? "[" + i + "]" : "");
                violations.add(eventViolations);
                if (!eventViolations.isEmpty()) {
                    eventProblems.add(describe(events.get(i), batch ? "[" + i + "]" : "event")
                            + ": " + String.join("; ", eventViolations));
                }
            }
        }

        ResponseCode code;
        String message;
        if (!auth.ok()) {
            code = auth.code();
            message = auth.message();
        } else if (requestProblem != null) {
            code = ResponseCode.BAD_REQUEST;
            message = requestProblem;
        } else if (!eventProblems.isEmpty()) {
            code = ResponseCode.INVALID_EVENT;
            message = eventProblems.size() + " of " + events.size() + " event(s) invalid, request refused: "
                    + String.join(" | ", eventProblems);
        } else {
            code = ResponseCode.OK;
            message = "ok";
        }
        if (events != null) {
            record(events, violations, receivedAt, requestId, path, auth.signatureOk(), code);
        }
        return new Outcome(code, message, events == null ? 0 : events.size());
    }

    private void record(List<JsonNode> events, List<List<String>> violations, Instant receivedAt, String requestId,
            String path, boolean signatureOk, ResponseCode response) {
        List<ReceivedEvent> received = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            JsonNode order = orderOf(event);
            received.add(new ReceivedEvent(receivedAt, requestId, path, text(event.get("type")),
                    order == null ? null : text(order.get("order_id")),
                    order == null ? null : text(order.get("order_status")),
                    violations.get(i).isEmpty(), violations.get(i), signatureOk, response, toJson(event)));
        }
        eventLog.addAll(received);
    }

    /** {@code props.order}, or for coupon_order {@code props.coupon} (falling back to its alias {@code order}). */
    private static JsonNode orderOf(JsonNode event) {
        JsonNode props = event.get("props");
        if (props == null || !props.isObject()) {
            return null;
        }
        JsonNode order = "coupon_order".equals(text(event.get("type"))) && props.has("coupon")
                ? props.get("coupon") : props.get("order");
        return order != null && order.isObject() ? order : null;
    }

    /** {@code [1] (custom_order, order_id=A1)} — names the event in an error message. */
    private static String describe(JsonNode event, String label) {
        JsonNode order = event.isObject() ? orderOf(event) : null;
        String type = event.isObject() ? text(event.get("type")) : null;
        String orderId = order == null ? null : text(order.get("order_id"));
        return label + " (" + (type == null ? "no type" : type) + ", order_id=" + orderId + ")";
    }

    private static String text(JsonNode node) {
        return node != null && (node.isTextual() || node.isNumber()) ? node.asText() : null;
    }

    private String toJson(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a parsed JSON node back", e);
        }
    }

    private String answer(ResponseCode code, String message) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("code", code.code());
        answer.put("msg", message);
        return toJson(answer);
    }

    /** Reads at most {@code maxBodyBytes}; {@code null} when the body is larger. */
    private byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }

    private static void respondWithDelay(HttpExchange exchange, int status, String contentType, String body,
            Duration delay) throws IOException {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // stopping: drop the answer, as a server going down would
            }
        }
        HttpResponses.send(exchange, status, contentType, body);
    }

    private static String contentTypeProblem(String contentType) {
        if (contentType == null) {
            return "Content-Type is required: application/json; charset=utf-8";
        }
        String[] parts = contentType.split(";");
        if (!"application/json".equals(parts[0].trim().toLowerCase(Locale.ROOT))) {
            return "Content-Type must be application/json (got '" + contentType + "')";
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if ("charset".equalsIgnoreCase(parameter[0].trim()) && (parameter.length < 2
                    || !"utf-8".equalsIgnoreCase(parameter[1].trim().replace("\"", "")))) {
                return "Content-Type charset must be utf-8 (got '" + contentType + "')";
            }
        }
        return null;
    }

    /** The query parameters, url-decoded; the first value of a repeated parameter wins. */
    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                parameters.putIfAbsent(name, value); // malformed %-escape: keep it raw, the checks will refuse it
            }
        }
        return parameters;
    }

    private static String orFirst(String first, String second) {
        return first != null ? first : second;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String abbreviate(String message) {
        return message.length() <= MAX_LOGGED_MESSAGE ? message : message.substring(0, MAX_LOGGED_MESSAGE) + "...";
    }
}
