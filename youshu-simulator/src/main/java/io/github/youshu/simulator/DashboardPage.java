package io.github.youshu.simulator;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Renders {@code GET /simulator}: the latest received events, newest first, in an auto-refreshing table. */
final class DashboardPage {

    static final int MAX_ROWS = 500;
    private static final int REFRESH_SECONDS = 2;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final String appId;

    DashboardPage(String appId) {
        this.appId = appId;
    }

    String render(List<ReceivedEvent> events, long dropped, FaultPlan.Pending faults) {
        long accepted = events.stream().filter(ReceivedEvent::accepted).count();
        StringBuilder html = new StringBuilder(4096 + events.size() * 256);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"").append(REFRESH_SECONDS).append("\">")
                .append("<title>Youshu simulator</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:1.5em}")
                .append("table{border-collapse:collapse;width:100%;font-size:.9em}")
                .append("th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}")
                .append("td:nth-child(-n+3){white-space:nowrap}th{background:#f3f3f3}.ok{color:#1a7f37}.bad{color:#cf222e}")
                .append("code{font-size:.95em}</style></head><body>\n")
                .append("<h1>Youshu simulator</h1>\n<p>app_id <code>").append(escape(appId))
                .append("</code> &middot; POST <code>").append(ReportHandler.SAFE_REPORT_PATH)
                .append("</code> (signed) and <code>").append(ReportHandler.REPORT_PATH).append("</code>")
                .append(" &middot; <a href=\"").append(ConsoleHandler.EVENTS_PATH).append("\">events as JSON</a></p>\n")
                .append("<p>").append(events.size()).append(" event(s) kept, ").append(accepted).append(" accepted");
        if (dropped > 0) {
            html.append(", ").append(dropped).append(" older dropped");
        }
        if (events.size() > MAX_ROWS) {
            html.append("; showing the latest ").append(MAX_ROWS);
        }
        html.append(". Pending faults: ").append(describe(faults)).append(".</p>\n")
                .append("<table><thead><tr><th>time</th><th>request</th><th>endpoint</th><th>type</th>")
                .append("<th>status</th><th>order id</th><th>valid</th><th>signature</th><th>answer</th>")
                .append("</tr></thead><tbody>\n");
        for (int i = events.size() - 1; i >= Math.max(0, events.size() - MAX_ROWS); i--) {
            appendRow(html, events.get(i));
        }
        if (events.isEmpty()) {
            html.append("<tr><td colspan=\"9\">nothing received yet</td></tr>\n");
        }
        return html.append("</tbody></table>\n</body></html>\n").toString();
    }

    private static String describe(FaultPlan.Pending faults) {
        List<String> pending = new ArrayList<>();
        if (faults.failNext() > 0) {
            pending.add("fail next " + faults.failNext() + " with HTTP " + faults.status());
        }
        if (faults.rejectNext() > 0) {
            pending.add("reject next " + faults.rejectNext());
        }
        if (faults.delayNext() > 0) {
            pending.add("delay next " + faults.delayNext() + " by " + faults.delayMillis() + " ms");
        }
        return pending.isEmpty() ? "none" : String.join(", ", pending);
    }

    private static void appendRow(StringBuilder html, ReceivedEvent event) {
        html.append("<tr><td>").append(TIME.format(event.receivedAt()))
                .append("</td><td>").append(escape(event.requestId()))
                .append("</td><td>").append(escape(event.endpoint()))
                .append("</td><td>").append(escape(event.type()))
                .append("</td><td>").append(escape(event.orderStatus()))
                .append("</td><td>").append(escape(event.orderId()))
                .append("</td><td>");
        if (event.valid()) {
            html.append("<span class=\"ok\">valid</span>");
        } else {
            html.append("<span class=\"bad\">");
            for (String violation : event.violations()) {
                html.append(escape(violation)).append("<br>");
            }
            html.append("</span>");
        }
        html.append("</td><td>");
        if (ReportHandler.REPORT_PATH.equals(event.endpoint())) {
            html.append("unsigned");
        } else {
            html.append(event.signatureOk() ? "<span class=\"ok\">ok</span>" : "<span class=\"bad\">bad</span>");
        }
        html.append("</td><td>").append(event.accepted() ? "<span class=\"ok\">" : "<span class=\"bad\">")
                .append(event.response().code()).append(' ').append(event.response()).append("</span></td></tr>\n");
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
