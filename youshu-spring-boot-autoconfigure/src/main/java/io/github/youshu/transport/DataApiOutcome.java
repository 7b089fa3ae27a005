package io.github.youshu.transport;

/**
 * The class of one data-api answer (data-api.md §1, "Return codes and what the sender does"). The
 * classes stay apart: only {@link #ITEMS_REJECTED} may ever reject an item.
 */
public enum DataApiOutcome {

    /** HTTP 2xx and {@code retcode} 0: Youshu stored the items; never send them again. */
    DELIVERED,

    /**
     * {@code retcode} 13 (data format wrong), or HTTP 413: the request holds a bad item. The caller
     * splits the batch to find it; a single item answered so is rejected (dead letter). Youshu names
     * no item (§1: no per-item errors); its {@code errmsg}, in the message, may name a JSON path.
     */
    ITEMS_REJECTED,

    /**
     * Storage-side failure or unknown outcome: {@code retcode} 1–9, 11 and 100; HTTP 5xx, 408,
     * 429, 3xx; a 2xx whose body is no data-api answer (HTML, cut, no {@code retcode}); a timeout
     * or connection failure. Retry with backoff, honouring {@code Retry-After}.
     */
    TRANSIENT,

    /**
     * The request's fault, never the items': credentials, signature or clock ({@code retcode} 15,
     * HTTP 401/403), data source or merchant configuration ({@code retcode} 10, 12, 14), the wrong
     * host or path (HTTP 404/405), or any code §1 does not list. Items are never split nor
     * dead-lettered for it: they wait and are retried with backoff; health names the cause and
     * {@link DataApiSendResult#property()}.
     */
    REQUEST_LEVEL
}
