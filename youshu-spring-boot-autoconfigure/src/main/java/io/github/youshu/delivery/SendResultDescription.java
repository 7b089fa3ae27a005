package io.github.youshu.delivery;

import io.github.youshu.transport.SendResult;

/**
 * A request's outcome in a few words for logs, dead letters and health, saying each fact once:
 * {@code HTTP 503}, {@code HTTP 200, code 40099}, {@code HTTP 200, code 40001: invalid open_id},
 * {@code no response: timed out} (never {@code HTTP 503: HTTP 503} or {@code code 40099: code 40099},
 * as the transport's messages often name the status or the code themselves).
 */
public final class SendResultDescription {

    private SendResultDescription() {
    }

    /** The outcome in words; never contains a secret (the transport's messages do not). */
    public static String of(SendResult result) {
        String status = result.httpStatus() > 0 ? "HTTP " + result.httpStatus() : "no response";
        String code = result.code() != null ? "code " + result.code() : null;
        String message = result.message() == null ? "" : result.message().strip();
        boolean namesCode = code != null && message.contains(code);
        if (message.contains(status)) {
            return code != null && !namesCode ? message + " (" + code + ")" : message;
        }
        String prefix = code != null && !namesCode ? status + ", " + code : status;
        if (message.isEmpty()) {
            return prefix;
        }
        return prefix + (namesCode && message.startsWith(code) ? ", " : ": ") + message;
    }
}
