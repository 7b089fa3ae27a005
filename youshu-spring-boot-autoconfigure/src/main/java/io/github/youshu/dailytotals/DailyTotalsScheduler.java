package io.github.youshu.dailytotals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

import java.time.Clock;

/**
 * Runs {@link DailyTotalsSender#sendDue()} once at start (catching up what was missed while the
 * application was down) and then every day at the sender's local time, on a private single-thread
 * scheduler (not a bean, so that the application's own {@code TaskScheduler} is untouched). Does
 * nothing when there is no {@code YoushuOrders} to send with.
 */
public final class DailyTotalsScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DailyTotalsScheduler.class);

    private final DailyTotalsSender sender;
    private final Clock clock;
    private volatile ThreadPoolTaskScheduler scheduler;

    public DailyTotalsScheduler(DailyTotalsSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
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
        created.schedule(sender::sendDue, new CronTrigger(cron(), sender.zone()));
        created.execute(sender::sendDue);
        scheduler = created;
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
