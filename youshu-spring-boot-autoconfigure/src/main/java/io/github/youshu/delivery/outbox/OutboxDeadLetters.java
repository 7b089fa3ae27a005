package io.github.youshu.delivery.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Operations on the outbox's dead letters: list them, send them again, or delete them. Obtained
 * from {@link JdbcOutboxStore#deadLetters()}.
 */
public final class OutboxDeadLetters {

    /** The most rows {@link #list} returns at once. */
    public static final int MAX_LIMIT = 1000;

    private static final String DEAD = JdbcOutboxStore.DEAD;

    private final JdbcClient jdbc;
    private final OutboxDatabase database;
    private final String table;
    private final Clock clock;

    OutboxDeadLetters(JdbcClient jdbc, OutboxDatabase database, String table, Clock clock) {
        this.jdbc = jdbc;
        this.database = database;
        this.table = table;
        this.clock = clock;
    }

    /** How many events are in the dead letters. */
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE status = '" + DEAD + "'").query(Long.class).single();
    }

    /**
     * A page of dead letters, oldest death first.
     *
     * @param offset how many to skip, at least 0
     * @param limit  how many to return, 1 to {@value #MAX_LIMIT}
     */
    public List<DeadLetter> list(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return jdbc.sql("SELECT id, event_type, order_id, created_at, next_attempt_at, attempts, last_error, payload FROM "
                        + table + " WHERE status = '" + DEAD + "' ORDER BY next_attempt_at, id " + database.page())
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, row) -> new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)), rs.getInt(6),
                        rs.getString(7), rs.getString(8)))
                .list();
    }

    /**
     * Sends the given dead letters again: they become pending and due now, with their attempts reset.
     * Ids that are not dead letters are ignored.
     *
     * @return how many events were put back
     */
    public int resend(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql(resendSql() + " AND id IN (:ids)").param("now", clock.millis()).param("ids", ids).update();
    }

    /**
     * Sends all dead letters again.
     *
     * @return how many events were put back
     */
    public int resendAll() {
        return jdbc.sql(resendSql()).param("now", clock.millis()).update();
    }

    /**
     * Deletes the given dead letters. Ids that are not dead letters are ignored.
     *
     * @return how many events were deleted
     */
    public int purge(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM " + table + " WHERE status = '" + DEAD + "' AND id IN (:ids)").param("ids", ids).update();
    }

    /**
     * Deletes all dead letters.
     *
     * @return how many events were deleted
     */
    public int purgeAll() {
        return jdbc.sql("DELETE FROM " + table + " WHERE status = '" + DEAD + "'").update();
    }

    private String resendSql() {
        return "UPDATE " + table + " SET status = '" + JdbcOutboxStore.PENDING + "', attempts = 0, next_attempt_at = :now,"
                + " last_error = NULL, claim_owner = NULL, lease_expires_at = NULL WHERE status = '" + DEAD + "'";
    }
}
