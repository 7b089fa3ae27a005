package io.github.youshu.transport;

/** How Youshu answered one HTTP request. */
public enum SendOutcome {
    /** HTTP 200 and code/retcode 0: the events are stored by Youshu, never send them again. */
    ACCEPTED,
    /** A non-zero code, or a 4xx other than 408/429: sending the same body again cannot succeed. */
    REJECTED,
    /** 5xx, 408, 429, a timeout or a connection failure: the outcome is unknown, retry later. */
    TRANSIENT
}
