package io.github.youshu.simulator;

import static io.github.youshu.simulator.PageText.bi;
import static io.github.youshu.simulator.PageText.escape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders {@code GET /simulator}, a page a merchant can read: labels in Chinese and English side by side, times
 * in the merchant's zone, amounts in yuan, open ids masked. Sections: a chart of the amount paid per minute
 * ({@link PaidAmountChart}), every request (refused and faulted ones too, with the app id that arrived and the
 * reason), the behaviour events (each one's validation errors and payload open on click), and the data-api
 * orders with their status history, return orders, daily totals and data sources. Newest first, at most
 * {@value #MAX_ROWS} rows per table. A small inline script refreshes the page every few seconds unless a detail
 * is open or auto-refresh is switched off, opens the detail named by the URL fragment
 * ({@code /simulator#event-req-4-0}: the first event of request req-4; {@code #order-<external_order_id>}), and
 * lists script errors in {@code #js-errors}; no external resource.
 */
final class DashboardPage {

    static final int MAX_ROWS = 500;
    private static final int REFRESH_MILLIS = 3000;
    private static final Set<String> MASKED_FIELDS = Set.of("open_id", "union_id");

    private final String appId;
    private final String merchantId;
    private final ZoneId zone;
    private final ObjectMapper mapper;

    DashboardPage(String appId, String merchantId, ZoneId zone, ObjectMapper mapper) {
        this.appId = appId;
        this.merchantId = merchantId;
        this.zone = zone;
        this.mapper = mapper;
    }

    String render(YoushuSimulator simulator) {
        List<ReceivedEvent> events = simulator.received();
        List<ReceivedRequest> requests = simulator.requests();
        List<JsonNode> eventJson = events.stream().map(event -> parse(event.json())).toList();
        StringBuilder html = new StringBuilder(16384 + events.size() * 1024);
        head(html);
        html.append("<header><h1>").append(bi("有数模拟器", "Youshu simulator")).append("</h1>\n<p class=\"meta\">")
                .append("app_id <code>").append(escape(appId)).append("</code> · ")
                .append(bi("商户", "merchant")).append(" <code>").append(escape(merchantId)).append("</code> · ")
                .append(bi("时区", "time zone")).append(" <b id=\"zone\">").append(escape(zone.getId()))
                .append(" (UTC").append(escape(zone.getRules().getOffset(simulator.now()).getId().replace("Z", "+00:00")))
                .append(")</b> · ").append(bi("金额单位：元", "amounts in yuan (CNY)"))
                .append(" · <label><input type=\"checkbox\" id=\"auto-refresh\" checked> ")
                .append(bi("自动刷新", "auto-refresh")).append("</label></p>\n<p class=\"meta\">")
                .append(bi("接口", "endpoints")).append(": POST <code>").append(ReportHandler.SAFE_REPORT_PATH)
                .append("</code> (").append(bi("签名", "signed")).append("), <code>").append(ReportHandler.REPORT_PATH)
                .append("</code>, <code>").append(DataApiEndpoint.PREFIX).append("…</code> · JSON: ");
        for (String path : List.of(ConsoleHandler.EVENTS_PATH, ConsoleHandler.REQUESTS_PATH, ConsoleHandler.ORDERS_PATH,
                ConsoleHandler.RETURN_ORDERS_PATH, ConsoleHandler.DAILY_TOTALS_PATH, ConsoleHandler.DATA_SOURCES_PATH)) {
            html.append("<a href=\"").append(path).append("\">").append(path.substring("/simulator/".length()))
                    .append("</a> ");
        }
        long accepted = events.stream().filter(ReceivedEvent::accepted).count();
        long refused = requests.stream().filter(r -> !r.accepted()).count();
        html.append("</p>\n<p id=\"summary\"><span class=\"zh\">事件 ").append(events.size()).append(" 条（已受理 ")
                .append(accepted).append(" 条），请求 ").append(requests.size()).append(" 个（被拒绝或故障 ").append(refused)
                .append(" 个）</span><br>").append(events.size()).append(" event(s) kept, ").append(accepted)
                .append(" accepted");
        if (simulator.droppedEvents() > 0) {
            html.append(", ").append(simulator.droppedEvents()).append(" older dropped");
        }
        html.append("; ").append(requests.size()).append(" request(s), ")
                .append(refused).append(" refused or faulted.<br>")
                .append("<span class=\"zh\">待注入故障</span> Pending faults: ")
                .append(describe(simulator.pendingFaults(), false))
                .append(". <span class=\"zh\">数据接口待注入故障</span> Data-api pending faults: ")
                .append(describe(simulator.pendingDataApiFaults(), true)).append(".</p>\n</header>\n");

        html.append("<section id=\"chart-section\"><h2>").append(bi("每分钟支付金额", "Paid amount per minute"))
                .append("</h2>\n<p class=\"note\">").append(bi("已受理的 payed 事件（有数实时订单统计口径），按接收时间",
                        "accepted payed events, what Youshu's real-time order statistics count, by arrival time"))
                .append("</p>\n");
        List<PaidAmountChart.Payment> payments = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            BigDecimal amount = PaidAmountChart.amount(eventJson.get(i));
            if (events.get(i).accepted() && "payed".equals(events.get(i).orderStatus()) && amount != null) {
                payments.add(new PaidAmountChart.Payment(events.get(i).receivedAt(), amount));
            }
        }
        html.append(PaidAmountChart.render(payments, simulator.now(), zone)).append("</section>\n");

        requestsSection(html, requests);
        eventsSection(html, events, eventJson);
        ordersSection(html, simulator);
        html.append("<pre id=\"js-errors\" hidden></pre>\n");
        script(html);
        return html.append("</body></html>\n").toString();
    }

    private static void head(StringBuilder html) {
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<title>有数模拟器 Youshu simulator</title>\n")
                // first script: collect errors of everything after it
                .append("<script>window.pageErrors=[];window.addEventListener('error',function(e){")
                .append("var m=(e.message||'error')+' @'+(e.filename||'')+':'+(e.lineno||0);window.pageErrors.push(m);")
                .append("var p=document.getElementById('js-errors');if(p){p.hidden=false;p.textContent+=m+'\\n';}});")
                .append("</script>\n<style>")
                .append("body{font-family:system-ui,'PingFang SC','Noto Sans CJK SC',sans-serif;margin:1.2em;color:#1f2328}")
                .append("h1{margin:.2em 0}h2{margin:1.2em 0 .4em;font-size:1.15em}")
                .append(".en{color:#656d76;font-size:.85em}.meta,.note{margin:.3em 0;color:#444}")
                .append("table{border-collapse:collapse;width:100%;font-size:.85em}")
                .append("th,td{border:1px solid #d0d7de;padding:.25em .45em;text-align:left;vertical-align:top}")
                .append("th{background:#f6f8fa}td.time{white-space:nowrap}td.num{text-align:right;white-space:nowrap}")
                .append(".ok{color:#1a7f37}.bad{color:#cf222e}.warn{color:#9a6700}")
                .append("pre{max-width:70em;max-height:28em;overflow:auto;background:#f6f8fa;padding:.5em;margin:.3em 0}")
                .append("summary{cursor:pointer;color:#0969da}ul.violations{margin:.2em 0;padding-left:1.2em}")
                .append("#paid-chart{background:#fff;border:1px solid #d0d7de}#paid-chart .bar{fill:#1f883d}")
                .append("#paid-chart .axis{stroke:#8c959f}#paid-chart text{font-size:11px;fill:#57606a}")
                .append("#js-errors{color:#cf222e}</style></head><body>\n");
    }

    private static void script(StringBuilder html) {
        html.append("<script>(function(){var box=document.getElementById('auto-refresh');")
                // /simulator#event-req-4-0 or #order-ORD-1 opens that detail
                .append("var target=location.hash?document.getElementById(decodeURIComponent(location.hash.slice(1))):null;")
                .append("if(target&&target.tagName==='DETAILS'){target.open=true;target.scrollIntoView();}")
                .append("try{if(sessionStorage.getItem('youshu-simulator-refresh')==='off'){box.checked=false;}}catch(e){}")
                .append("box.addEventListener('change',function(){try{sessionStorage.setItem('youshu-simulator-refresh',")
                .append("box.checked?'on':'off');}catch(e){}});")
                .append("setInterval(function(){if(box.checked&&!document.querySelector('details[open]')){location.reload();}},")
                .append(REFRESH_MILLIS).append(");")
                .append("var p=document.getElementById('js-errors');if(window.pageErrors.length){p.hidden=false;")
                .append("p.textContent=window.pageErrors.join('\\n');}")
                .append("document.documentElement.setAttribute('data-ready','true');})();</script>\n");
    }

    private void requestsSection(StringBuilder html, List<ReceivedRequest> requests) {
        html.append("<section id=\"requests-section\"><h2>").append(bi("请求（含被拒绝的）", "Requests, refused ones included"))
                .append("</h2>\n<table id=\"requests\"><thead><tr>")
                .append(th("时间", "time")).append(th("请求", "request")).append(th("接口", "endpoint"))
                .append(th("收到的 app_id", "app_id as received")).append(th("签名", "signature"))
                .append("<th>HTTP</th>").append(th("返回码", "code")).append(th("结果与原因", "result and reason"))
                .append(th("条数", "items")).append("</tr></thead><tbody>\n");
        for (int i = requests.size() - 1; i >= Math.max(0, requests.size() - MAX_ROWS); i--) {
            ReceivedRequest request = requests.get(i);
            html.append("<tr class=\"").append(request.accepted() ? "accepted" : "refused").append("\"><td class=\"time\">")
                    .append(PageText.time(request.receivedAt(), zone)).append("</td><td>")
                    .append(escape(request.requestId())).append("</td><td>").append(escape(request.method())).append(' ')
                    .append(escape(request.path())).append("</td><td class=\"app-id\">")
                    .append(request.appId() == null ? bi("（无）", "(none)") : "<code>" + escape(request.appId()) + "</code>")
                    .append("</td><td class=\"signature\">").append(signature(request.signature())).append("</td><td>")
                    .append(request.httpStatus()).append("</td><td>")
                    .append(request.code() == null ? "" : request.code().toString()).append("</td><td>")
                    .append(request.accepted() ? "<span class=\"ok\">" + bi("已受理", "accepted") + "</span>"
                            : "<span class=\"bad\">" + (request.message().startsWith("simulated")
                                    ? bi("注入的故障", "injected fault") : bi("拒绝", "refused")) + "</span>")
                    .append(request.accepted() && "ok".equals(request.message()) ? ""
                            : " <span class=\"reason\">" + escape(request.message()) + "</span>")
                    .append("</td><td class=\"num\">").append(request.items()).append("</td></tr>\n");
        }
        if (requests.isEmpty()) {
            html.append("<tr><td colspan=\"9\">").append(bi("尚无请求", "no request yet")).append("</td></tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private static String signature(SignatureCheck check) {
        return switch (check) {
            case VALID -> "<span class=\"ok\">" + bi("有效", "valid") + "</span>";
            case INVALID -> "<span class=\"bad\">" + bi("无效", "bad signature") + "</span>";
            case NOT_CHECKED -> bi("未校验", "not checked");
            case UNSIGNED -> bi("无签名接口", "unsigned endpoint");
        };
    }

    private void eventsSection(StringBuilder html, List<ReceivedEvent> events, List<JsonNode> eventJson) {
        html.append("<section id=\"events-section\"><h2>").append(bi("行为事件", "Behaviour events"))
                .append("</h2>\n<table id=\"events\"><thead><tr>")
                .append(th("时间", "time")).append(th("请求", "request")).append(th("类型", "type"))
                .append(th("订单状态", "status")).append(th("订单号", "order id")).append(th("金额", "amount"))
                .append(th("用户（已脱敏）", "user, masked")).append(th("结果", "result"))
                .append(th("校验与报文", "validation and payload")).append("</tr></thead><tbody>\n");
        for (int i = events.size() - 1; i >= Math.max(0, events.size() - MAX_ROWS); i--) {
            ReceivedEvent event = events.get(i);
            JsonNode json = eventJson.get(i);
            int indexInRequest = 0; // events of one request are adjacent in the log
            while (indexInRequest < i && events.get(i - indexInRequest - 1).requestId().equals(event.requestId())) {
                indexInRequest++;
            }
            html.append("<tr class=\"event\"><td class=\"time\">").append(PageText.time(event.receivedAt(), zone))
                    .append("</td><td>").append(escape(event.requestId())).append("</td><td>")
                    .append(PageText.code(PageText.EVENT_TYPES, event.type())).append("</td><td>")
                    .append(PageText.code(PageText.EVENT_STATUSES, event.orderStatus())).append("</td><td>")
                    .append(escape(event.orderId())).append("</td><td class=\"num\">")
                    .append(PageText.yuan(PaidAmountChart.amount(json))).append("</td><td class=\"user\">")
                    .append(escape(PageText.mask(textAt(json, "/props/wx_user/open_id")))).append("</td><td>");
            html.append(event.valid() ? "<span class=\"ok\">" + bi("有效", "valid") + "</span>"
                    : "<span class=\"bad\">" + bi("无效", "invalid") + " (" + event.violations().size() + ")</span>");
            html.append("<br><span class=\"").append(event.accepted() ? "ok" : "bad").append("\">")
                    .append(event.response().code()).append(' ').append(event.response()).append("</span></td><td>")
                    .append("<details id=\"event-").append(escape(event.requestId())).append('-').append(indexInRequest)
                    .append("\"><summary>").append(bi("查看", "show")).append("</summary>");
            if (!event.violations().isEmpty()) {
                html.append("<ul class=\"violations bad\">");
                for (String violation : event.violations()) {
                    html.append("<li>").append(escape(violation)).append("</li>");
                }
                html.append("</ul>");
            }
            html.append("<pre class=\"payload\">").append(escape(maskedJson(json))).append("</pre></details></td></tr>\n");
        }
        if (events.isEmpty()) {
            html.append("<tr><td colspan=\"9\"><span class=\"zh\">尚无事件</span> nothing received yet</td></tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private void ordersSection(StringBuilder html, YoushuSimulator simulator) {
        List<ReceivedOrder> orders = simulator.orders();
        html.append("<section id=\"orders-section\"><h2>").append(bi("订单数据（data-api）", "Backend orders (data-api)"))
                .append("</h2>\n<table id=\"orders\"><thead><tr>")
                .append(th("订单号", "order id")).append(th("当前状态", "status")).append(th("实付金额", "paid"))
                .append(th("用户（已脱敏）", "user, masked")).append(th("状态变更时间", "status changed"))
                .append(th("状态历史（按到达顺序）", "status history, in arrival order"))
                .append("</tr></thead><tbody>\n");
        for (int i = orders.size() - 1; i >= Math.max(0, orders.size() - MAX_ROWS); i--) {
            ReceivedOrder order = orders.get(i);
            JsonNode json = order.json() == null ? mapper.createObjectNode() : parse(order.json());
            OrderStatusChange last = order.history().get(order.history().size() - 1);
            html.append("<tr class=\"order\"><td>").append(escape(order.externalOrderId())).append("</td><td>")
                    .append(PageText.code(PageText.ORDER_STATUSES, order.status())).append("</td><td class=\"num\">")
                    .append(PageText.yuan(decimalAt(json, "/payment_amount"))).append("</td><td class=\"user\">")
                    .append(escape(PageText.mask(textAt(json, "/user_info/open_id")))).append("</td><td class=\"time\">")
                    .append(PageText.time(Instant.ofEpochMilli(last.statusChangeTime()), zone))
                    .append("</td><td><details id=\"order-").append(escape(order.externalOrderId()))
                    .append("\"><summary class=\"history\">");
            List<String> statuses = new ArrayList<>();
            order.history().forEach(change -> statuses.add(escape(change.orderStatus())));
            html.append(String.join(" → ", statuses)).append("</summary><ol>");
            for (OrderStatusChange change : order.history()) {
                html.append("<li>").append(PageText.code(PageText.ORDER_STATUSES, change.orderStatus())).append(" · ")
                        .append(PageText.time(Instant.ofEpochMilli(change.statusChangeTime()), zone)).append(" · ")
                        .append(escape(change.endpoint())).append(' ').append(escape(change.requestId()));
                if (change.outOfOrder()) {
                    html.append(" <span class=\"warn\">").append(bi("乱序到达", "arrived out of order")).append("</span>");
                }
                html.append("</li>");
            }
            html.append("</ol>");
            if (order.json() != null) {
                html.append("<pre class=\"payload\">").append(escape(maskedJson(json))).append("</pre>");
            }
            html.append("</details></td></tr>\n");
        }
        if (orders.isEmpty()) {
            html.append("<tr><td colspan=\"6\">").append(bi("尚无订单", "no order yet")).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
        itemsTable(html, "return-orders", bi("退货单", "Return orders"), simulator.returnOrders(),
                List.of(new String[] {"external_order_id", "订单号", "order id"},
                        new String[] {"return_order_amount", "退款金额", "refunded"},
                        new String[] {"return_num", "件数", "units"}));
        itemsTable(html, "daily-totals", bi("每日汇总", "Daily totals"), simulator.dailyTotals(),
                List.of(new String[] {"give_order_amount_sum", "下单金额", "ordered amount"},
                        new String[] {"give_order_num_sum", "下单数", "orders"},
                        new String[] {"payment_amount_sum", "支付金额", "paid amount"},
                        new String[] {"payed_num_sum", "支付单数", "paid orders"}));
        html.append("<p id=\"data-sources\">").append(bi("数据源", "data sources")).append(": ");
        List<DataSource> sources = simulator.dataSources();
        if (sources.isEmpty()) {
            html.append(bi("无（data_source/add 创建）", "none (data_source/add creates one)"));
        }
        for (DataSource source : sources) {
            html.append("<code>").append(escape(source.id())).append("</code> (").append(bi("商户", "merchant"))
                    .append(' ').append(escape(source.merchantId())).append(") ");
        }
        html.append("</p></section>\n");
    }

    /** A table of return orders or daily totals: id, the given fields (amount fields in yuan), payload on click. */
    private void itemsTable(StringBuilder html, String id, String title, List<ReceivedItem> items,
            List<String[]> columns) {
        boolean dailyTotals = "daily-totals".equals(id);
        html.append("<h3>").append(title).append("</h3><table id=\"").append(id).append("\"><thead><tr>")
                .append(dailyTotals ? th("日期", "day") : th("退货单号", "return order id"));
        columns.forEach(column -> html.append(th(column[1], column[2])));
        html.append(th("报文", "payload")).append("</tr></thead><tbody>\n");
        for (int i = items.size() - 1; i >= Math.max(0, items.size() - MAX_ROWS); i--) {
            ReceivedItem item = items.get(i);
            JsonNode json = parse(item.json());
            html.append("<tr><td>").append(dailyTotals
                    ? escape(PageText.time(Instant.ofEpochMilli(Long.parseLong(item.id())), zone)) : escape(item.id()));
            for (String[] column : columns) {
                JsonNode value = json.path(column[0]);
                html.append("</td><td class=\"num\">").append(column[0].contains("amount")
                        ? PageText.yuan(value.isNumber() ? value.decimalValue() : null) : escape(value.asText()));
            }
            html.append("</td><td><details><summary>").append(bi("查看", "show")).append("</summary><pre class=\"payload\">")
                    .append(escape(maskedJson(json))).append("</pre></details></td></tr>\n");
        }
        if (items.isEmpty()) {
            html.append("<tr><td colspan=\"").append(columns.size() + 2).append("\">").append(bi("无", "none"))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static String th(String zh, String en) {
        return "<th>" + bi(zh, en) + "</th>";
    }

    private static String describe(FaultPlan.Pending faults, boolean dataApi) {
        List<String> pending = new ArrayList<>();
        if (faults.failNext() > 0) {
            pending.add("fail next " + faults.failNext() + " with HTTP " + faults.status());
        }
        if (faults.rejectNext() > 0) {
            pending.add((dataApi ? "answer retcode " + faults.rejectCode() + " to the next " : "reject next ")
                    + faults.rejectNext());
        }
        if (faults.delayNext() > 0) {
            pending.add("delay next " + faults.delayNext() + " by " + faults.delayMillis() + " ms");
        }
        return pending.isEmpty() ? "none" : String.join(", ", pending);
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read back a stored JSON text", e);
        }
    }

    /** Pretty JSON with every open id and union id masked. */
    private String maskedJson(JsonNode json) {
        JsonNode copy = json.deepCopy();
        mask(copy);
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(copy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON node", e);
        }
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (MASKED_FIELDS.contains(field.getKey()) && field.getValue().isTextual()) {
                    field.setValue(object.textNode(PageText.mask(field.getValue().asText())));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(DashboardPage::mask);
        }
    }

    private static String textAt(JsonNode json, String pointer) {
        JsonNode value = json.at(pointer);
        return value.isTextual() ? value.asText() : null;
    }

    private static BigDecimal decimalAt(JsonNode json, String pointer) {
        JsonNode value = json.at(pointer);
        return value.isNumber() ? value.decimalValue() : null;
    }
}
