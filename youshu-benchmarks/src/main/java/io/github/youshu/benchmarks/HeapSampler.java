package io.github.youshu.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap while a benchmark runs: the highest heap use seen by sampling
 * {@link MemoryMXBean} every few milliseconds (live data plus not yet collected garbage), and the
 * highest heap use right after a collection, from the GC notifications (close to the live set).
 */
public final class HeapSampler implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 5;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapSampler() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        sampler = new Thread(this::sample, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Collects garbage first, so that the peaks start from the live set, then starts watching. */
    public static HeapSampler start() {
        System.gc();
        return new HeapSampler();
    }

    private void sample() {
        while (running) {
            peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
            used += usage.getUsed();
        }
        long before = 0;
        for (MemoryUsage usage : info.getGcInfo().getMemoryUsageBeforeGc().values()) {
            before += usage.getUsed();
        }
        // Non-heap pools (metaspace, code cache) are part of these maps: count heap pools only.
        used -= nonHeapUsed(info.getGcInfo().getMemoryUsageAfterGc());
        before -= nonHeapUsed(info.getGcInfo().getMemoryUsageBeforeGc());
        peakAfterGc.accumulateAndGet(used, Math::max);
        peakUsed.accumulateAndGet(before, Math::max);
        collections.incrementAndGet();
    }

    private static long nonHeapUsed(Map<String, MemoryUsage> pools) {
        long nonHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.NON_HEAP) {
                MemoryUsage usage = pools.get(pool.getName());
                if (usage != null) {
                    nonHeap += usage.getUsed();
                }
            }
        }
        return nonHeap;
    }

    /** The highest heap use seen, garbage included, in bytes. */
    public long peakUsedBytes() {
        return peakUsed.get();
    }

    /** The highest heap use right after a collection, in bytes; 0 when no collection ran. */
    public long peakAfterGcBytes() {
        return peakAfterGc.get();
    }

    public long collections() {
        return collections.get();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
