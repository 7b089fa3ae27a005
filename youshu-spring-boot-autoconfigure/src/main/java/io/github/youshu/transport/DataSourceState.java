package io.github.youshu.transport;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether the data source id that data-api envelopes carry is known, and if not, why (for the
 * {@code youshu} health component and the endpoint). Data-api items wait while it is unknown.
 *
 * @param status         known, or why not yet
 * @param dataSourceId   for {@link Status#KNOWN}: the id; otherwise {@code null}
 * @param origin         for {@link Status#KNOWN}: where the id came from ({@code youshu.orders.data-source-id},
 *                       {@code data_source/get} or {@code data_source/add}); otherwise {@code null}
 * @param cause          when not known: a short reason (the failure's message, or what to configure); otherwise {@code null}
 * @param property       when not known: the setting(s) to check; otherwise {@code null}
 * @param failedAttempts how many resolution attempts failed in a row (0 when known or not yet tried)
 * @param since          when this state began
 */
public record DataSourceState(Status status, String dataSourceId, String origin, String cause, String property,
        int failedAttempts, Instant since) {

    /** Known, or why not yet. */
    public enum Status {
        /** The id is configured or resolved: data-api items can go. */
        KNOWN,
        /** Resolution from {@code youshu.merchant-id} has started and has not failed yet. */
        RESOLVING,
        /** Youshu could not be reached or answered a transient failure; resolution keeps trying with backoff. */
        UNREACHABLE,
        /**
         * Youshu refused the request (credentials, merchant id, …: a request-level failure);
         * resolution keeps trying with backoff, as the cause may be the clock or a fix on Youshu's side.
         */
        REJECTED,
        /** Neither {@code youshu.orders.data-source-id} nor {@code youshu.merchant-id} is set. */
        NOT_CONFIGURED
    }

    public DataSourceState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
    }

    /** Whether data-api items can go. */
    public boolean isKnown() {
        return status == Status.KNOWN;
    }
}
