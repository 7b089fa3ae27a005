package io.github.youshu.expression;

import io.github.youshu.context.RequestHeaderContextResolver;
import io.github.youshu.context.RequestHeaderNames;
import io.github.youshu.context.YoushuContextResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Warns at startup, once per field, when report annotations leave a required context field
 * ({@link RequiredContext}: {@code page}, {@code chan.chan_wxapp_scene}, {@code wx_user.open_id}) to
 * a source that cannot always supply it, so that their events would be dropped as invalid:
 * <ul>
 * <li>the annotation has no attribute for it, no {@code youshu.defaults.*} value is set, and there
 * is no {@link YoushuContextResolver} at all: every such event is dropped;</li>
 * <li>the same for {@code page} or the scene, but the only resolver reads the mini-program's request
 * headers: events reported outside such a request (a WeChat Pay callback, a scheduled job, a message
 * listener) are dropped. (The open id has no fallback value; an application that reads it from the
 * headers is not warned.)</li>
 * </ul>
 * An application resolver of its own may supply anything, so it silences the warning.
 */
final class RequiredContextCheck {

    /** How many annotations one warning names at most. */
    static final int MAX_NAMED = 10;

    private static final Logger log = LoggerFactory.getLogger(RequiredContextCheck.class);

    private RequiredContextCheck() {
    }

    /**
     * @param operations the report annotations of the application
     * @param defaults   the {@code youshu.defaults.*} values
     * @param resolvers  the context resolvers
     * @return the warnings logged (for tests)
     */
    static List<String> warn(List<ReportOperation> operations, ReportingSettings.Defaults defaults,
                             List<? extends YoushuContextResolver> resolvers) {
        boolean headersOnly = !resolvers.isEmpty() && resolvers.stream().allMatch(RequestHeaderContextResolver.class::isInstance);
        if (!resolvers.isEmpty() && !headersOnly) {
            return List.of();
        }
        RequestHeaderNames headers = RequiredContext.headerNames(resolvers);
        List<String> warnings = new ArrayList<>(3);
        for (RequiredContext required : RequiredContext.values()) {
            if (hasDefault(required, defaults) || headers != null && required == RequiredContext.OPEN_ID) {
                // The open id has no default to fall back on: with the headers, the annotations are trusted to
                // give it where there is no request (README "Request context").
                continue;
            }
            List<String> lacking = operations.stream().filter(operation -> !operation.has(required.attribute()))
                    .map(ReportOperation::label).distinct().sorted().toList();
            if (lacking.isEmpty()) {
                continue;
            }
            String named = String.join(", ", lacking.subList(0, Math.min(MAX_NAMED, lacking.size())))
                    + (lacking.size() > MAX_NAMED ? " and " + (lacking.size() - MAX_NAMED) + " more" : "");
            String warning = headers == null
                    ? "Youshu: nothing configured supplies " + required.field() + " (required by Youshu) to "
                            + lacking.size() + " report annotation(s): " + named + ". All their events will be dropped "
                            + "as invalid. To supply " + required.field() + ": " + required.howToSupply(null) + "."
                    : "Youshu: " + required.field() + " (required by Youshu) comes only from the request header "
                            + required.header(headers) + " for " + lacking.size() + " report annotation(s): " + named
                            + ". Their events reported outside a mini-program request (a WeChat Pay callback, a scheduled "
                            + "job, a message listener) carry no such header and will be dropped as invalid. To supply "
                            + required.field() + ": " + required.howToSupply(headers) + ".";
            log.warn(warning);
            warnings.add(warning);
        }
        return warnings;
    }

    private static boolean hasDefault(RequiredContext required, ReportingSettings.Defaults defaults) {
        return switch (required) {
            case PAGE -> defaults.page() != null && !defaults.page().isBlank();
            case SCENE -> defaults.scene() != null;
            case OPEN_ID -> false;
        };
    }
}
