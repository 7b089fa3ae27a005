package io.github.youshu.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulator's own endpoints: {@code GET /simulator} (HTML page), {@code GET|DELETE /simulator/events}
 * (received events as JSON, or reset everything), {@code GET /simulator/requests} (every request),
 * {@code GET /simulator/orders} and {@code /simulator/orders/{id}}, {@code /simulator/return-orders},
 * {@code /simulator/daily-totals}, {@code /simulator/data-sources} (data-api data as JSON), and
 * {@code GET|POST /simulator/faults} and {@code /simulator/data-api/faults} (pending faults, or plan some).
 */
final class ConsoleHandler implements HttpHandler {

    static final String PAGE_PATH = "/simulator";
    static final String EVENTS_PATH = "/simulator/events";
    static final String REQUESTS_PATH = "/simulator/requests";
    static final String FAULTS_PATH = "/simulator/faults";
    static final String DATA_API_FAULTS_PATH = "/simulator/data-api/faults";
    static final String ORDERS_PATH = "/simulator/orders";
    static final String RETURN_ORDERS_PATH = "/simulator/return-orders";
    static final String DAILY_TOTALS_PATH = "/simulator/daily-totals";
    static final String DATA_SOURCES_PATH = "/simulator/data-sources";

    private static final int MAX_FAULTS_BODY_BYTES = 4096;
    private static final Set<String> FAULT_KEYS = Set.of("failNext", "status", "delayNext", "delayMillis", "rejectNext");
    private static final Set<String> DATA_API_FAULT_KEYS =
            Set.of("failNext", "status", "delayNext", "delayMillis", "retcodeNext", "retcode");

    private final YoushuSimulator simulator;
    private final ObjectMapper mapper;
    private final DashboardPage page;

