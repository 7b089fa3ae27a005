package io.github.youshu.expression;

import io.github.youshu.context.RequestHeaderContextResolver;
import io.github.youshu.context.RequestHeaderNames;
import io.github.youshu.context.YoushuContextResolver;
import io.github.youshu.validation.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The common props Youshu requires on every event that only the call's context can give
 * (wire-contract "Validation rules": {@code page}, {@code chan.chan_wxapp_scene},
 * {@code wx_user.open_id}), with every way to supply each: the annotation attribute, the
 * {@code youshu.defaults.*} property where a fixed value makes sense, the mini-program's request
 * header, or a {@code YoushuContextResolver}. Used for the startup warning and the drop message.
 */
enum RequiredContext {

    PAGE("props.page", "page", ReportAttribute.PAGE, "youshu.defaults.page", "pages/index/index", "page(...)",
            RequestHeaderNames::page),
    SCENE("props.chan.chan_wxapp_scene", "chan.chan_wxapp_scene", ReportAttribute.SCENE, "youshu.defaults.scene", "1001",
            "scene(...)", RequestHeaderNames::scene),
    OPEN_ID("props.wx_user.open_id", "wx_user.open_id", ReportAttribute.OPEN_ID, null, null, "wxUser(null, openId)",
            RequestHeaderNames::openId);

    private final String path;
    private final String field;
    private final ReportAttribute attribute;
    private final String property;
    private final String example;
    private final String builderCall;
    private final Function<RequestHeaderNames, String> header;

    RequiredContext(String path, String field, ReportAttribute attribute, String property, String example,
                    String builderCall, Function<RequestHeaderNames, String> header) {
        this.path = path;
        this.field = field;
        this.attribute = attribute;
        this.property = property;
        this.example = example;
        this.builderCall = builderCall;
        this.header = header;
    }

    /** The field as Youshu names it, e.g. {@code chan.chan_wxapp_scene}. */
    String field() {
        return field;
    }

    /** The annotation attribute that gives the field. */
    ReportAttribute attribute() {
        return attribute;
    }

    /** The {@code youshu.defaults.*} property that gives a fallback value, or {@code null} when none makes sense. */
    String property() {
        return property;
    }

    /** The request header that carries the field. */
    String header(RequestHeaderNames headers) {
        return header.apply(headers);
    }

    /**
     * How to supply the field, e.g. {@code set youshu.defaults.page (e.g. pages/index/index), give page on the
     * annotation, or send the X-Youshu-Page header from the mini-program}.
     *
     * @param headers the header names the request-header resolver reads, or {@code null} when there is none
     */
    String howToSupply(RequestHeaderNames headers) {
        return howToSupply(headers, false);
    }

    /** @param fromCode whether the event was built in code ({@code YoushuReporter.report}) rather than by an annotation */
    private String howToSupply(RequestHeaderNames headers, boolean fromCode) {
        String annotation = fromCode ? "set it on the event (CommonProps.builder()." + builderCall + ")"
                : attribute == ReportAttribute.OPEN_ID ? "give openId on the annotation (e.g. openId = \"#result.openId\")"
                : "give " + attribute.attributeName() + " on the annotation";
        String fallback = property == null ? "" : "set " + property + " (e.g. " + example + "), ";
        String request = headers != null
                ? "send the " + header(headers) + " header from the mini-program"
                : "register a YoushuContextResolver (the mini-program's " + header(RequestHeaderNames.DEFAULTS)
                        + " header is read only in a servlet web application)";
        return fallback + annotation + ", or " + request;
    }

    /** The header names of the first request-header resolver among the resolvers, or {@code null} when there is none. */
    static RequestHeaderNames headerNames(List<? extends YoushuContextResolver> resolvers) {
        for (YoushuContextResolver resolver : resolvers) {
            if (resolver instanceof RequestHeaderContextResolver headers) {
                return headers.headers();
            }
        }
        return null;
    }

    /**
     * Advice for the required context fields among the violations, e.g.
     * {@code . To supply page: set youshu.defaults.page ...}; empty when none is missing.
     *
     * @param headers  the header names the request-header resolver reads, or {@code null} when there is none
     * @param fromCode whether the event was built in code ({@code YoushuReporter.report}) rather than by an annotation
     */
    static String advice(List<Violation> violations, RequestHeaderNames headers, boolean fromCode) {
        List<String> advice = new ArrayList<>(3);
        for (RequiredContext required : values()) {
            for (Violation violation : violations) {
                if (violation.path().equals(required.path)
                        && (violation.message().equals("is required") || violation.message().equals("must not be blank"))) {
                    advice.add("to supply " + required.field + ": " + required.howToSupply(headers, fromCode));
                    break;
                }
            }
        }
        if (advice.isEmpty()) {
            return "";
        }
        String joined = String.join("; ", advice);
        return ". " + Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }
}
