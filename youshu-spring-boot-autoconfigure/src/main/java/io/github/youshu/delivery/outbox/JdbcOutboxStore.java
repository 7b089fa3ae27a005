package io.github.youshu.delivery.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.github.youshu.delivery.DeliveryRoute;
import io.github.youshu.delivery.EventStore;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.delivery.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable outbox: an {@link EventStore} backed by a table in the application's own database.
 *
 * <p>{@link #append} inserts a row with the DataSource's current connection, so inside a Spring
 * transaction on the same DataSource the event commits or rolls back with the business data;
 * outside one it commits on its own. Any number of instances may claim from the same table: a
 * claim locks its rows with {@code FOR UPDATE SKIP LOCKED} where the database has it (PostgreSQL,
 * MySQL 8, MariaDB 10.6) and otherwise claims them with a conditional update. A claim hands the
 * rows to the claiming relay until its lease expires; the rows of a relay that died are claimed
 * again after that. Claims only read the {@code pending} part of the {@code (status,
 * next_attempt_at, id)} index, so their cost does not grow with delivered or dead rows.
 *
 * <p><b>Per-order order.</b> A row is claimed only when no earlier row ({@code id} lower) of the
 * same {@code order_id} is still pending, whether that one waits for a retry, is in flight with
 * another relay or instance, or is due as well: so a later change of an order never reaches
 * Youshu before an earlier one (data-api.md §9: Youshu keeps the last state it received), and a
 * batch holds at most one event per order. Rows without an order id are never held back. The
 * check reads the {@code (order_id, status, id)} index. Since it looks at committed rows only, it
 * needs no lock on the earlier row: a row being claimed by another relay is pending already.
 *
 * <p><b>Batch wait.</b> Like the memory queue, a relay does not send a partial batch at once: it
 * claims when a full batch ({@code maxEvents} events or {@code maxBytes}) is due, or when the
 * oldest due row has waited the flush interval, counted from when it became due (appended,
 * released for a retry, or its lease expired). So requests carry full batches under load. Since a
 * relay looks at the table once a poll interval, a row waits at most the flush interval, rounded up
 * to whole poll intervals, longer than without the wait (with the defaults, 1 s and 1 s: 1 s).
 */
public final class JdbcOutboxStore implements EventStore {

    static final String PENDING = "pending";
    static final String DONE = "done";
    static final String DEAD = "dead";

    static final int MAX_TEXT = 255;
    static final int MAX_ERROR = 1000;

    private static final Logger log = LoggerFactory.getLogger(JdbcOutboxStore.class);
    private static final Duration MAX_PURGE_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_CONFLICT_ATTEMPTS = 3;

    private final DataSource dataSource;
    private final OutboxSettings settings;
    private final Clock clock;
    private final OutboxDatabase database;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String table;
    private final String owner;
    private final AtomicLong claims = new AtomicLong();
    private final OutboxDeadLetters deadLetters;
    private final long flushIntervalMillis;
    /** Whether the table has the route column (tables made by earlier versions may not: behaviour events only). */
    private final boolean routeColumn;
    private volatile long nextPurgeAt;

    /**
     * An outbox that claims every due row at once, without waiting for a partial batch to fill (for
     * tools and tests; the auto-configuration passes the flush interval).
     *
     * @see #JdbcOutboxStore(DataSource, OutboxSettings, Duration, Clock)
     */
    public JdbcOutboxStore(DataSource dataSource, OutboxSettings settings, Clock clock) {
        this(dataSource, settings, Duration.ZERO, clock);
    }

    /**
     * Detects the database, creates the table when {@link OutboxSettings#initializeSchema()} asks
     * for it, checks that the table can be read, and adds (or asks for) the per-order index.
     *
     * @param flushInterval how long a partial batch waits for more rows, from when its oldest row
     *                      became due ({@code youshu.delivery.flush-interval});
     *                      {@link Duration#ZERO} claims every due row at once
     * @throws IllegalStateException when the table is missing or the database cannot be reached
     */
    public JdbcOutboxStore(DataSource dataSource, OutboxSettings settings, Duration flushInterval, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.flushIntervalMillis = Objects.requireNonNull(flushInterval, "flushInterval").toMillis();
        if (flushIntervalMillis < 0) {
            throw new IllegalArgumentException("flushInterval must not be negative, was " + flushInterval);
        }
        this.table = settings.tableName();
        try {
            this.database = JdbcUtils.extractDatabaseMetaData(dataSource, OutboxDatabase::of);
        }
        catch (MetaDataAccessException ex) {
            throw new IllegalStateException("Youshu outbox: cannot read the database metadata of the DataSource", ex);
        }
        OutboxSchema.initialize(dataSource, database, table, settings.initializeSchema());
        this.jdbc = JdbcClient.create(dataSource);
        JdbcTransactionManager transactionManager = new JdbcTransactionManager(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // No gap locks (InnoDB): a claim must not hold up the inserts on the checkout path.
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.owner = ownerName();
        this.deadLetters = new OutboxDeadLetters(jdbc, database, table, clock);
        checkTable();
        this.routeColumn = OutboxSchema.checkRouteColumn(dataSource, database, table, settings.initializeSchema());
        OutboxSchema.checkOrderIndex(dataSource, database, table, settings.initializeSchema());
        log.info("Youshu outbox on table '{}' ({}, claims with {})", table, database.product(),
                database.skipLocked() ? "FOR UPDATE SKIP LOCKED" : "conditional updates");
    }

    /** The dead letters of this outbox, for operations (list, re-send, purge). */
    public OutboxDeadLetters deadLetters() {
        return deadLetters;
    }

    /** How long a partial batch waits for more rows, from when its oldest row became due; zero: not at all. */
    public Duration flushInterval() {
        return Duration.ofMillis(flushIntervalMillis);
    }

    /** The settings of this outbox. */
    public OutboxSettings settings() {
        return settings;
    }

    @Override
    public boolean joinsTransaction() {
        return true;
    }

    /**
     * Inserts the event with the DataSource's current connection: in the caller's transaction when
     * there is one on this DataSource, otherwise committed on its own. On PostgreSQL, where a
     * failed statement aborts the whole transaction, the insert runs under a savepoint so that a
     * failure of the outbox never breaks the caller's transaction.
     *
     * @return {@code true}: the table takes every event
     * @throws IllegalArgumentException when the event type is longer than 255 characters
     * @throws DataAccessException      when the insert fails; the dispatcher counts and reports the
     *                                  loss
     */
    @Override
    public boolean append(OutboundEvent event) {
        if (event.type().length() > MAX_TEXT) {
            throw new IllegalArgumentException("The Youshu outbox takes event types of at most " + MAX_TEXT
                    + " characters, this one has " + event.type().length());
        }
        if (!routeColumn && event.route() != DeliveryRoute.EVENTS) {
            throw new IllegalStateException("The Youshu outbox table '" + table + "' has no column route and so"
                    + " cannot store backend order data (" + event.route() + "): " + database.addRouteColumn(table));
        }
        ConnectionHolder transaction = database.failedStatementAbortsTransaction()
                && TransactionSynchronizationManager.isActualTransactionActive()
                ? (ConnectionHolder) TransactionSynchronizationManager.getResource(dataSource) : null;
        if (transaction == null) {
            insert(event);
            return true;
        }
        Savepoint savepoint = savepoint(transaction);
        try {
            insert(event);
        }
        catch (RuntimeException ex) {
            try {
                transaction.getConnection().rollback(savepoint);
            }
            catch (SQLException rollbackFailure) {
                ex.addSuppressed(rollbackFailure);
            }
            throw ex;
        }
        try {
            transaction.getConnection().releaseSavepoint(savepoint);
        }
        catch (SQLException ex) {
            throw new TransactionSystemException("Youshu outbox: could not release its savepoint", ex);
        }
        return true;
    }

    private void insert(OutboundEvent event) {
        if (!routeColumn) {
            jdbc.sql("INSERT INTO " + table + " (event_type, order_id, payload, payload_bytes, created_at, status,"
                            + " attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, '" + PENDING + "', 0, ?)")
                    .params(event.type(), truncate(event.orderId(), MAX_TEXT), event.jsonAsString(),
                            event.sizeInBytes(), event.createdAt().toEpochMilli(), clock.millis())
                    .update();
            return;
        }
        jdbc.sql("INSERT INTO " + table + " (event_type, route, order_id, payload, payload_bytes, created_at, status,"
                        + " attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, '" + PENDING + "', 0, ?)")
                .params(event.type(), event.route().name(), truncate(event.orderId(), MAX_TEXT), event.jsonAsString(),
                        event.sizeInBytes(), event.createdAt().toEpochMilli(), clock.millis())
                .update();
    }

    private static Savepoint savepoint(ConnectionHolder transaction) {
        try {
            return transaction.createSavepoint();
        }
        catch (SQLException ex) {
            throw new TransactionSystemException("Youshu outbox: could not create a savepoint", ex);
        }
    }

    /**
     * Claims due rows for this relay until the lease expires: oldest due first, at most
     * {@code maxEvents} rows and {@code maxBytes} of JSON (at least one row), none whose order has
     * an earlier pending row, and nothing while the due rows make a partial batch whose oldest row
     * has not waited the flush interval (see the class comment). Also purges delivered rows past
     * their retention, at most once a minute.
     */
    @Override
    public List<StoredEvent> claim(int maxEvents, long maxBytes) {
        return claim(maxEvents, maxBytes, route -> true);
    }

    /**
     * As {@link #claim(int, long)}, for one route: the rows of routes {@code sendable} refuses are
     * not read as candidates (they wait in the table, unclaimed), and of the candidates only those
     * of the oldest one's route are claimed (a batch never mixes routes). The per-order check is
     * per ordering scope: a behaviour event and a data-api item of one order do not hold each other
     * back, data-api items of one order on different endpoints do.
     */
    @Override
    public List<StoredEvent> claim(int maxEvents, long maxBytes, Predicate<DeliveryRoute> sendable) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1, was " + maxEvents);
        }
        purgeIfDue();
        // Without SKIP LOCKED, concurrent relays may race for the same candidates: try again when
        // another relay took all of them.
        for (int round = 0; round < 3; round++) {
            List<String> routes = sendableRoutes(sendable);
            if (routes != null && routes.isEmpty()) {
                return List.of();
            }
            Claim claim = retryingConflicts(() -> transactions.execute(status -> claimOnce(maxEvents, maxBytes, routes)));
            if (claim == null || claim.candidates() == 0 || !claim.events().isEmpty()) {
                return claim == null ? List.of() : claim.events();
            }
        }
        return List.of();
    }

    /** The names of the routes that can be sent, {@code null} when all can (no filter needed). */
    private List<String> sendableRoutes(Predicate<DeliveryRoute> sendable) {
        if (!routeColumn) {
            return sendable.test(DeliveryRoute.EVENTS) ? null : List.of();
        }
        List<String> names = new ArrayList<>();
        for (DeliveryRoute route : DeliveryRoute.all()) {
            if (sendable.test(route)) {
                names.add(route.name());
            }
        }
        return names.size() == DeliveryRoute.all().size() ? null : names;
    }

    private Claim claimOnce(int maxEvents, long maxBytes, List<String> routes) {
        long now = clock.millis();
        String planSetting = database.claimPlanSetting();
        if (planSetting != null) {
            jdbc.sql(planSetting).query().listOfRows();
        }
        JdbcClient.StatementSpec query = jdbc.sql(candidateQuery(routes != null))
                .param("now", now)
                .param("limit", maxEvents);
        if (routes != null) {
            query = query.param("routes", routes);
        }
        List<Candidate> candidates = query
                .query((rs, row) -> new Candidate(rs.getLong(1), rs.getInt(2), rs.getLong(3),
                        routeColumn ? rs.getString(4) : DeliveryRoute.EVENTS_NAME))
                .list();
        if (candidates.isEmpty()) {
            return new Claim(0, List.of());
        }
        List<Long> ids = new ArrayList<>();
        long bytes = 0;
        boolean full = candidates.size() >= maxEvents;
        String route = candidates.get(0).route();
        for (Candidate candidate : candidates) {
            if (!route.equals(candidate.route())) {
                // one route per batch; the others are claimed next
                continue;
            }
            if (!ids.isEmpty() && bytes + candidate.bytes() > maxBytes) {
                full = true;
                break;
            }
            ids.add(candidate.id());
            bytes += candidate.bytes();
        }
        full |= bytes >= maxBytes;
        if (!full && candidates.get(0).dueAt() > now - flushIntervalMillis) {
            // A partial batch whose oldest row became due less than a flush interval ago: wait for more.
            return new Claim(0, List.of());
        }
        String token = owner + "#" + claims.incrementAndGet();
        long leaseExpiresAt = now + settings.leaseDuration().toMillis();
        // The lease end is also the next attempt time: the rows of a relay that died become due
        // again when the lease expires, and the claim query needs no second condition.
        jdbc.sql("UPDATE " + table + " SET claim_owner = :token, lease_expires_at = :lease, next_attempt_at = :lease"
                        + " WHERE id IN (:ids) AND status = '" + PENDING + "' AND next_attempt_at <= :now")
                .param("token", token)
                .param("lease", leaseExpiresAt)
                .param("ids", ids)
                .param("now", now)
                .update();
        DeliveryRoute claimedRoute = DeliveryRoute.ofName(route);
        Map<Long, StoredEvent> claimed = jdbc.sql("SELECT id, event_type, order_id, payload, created_at, attempts FROM "
                        + table + " WHERE id IN (:ids) AND claim_owner = :token")
                .param("ids", ids)
                .param("token", token)
                .query((rs, row) -> new StoredEvent(Long.toString(rs.getLong(1)),
                        new OutboundEvent(claimedRoute, rs.getString(2), rs.getString(3),
                                rs.getString(4).getBytes(StandardCharsets.UTF_8), Instant.ofEpochMilli(rs.getLong(5))),
                        rs.getInt(6)))
                .list().stream()
                .collect(Collectors.toMap(event -> Long.valueOf(event.id()), Function.identity()));
        List<StoredEvent> events = new ArrayList<>(claimed.size());
        for (Long id : ids) {
            StoredEvent event = claimed.get(id);
            if (event != null) {
                events.add(event);
            }
        }
        return new Claim(candidates.size(), events);
    }

    /**
     * The due rows a claim may take, oldest due first, with their size and since when they are due:
     * pending, due, and with no earlier pending row of the same order (see
     * {@link OutboxDatabase#claimPlanSetting()} for how PostgreSQL is kept to the intended plan).
     * On databases that have it, the rows are locked with {@code SKIP LOCKED}, so that concurrent
     * relays take different rows; the per-order check reads committed rows without locking them.
     * An earlier row holds a row back when both are behaviour events or both data-api items
     * (one ordering scope, {@link DeliveryRoute#orderingScope()}). Parameters {@code :now} (epoch
     * ms), {@code :limit}, and with {@code routeFilter} {@code :routes} (the route names to claim).
     */
    String candidateQuery(boolean routeFilter) {
        if (!routeColumn) {
            return "SELECT c.id, c.payload_bytes, c.next_attempt_at FROM " + table + " c"
                    + " WHERE c.status = '" + PENDING + "' AND c.next_attempt_at <= :now"
                    + " AND NOT EXISTS (SELECT 1 FROM " + table + " e WHERE e.order_id = c.order_id"
                    + " AND e.status = '" + PENDING + "' AND e.id < c.id)"
                    + " ORDER BY c.next_attempt_at, c.id " + database.first()
                    + (database.skipLocked() ? " FOR UPDATE SKIP LOCKED" : "");
        }
        String events = "'" + DeliveryRoute.EVENTS_NAME + "'";
        return "SELECT c.id, c.payload_bytes, c.next_attempt_at, c.route FROM " + table + " c"
                + " WHERE c.status = '" + PENDING + "' AND c.next_attempt_at <= :now"
                + (routeFilter ? " AND c.route IN (:routes)" : "")
                + " AND NOT EXISTS (SELECT 1 FROM " + table + " e WHERE e.order_id = c.order_id"
                + " AND e.status = '" + PENDING + "' AND e.id < c.id"
                + " AND (e.route = c.route OR (e.route <> " + events + " AND c.route <> " + events + ")))"
                + " ORDER BY c.next_attempt_at, c.id " + database.first()
                + (database.skipLocked() ? " FOR UPDATE SKIP LOCKED" : "");
    }

    /** The claim's candidate query with every route (see {@link #candidateQuery(boolean)}). */
    String candidateQuery() {
        return candidateQuery(false);
    }

    /**
     * Deletes the rows, or keeps them as {@code done} until the retention has passed. A row whose
     * lease expired meanwhile is still finished: the events were accepted.
     */
    @Override
    public void markDelivered(List<StoredEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        if (settings.retention().isZero()) {
            retryingConflicts(() -> jdbc.sql("DELETE FROM " + table + " WHERE id IN (:ids)").param("ids", ids(events)).update());
        }
        else {
            // next_attempt_at holds when a finished row finished: the purge reads it from the index.
            retryingConflicts(() -> jdbc.sql("UPDATE " + table + " SET status = '" + DONE + "', next_attempt_at = :now, claim_owner = NULL,"
                            + " lease_expires_at = NULL WHERE id IN (:ids) AND status = '" + PENDING + "'")
                    .param("now", clock.millis())
                    .param("ids", ids(events))
                    .update());
        }
    }

    /**
     * Counts an attempt and releases the claim until {@code notBefore}. Rows whose lease expired
     * and that another relay claimed meanwhile are left to that relay. (The retry budget,
     * {@link OutboxSettings#maxRetryDuration()}, is applied by the relay.)
     */
    @Override
    public void markForRetry(List<StoredEvent> events, Instant notBefore, String error) {
        if (events.isEmpty()) {
            return;
        }
        List<Long> ids = ids(events);
        long now = clock.millis();
        int released = retryingConflicts(() -> jdbc.sql("UPDATE " + table + " SET attempts = attempts + 1, next_attempt_at = :notBefore,"
                        + " last_error = :error, claim_owner = NULL, lease_expires_at = NULL"
                        + " WHERE id IN (:ids) AND status = '" + PENDING + "' AND claim_owner LIKE :mine")
                .param("notBefore", Math.max(notBefore.toEpochMilli(), now))
                .param("error", truncate(error, MAX_ERROR))
                .param("ids", ids)
                .param("mine", owner + "#%")
                .update());
        if (released < ids.size()) {
            log.debug("Youshu outbox: {} of {} event(s) to retry were no longer claimed by this instance",
                    ids.size() - released, ids.size());
        }
    }

    /** Moves the rows to the dead letters with the error. */
    @Override
    public void markDead(List<StoredEvent> events, String error) {
        if (events.isEmpty()) {
            return;
        }
        retryingConflicts(() -> jdbc.sql("UPDATE " + table + " SET status = '" + DEAD + "', attempts = attempts + 1, next_attempt_at = :now,"
                        + " last_error = :error, claim_owner = NULL, lease_expires_at = NULL"
                        + " WHERE id IN (:ids) AND status = '" + PENDING + "'")
                .param("now", clock.millis())
                .param("error", truncate(error, MAX_ERROR))
                .param("ids", ids(events))
                .update());
    }

    /**
     * Hands claimed rows back unsent (a relay stopping, or a later event of an order held back):
     * due now, attempts not counted, claim and lease cleared, so that any relay may claim them at
     * once instead of after the lease. Rows no longer claimed by this instance are left alone.
     */
    @Override
    public void release(List<StoredEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        retryingConflicts(() -> jdbc.sql("UPDATE " + table + " SET next_attempt_at = :now, claim_owner = NULL,"
                        + " lease_expires_at = NULL WHERE id IN (:ids) AND status = '" + PENDING + "' AND claim_owner LIKE :mine")
                .param("now", clock.millis())
                .param("ids", ids(events))
                .param("mine", owner + "#%")
                .update());
    }

    /** The rows survive the process: a request-level failure keeps them until it is fixed. */
    @Override
    public boolean durable() {
        return true;
    }

    /** Pending rows that no relay holds (never claimed, released for retry, or lease expired). */
    @Override
    public long pendingCount() {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE status = '" + PENDING + "'"
                        + " AND (lease_expires_at IS NULL OR lease_expires_at <= :now)")
                .param("now", clock.millis())
                .query(Long.class)
                .single();
    }

    /**
     * Deletes the {@code done} rows older than the retention.
     *
     * @return how many rows were deleted
     */
    public int purgeDelivered() {
        return jdbc.sql("DELETE FROM " + table + " WHERE status = '" + DONE + "' AND next_attempt_at < :cutoff")
                .param("cutoff", clock.millis() - settings.retention().toMillis())
                .update();
    }

    private void purgeIfDue() {
        if (settings.retention().isZero()) {
            return;
        }
        long now = clock.millis();
        if (now < nextPurgeAt) {
            return;
        }
        Duration interval = settings.retention().compareTo(MAX_PURGE_INTERVAL) < 0 ? settings.retention() : MAX_PURGE_INTERVAL;
        nextPurgeAt = now + interval.toMillis();
        try {
            int purged = purgeDelivered();
            if (purged > 0) {
                log.debug("Youshu outbox: purged {} delivered event(s) past their retention", purged);
            }
        }
        catch (DataAccessException ex) {
            log.warn("Youshu outbox: purging delivered events failed: {}", ex.getMostSpecificCause().toString());
        }
    }

    /**
     * Runs a statement again when the database chose it as a deadlock victim or it timed out on a
     * lock (claims and marks of concurrent relays touch neighbouring index entries); all of them
     * can be repeated safely.
     */
    private static <T> T retryingConflicts(Supplier<T> statement) {
        for (int attempt = 1; ; attempt++) {
            try {
                return statement.get();
            }
            catch (ConcurrencyFailureException ex) {
                if (attempt == MAX_CONFLICT_ATTEMPTS) {
                    throw ex;
                }
                log.debug("Youshu outbox: lock conflict, trying again: {}", ex.getMostSpecificCause().toString());
            }
        }
    }

    private void checkTable() {
        try {
            jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id < 0").query(Long.class).single();
        }
        catch (DataAccessException ex) {
            throw new IllegalStateException("Youshu outbox: table '" + table + "' is not usable (" + database.product()
                    + "). Create it from META-INF/youshu/outbox/schema-*.sql in the starter jar, or set"
                    + " youshu.outbox.initialize-schema=always", ex);
        }
    }

    private static List<Long> ids(List<StoredEvent> events) {
        return events.stream().map(event -> Long.valueOf(event.id())).toList();
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String ownerName() {
        String host = System.getenv("HOSTNAME");
        String prefix = host == null || host.isBlank() ? "jvm" : truncate(host, 64);
        return prefix + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A row the claim may take: its id, its JSON size, since when it is due (epoch ms) and its route. */
    private record Candidate(long id, int bytes, long dueAt, String route) {
    }

    private record Claim(int candidates, List<StoredEvent> events) {
    }
}