    ConsoleHandler(YoushuSimulator simulator, ObjectMapper mapper, DashboardPage page) {
        this.simulator = simulator;
        this.mapper = mapper;
        this.page = page;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (EVENTS_PATH.equals(path)) {
                if ("DELETE".equals(method)) {
                    simulator.reset();
                    HttpResponses.send(exchange, 200, HttpResponses.JSON, "{\"code\":0,\"msg\":\"reset\"}");
                } else if ("GET".equals(method)) {
                    HttpResponses.send(exchange, 200, HttpResponses.JSON, eventsJson(simulator.received()));
                } else {
                    HttpResponses.methodNotAllowed(exchange, "GET, DELETE");
                }
            } else if (FAULTS_PATH.equals(path) || DATA_API_FAULTS_PATH.equals(path)) {
                handleFaults(exchange, method, DATA_API_FAULTS_PATH.equals(path));
            } else if (!"GET".equals(method)) {
                HttpResponses.methodNotAllowed(exchange, "GET");
            } else if (PAGE_PATH.equals(path) || (PAGE_PATH + "/").equals(path)) {
                HttpResponses.send(exchange, 200, HttpResponses.HTML, page.render(simulator));
            } else {
                String json = json(path);
                if (json == null) {
                    HttpResponses.notFound(exchange);
                } else {
                    HttpResponses.send(exchange, 200, HttpResponses.JSON, json);
                }
            }
        } finally {
            exchange.close();
        }
    }

    /** The JSON answer to {@code GET path}; {@code null} when there is no such resource. */
    private String json(String path) throws JsonProcessingException {
        return switch (path) {
            case REQUESTS_PATH -> mapper.writeValueAsString(requestsJson(simulator.requests()));
            case ORDERS_PATH -> {
                ArrayNode orders = mapper.createArrayNode();
                for (ReceivedOrder order : simulator.orders()) {
                    orders.add(orderJson(order));
                }
                yield mapper.writeValueAsString(orders);
            }
            case RETURN_ORDERS_PATH -> itemsJson(simulator.returnOrders(), "externalReturnOrderId");
            case DAILY_TOTALS_PATH -> itemsJson(simulator.dailyTotals(), "refDate");
            case DATA_SOURCES_PATH -> mapper.writeValueAsString(simulator.dataSources());
            default -> {
                if (!path.startsWith(ORDERS_PATH + "/")) {
                    yield null;
                }
                String id = URLDecoder.decode(path.substring(ORDERS_PATH.length() + 1), StandardCharsets.UTF_8);
                Optional<ReceivedOrder> order = simulator.order(id);
                yield order.isEmpty() ? null : mapper.writeValueAsString(orderJson(order.get()));
            }
        };
    }

    private void handleFaults(HttpExchange exchange, String method, boolean dataApi) throws IOException {
        if ("POST".equals(method)) {
            byte[] body = exchange.getRequestBody().readNBytes(MAX_FAULTS_BODY_BYTES + 1);
            String problem = planFaults(body, dataApi);
            if (problem != null) {
                HttpResponses.send(exchange, 400, HttpResponses.TEXT, problem + "\n");
                return;
            }
        } else if (!"GET".equals(method)) {
            HttpResponses.methodNotAllowed(exchange, "GET, POST");
            return;
        }
        HttpResponses.send(exchange, 200, HttpResponses.JSON, dataApi
                ? mapper.writeValueAsString(dataApiFaultsJson(simulator.pendingDataApiFaults()))
                : mapper.writeValueAsString(simulator.pendingFaults()));
    }

    /**
     * Applies a plan: {@code {"failNext":3,"status":503}}, {@code {"delayNext":2,"delayMillis":3000}}, and for the
     * report endpoints {@code {"rejectNext":1}}, for the data-api {@code {"retcodeNext":2,"retcode":5}}.
     *
     * @return what is wrong with the plan, or {@code null} when it was applied
     */
    private String planFaults(byte[] body, boolean dataApi) {
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
                    + (dataApi ? " or {\"retcodeNext\":2,\"retcode\":5}" : " or {\"rejectNext\":1}");
        }
        Set<String> keys = dataApi ? DATA_API_FAULT_KEYS : FAULT_KEYS;
        for (Map.Entry<String, JsonNode> field : plan.properties()) {
            if (!keys.contains(field.getKey())) {
                return "unknown key '" + field.getKey() + "'; expected one of " + List.copyOf(keys);
            }
            if (!field.getValue().canConvertToInt() || !field.getValue().isIntegralNumber()) {
                return field.getKey() + " must be an integer";
            }
        }
        if (plan.has("delayNext") != plan.has("delayMillis")) {
            return "delayNext and delayMillis go together";
        }
        if (plan.has("retcodeNext") != plan.has("retcode")) {
            return "retcodeNext and retcode go together";
        }
        if (plan.has("status") && !plan.has("failNext")) {
            return "status needs failNext";
        }
        try {
            if (plan.has("failNext")) {
                int count = plan.get("failNext").intValue();
                int status = plan.has("status") ? plan.get("status").intValue() : 503;
                if (dataApi) {
                    simulator.failNextDataApi(count, status);
                } else {
                    simulator.failNext(count, status);
                }
            }
            if (plan.has("delayNext")) {
                int count = plan.get("delayNext").intValue();
                Duration delay = Duration.ofMillis(plan.get("delayMillis").intValue());
                if (dataApi) {
                    simulator.delayNextDataApi(count, delay);
                } else {
                    simulator.delayNext(count, delay);
                }
            }
            if (plan.has("rejectNext")) {
                simulator.rejectNext(plan.get("rejectNext").intValue());
            }
            if (plan.has("retcodeNext")) {
                simulator.retcodeNextDataApi(plan.get("retcodeNext").intValue(), plan.get("retcode").intValue());
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    private ObjectNode dataApiFaultsJson(FaultPlan.Pending pending) {
        ObjectNode node = mapper.createObjectNode();
        node.put("failNext", pending.failNext());
        node.put("status", pending.status());
        node.put("retcodeNext", pending.rejectNext());
        node.put("retcode", pending.rejectCode());
        node.put("delayNext", pending.delayNext());
        node.put("delayMillis", pending.delayMillis());
        return node;
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

    private ArrayNode requestsJson(List<ReceivedRequest> requests) {
        ArrayNode array = mapper.createArrayNode();
        for (ReceivedRequest request : requests) {
            ObjectNode node = array.addObject();
            node.put("requestId", request.requestId());
            node.put("receivedAt", request.receivedAt().toString());
            node.put("method", request.method());
            node.put("path", request.path());
            node.put("appId", request.appId());
            node.put("signature", request.signature().name());
            node.put("httpStatus", request.httpStatus());
            node.put("code", request.code());
            node.put("message", request.message());
            node.put("items", request.items());
            node.put("accepted", request.accepted());
        }
        return array;
    }

    private ObjectNode orderJson(ReceivedOrder order) throws JsonProcessingException {
        ObjectNode node = mapper.createObjectNode();
        node.put("externalOrderId", order.externalOrderId());
        node.put("status", order.status());
        ArrayNode history = node.putArray("history");
        for (OrderStatusChange change : order.history()) {
            history.addObject()
                    .put("orderStatus", change.orderStatus())
                    .put("statusChangeTime", Long.toString(change.statusChangeTime()))
                    .put("endpoint", change.endpoint())
                    .put("requestId", change.requestId())
                    .put("receivedAt", change.receivedAt().toString())
                    .put("outOfOrder", change.outOfOrder());
        }
        if (order.json() != null) {
            node.set("order", mapper.readTree(order.json()));
        }
        return node;
    }

    private String itemsJson(List<ReceivedItem> items, String idName) throws JsonProcessingException {
        ArrayNode array = mapper.createArrayNode();
        for (ReceivedItem item : items) {
            ObjectNode node = array.addObject();
            node.put(idName, item.id());
            node.put("requestId", item.requestId());
            node.put("receivedAt", item.receivedAt().toString());
            node.set("item", mapper.readTree(item.json()));
        }
        return mapper.writeValueAsString(array);
    }
}
