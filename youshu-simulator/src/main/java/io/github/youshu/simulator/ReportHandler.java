package io.github.youshu.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code POST /api/v1/safe-report} (signed) and {@code POST /api/report} (unsigned): injects the planned
 * faults, authenticates, validates every event, records them and answers {@code {"code":..,"msg":..}}. A request
 * is accepted or refused whole. Every request, refused and faulted ones included, goes to the {@link RequestLog}
 * with the app id that arrived; one summary log line per request.
 */
final class ReportHandler implements HttpHandler {

    static final String SAFE_REPORT_PATH = "/api/v1/safe-report";
    static final String REPORT_PATH = "/api/report";

    private static final Logger log = LoggerFactory.getLogger(YoushuSimulator.class);
    private static final int MAX_LOGGED_MESSAGE = 300;

    private final RequestAuthenticator authenticator;
    private final EventValidator validator = new EventValidator();
    private final BoundedLog<ReceivedEvent> eventLog;
    private final RequestLog requestLog;
    private final FaultPlan faults;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final int maxBodyBytes;

    ReportHandler(RequestAuthenticator authenticator, BoundedLog<ReceivedEvent> eventLog, RequestLog requestLog,
            FaultPlan faults, ObjectMapper mapper, Clock clock, int maxBodyBytes) {
        this.authenticator = authenticator;
        this.eventLog = eventLog;
        this.requestLog = requestLog;
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
            String requestId = requestLog.nextId();
            Instant receivedAt = clock.instant();
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
            String arrivedAppId = HttpRequests.query(exchange).get("app_id");
            byte[] body = HttpRequests.readBody(exchange.getRequestBody(), maxBodyBytes);
            if (body == null) {
                String problem = "body larger than " + maxBodyBytes + " bytes";
                requestLog.addUnanswered(requestId, receivedAt, "POST", path, arrivedAppId, 413, problem);
                HttpResponses.send(exchange, 413, HttpResponses.TEXT, problem + "\n");
                log.info("{} POST {}: HTTP 413, {}", requestId, path, problem);
                return;
            }
            FaultPlan.Fault fault = faults.take();
            if (fault.failStatus() != 0) {
                String problem = "simulated failure (HTTP " + fault.failStatus() + ")";
                requestLog.addUnanswered(requestId, receivedAt, "POST", path, arrivedAppId, fault.failStatus(),
                        problem);
                HttpResponses.sendAfter(fault.delay(), exchange, fault.failStatus(), HttpResponses.TEXT,
                        problem + "\n");
                log.info("{} POST {}: simulated HTTP {}, nothing processed", requestId, path, fault.failStatus());
                return;
            }
            if (fault.reject()) {
                requestLog.add(new ReceivedRequest(requestId, receivedAt, "POST", path, arrivedAppId,
                        SignatureCheck.NOT_CHECKED, 200, fault.rejectCode(), "simulated rejection", 0));
                HttpResponses.sendAfter(fault.delay(), exchange, 200, HttpResponses.JSON,
                        answer(fault.rejectCode(), "simulated rejection"));
                log.info("{} POST {}: simulated rejection (code {}), nothing processed", requestId, path,
                        fault.rejectCode());
                return;
            }
            Outcome outcome = process(exchange, path, requestId, receivedAt, body);
            HttpResponses.sendAfter(fault.delay(), exchange, 200, HttpResponses.JSON,
                    answer(outcome.code().code(), outcome.message()));
            log.info("{} POST {}: {} event(s), code {}{}", requestId, path, outcome.events(),
                    outcome.code().code(), outcome.code() == ResponseCode.OK ? ""
                            : " (" + HttpRequests.abbreviate(outcome.message(), MAX_LOGGED_MESSAGE) + ")");
        } finally {
            exchange.close();
        }
    }

    private record Outcome(ResponseCode code, String message, int events) {
    }

    private Outcome process(HttpExchange exchange, String path, String requestId, Instant receivedAt, byte[] body) {
        boolean signed = SAFE_REPORT_PATH.equals(path);
        RequestAuthenticator.Result auth = authenticator.authenticate(HttpRequests.query(exchange), signed);

        String requestProblem = HttpRequests.contentTypeProblem(exchange.getRequestHeaders().getFirst("Content-Type"));
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
            requestProblem = orFirst(requestProblem, "body is not valid JSON: " + HttpRequests.firstLine(e));
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
        requestLog.add(new ReceivedRequest(requestId, receivedAt, "POST", path, auth.appId(), auth.signature(), 200,
                code.code(), message, events == null ? 0 : events.size()));
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

    private String answer(int code, String message) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("code", code);
        answer.put("msg", message);
        return toJson(answer);
    }

    private static String orFirst(String first, String second) {
        return first != null ? first : second;
    }
}
