package io.github.youshu.transport;

/**
 * How Youshu answered one HTTP request: the failure class the relay acts on. Every class says whose
 * fault a failure is, and so what happens to the events of the request.
 */
public enum SendOutcome {
    /** HTTP 200 and code/retcode 0: the events are stored by Youshu, never send them again. */
    ACCEPTED,
    /**
     * A non-zero code, or a 4xx that names the body (400, 413, 422...): sending the same body again
     * cannot succeed, so one of the events is at fault. A batch is split to find it; a single
     * rejected event is dead-lettered. (A code that rejects both halves of a split batch
     * identically is the request's fault after all: see {@link #REQUEST_REJECTED}.)
     */
    REJECTED,
    /**
     * The request itself was refused, not its events: bad signature or credentials, an unknown app
     * id, a timestamp outside the server's window, a wrong data source or another configuration
     * problem ({@link SendResult#checkProperty()} names what to check). Never the events' fault: they
     * are neither split nor dead-lettered but wait and are retried with backoff until the cause is
     * fixed.
     */
    REQUEST_REJECTED,
    /** 5xx, 408, 429, a timeout or a connection failure: the outcome is unknown, retry later. */
    TRANSIENT
}
