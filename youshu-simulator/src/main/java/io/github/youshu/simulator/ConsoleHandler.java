package io.github.youshu.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's own endpoints: {@code GET /simulator} (HTML page), {@code GET|DELETE /simulator/events}
 * (received events as JSON, or reset) and {@code GET|POST /simulator/faults} (pending faults, or plan some).
 */
final class ConsoleHandler implements HttpHandler {

    static final String PAGE_PATH = "/simulator";
    static final String EVENTS_PATH = "/simulator/events";
    static final String FAULTS_PATH = "/simulator/faults";

    private static final int MAX_FAULTS_BODY_BYTES = 4096;
    private static final Set<String> FAULT_KEYS = Set.of("failNext", "status", "delayNext", "delayMillis", "rejectNext");

    private final YoushuSimulator simulator;
    private final EventLog eventLog;
    private final FaultPlan faults;
    private final ObjectMapper mapper;
    private final DashboardPage page;

    ConsoleHandler(YoushuSimulator simulator, EventLog eventLog, FaultPlan faults, ObjectMapper mapper,
            DashboardPage page) {
        this.simulator = simulator;
        this.eventLog = eventLog;
        this.faults = faults;
        this.mapper = mapper;
        this.page = page;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (PAGE_PATH.equals(path) || (PAGE_PATH + "/").equals(path)) {
                if (!"GET".equals(method)) {
                    HttpResponses.methodNotAllowed(exchange, "GET");
                    return;
                }
                HttpResponses.send(exchange, 200, HttpResponses.HTML,
                        page.render(eventLog.snapshot(), eventLog.dropped(), faults.pending()));
            } else if (EVENTS_PATH.equals(path)) {
                if ("GET".equals(method)) {
                    HttpResponses.send(exchange, 200, HttpResponses.JSON, eventsJson(eventLog.snapshot()));
                } else if ("DELETE".equals(method)) {
                    simulator.reset();
                    HttpResponses.send(exchange, 200, HttpResponses.JSON, "{\"code\":0,\"msg\":\"reset\"}");
                } else {
                    HttpResponses.methodNotAllowed(exchange, "GET, DELETE");
                }
            } else if (FAULTS_PATH.equals(path)) {
                if ("POST".equals(method)) {
                    String problem = planFaults(exchange.getRequestBody().readNBytes(MAX_FAULTS_BODY_BYTES + 1));
                    if (problem != null) {
                        HttpResponses.send(exchange, 400, HttpResponses.TEXT, problem + "\n");
                        return;
                    }
                } else if (!"GET".equals(method)) {
                    HttpResponses.methodNotAllowed(exchange, "GET, POST");
                    return;
                }
                HttpResponses.send(exchange, 200, HttpResponses.JSON, mapper.writeValueAsString(faults.pending()));
            } else {
                HttpResponses.notFound(exchange);
            }
        } finally {
            exchange.close();
        }
    }

    /** Applies {@code {"failNext":3,"status":503}}, {@code {"delayNext":2,"delayMillis":3000}}, {@code {"rejectNext":1}}. */
    private String planFaults(byte[] body) {
        if (body.length > MAX_FAULTS_BODY_BYTES) {
            return "body too large";
        }
        JsonNode plan;
        try {
            plan = mapper.readTree(body);
        } catch (IOException e) {
            return "body is not valid JSON";
        }
        if (plan == null || !plan.isObject()) {
            return "expected a JSON object such as {\"failNext\":3,\"status\":503}, {\"delayNext\":2,\"delayMillis\":3000}"
                    + " or {\"rejectNext\":1}";
        }
        for (Map.Entry<String, JsonNode> field : plan.properties()) {
            if (!FAULT_KEYS.contains(field.getKey())) {
                return "unknown key '" + field.getKey() + "'; expected one of " + List.copyOf(FAULT_KEYS);
            }
            if (!field.getValue().canConvertToInt() || !field.getValue().isIntegralNumber()) {
                return field.getKey() + " must be an integer";
            }
        }
        if (plan.has("delayNext") != plan.has("delayMillis")) {
            return "delayNext and delayMillis go together";
        }
        if (plan.has("status") && !plan.has("failNext")) {
            return "status needs failNext";
        }
        try {
            if (plan.has("failNext")) {
                simulator.failNext(plan.get("failNext").intValue(),
                        plan.has("status") ? plan.get("status").intValue() : 503);
            }
            if (plan.has("delayNext")) {
                simulator.delayNext(plan.get("delayNext").intValue(),
                        Duration.ofMillis(plan.get("delayMillis").intValue()));
            }
            if (plan.has("rejectNext")) {
                simulator.rejectNext(plan.get("rejectNext").intValue());
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    private String eventsJson(List<ReceivedEvent> events) throws JsonProcessingException {
        ArrayNode array = mapper.createArrayNode();
        for (ReceivedEvent event : events) {
            ObjectNode node = array.addObject();
            node.put("receivedAt", event.receivedAt().toString());
            node.put("requestId", event.requestId());
            node.put("endpoint", event.endpoint());
            node.put("type", event.type());
            node.put("orderId", event.orderId());
            node.put("orderStatus", event.orderStatus());
            node.put("valid", event.valid());
            ArrayNode violations = node.putArray("violations");
            event.violations().forEach(violations::add);
            node.put("signatureOk", event.signatureOk());
            node.put("accepted", event.accepted());
            node.put("responseCode", event.response().code());
            node.set("event", mapper.readTree(event.json()));
        }
        return mapper.writeValueAsString(array);
    }
}
