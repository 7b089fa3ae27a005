package io.github.youshu.dailytotals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs {@link DailyTotalsSender#sendDue()} once at start (catching up what was missed while the
 * application was down) and then every day at the sender's local time, on a private single-thread
 * scheduler; after a run that left the latest due day unsent (a failing query, database or
 * refused totals) it runs again after {@code retryInterval} until the day is sent, (not a bean, so that the application's own {@code TaskScheduler} is untouched). Does
 * nothing when there is no {@code YoushuOrders} to send with.
 */
public final class DailyTotalsScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DailyTotalsScheduler.class);

    private final DailyTotalsSender sender;
    private final Clock clock;
    private final Duration retryInterval;
    private volatile ThreadPoolTaskScheduler scheduler;
    private ScheduledFuture<?> retry;

    /**
     * @param retryInterval how long after a run that left the latest due day unsent the next one starts
     */
    public DailyTotalsScheduler(DailyTotalsSender sender, Clock clock, Duration retryInterval) {
        this.sender = sender;
        this.clock = clock;
        this.retryInterval = retryInterval;
    }

    /** One run: sends what is due, and plans a retry while the latest due day is still not sent. */
    void run() {
        sender.sendDue();
        boolean pending;
        try {
            pending = sender.latestDueDayPending();
        }
        catch (RuntimeException ex) {
            pending = true;
        }
        synchronized (this) {
            ThreadPoolTaskScheduler running = scheduler;
            if (pending && running != null && (retry == null || retry.isDone())) {
                retry = running.schedule(this::retry, clock.instant().plus(retryInterval));
            }
        }
    }

    /** A planned retry: it is no longer pending once it runs, so it may plan the next one. */
    private void retry() {
        synchronized (this) {
            retry = null;
        }
        run();
    }

    /** The cron expression of the daily run: the sender's {@code sendAt}, every day. */
    String cron() {
        return "%d %d %d * * *".formatted(sender.sendAt().getSecond(), sender.sendAt().getMinute(), sender.sendAt().getHour());
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        if (!sender.canSend()) {
            log.info("Youshu daily totals are off: an OrderDailyTotals bean exists but no YoushuOrders bean to send them with");
            return;
        }
        ThreadPoolTaskScheduler created = new ThreadPoolTaskScheduler();
        created.setThreadNamePrefix("youshu-daily-totals-");
        created.setDaemon(true);
        created.setClock(clock);
        created.setWaitForTasksToCompleteOnShutdown(false);
        created.initialize();
        scheduler = created;
        created.schedule(this::run, new CronTrigger(cron(), sender.zone()));
        created.execute(this::run);
        log.debug("Youshu daily totals: sent every day at {} ({}), {}", sender.sendAt(), sender.zone(), sender.storage());
    }

    @Override
    public synchronized void stop() {
        ThreadPoolTaskScheduler running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
