package io.github.youshu.transport;

import java.util.Objects;

/**
 * Youshu's answer to a data source call ({@code data_source/get} or {@code data_source/add}, data-api.md §2).
 *
 * @param status       what the answer says
 * @param dataSourceId for {@link Status#FOUND}: the id (the first one when the merchant has several); otherwise {@code null}
 * @param count        for {@link Status#FOUND}: how many data sources the merchant has; otherwise 0
 * @param failure      for {@link Status#FAILED}: the classified failure
 *                     ({@link DataApiOutcome#TRANSIENT} or {@link DataApiOutcome#REQUEST_LEVEL}); otherwise {@code null}
 */
public record DataSourceAnswer(Status status, String dataSourceId, int count, DataApiSendResult failure) {

    /** What a data source call answered. */
    public enum Status {
        /** The merchant has a data source: {@code dataSourceId} holds its id. */
        FOUND,
        /** {@code data_source/get}: the merchant has no data source yet. */
        NONE,
        /** {@code data_source/add} answered {@code retcode} 16: one exists already; look it up. */
        ALREADY_EXISTS,
        /** No usable answer: see {@code failure}. */
        FAILED
    }

    public DataSourceAnswer {
        Objects.requireNonNull(status, "status");
    }

    static DataSourceAnswer found(String dataSourceId, int count) {
        return new DataSourceAnswer(Status.FOUND, Objects.requireNonNull(dataSourceId, "dataSourceId"), count, null);
    }

    static DataSourceAnswer none() {
        return new DataSourceAnswer(Status.NONE, null, 0, null);
    }

    static DataSourceAnswer alreadyExists() {
        return new DataSourceAnswer(Status.ALREADY_EXISTS, null, 0, null);
    }

    static DataSourceAnswer failed(DataApiSendResult failure) {
        return new DataSourceAnswer(Status.FAILED, null, 0, Objects.requireNonNull(failure, "failure"));
    }
}
