package io.github.youshu.transport;

/**
 * Sends an already serialized body (one JSON object or a JSON array of events) to Youshu's report
 * API and classifies the outcome. Implementations sign every request afresh and never throw for an
 * outcome of the exchange: every failure is a {@link SendResult}.
 */
public interface YoushuTransport {

    /**
     * @param jsonBody   UTF-8 JSON: one event object or an array of events
     * @param eventCount how many events the body holds (for metrics and logs)
     */
    SendResult send(byte[] jsonBody, int eventCount);
}
