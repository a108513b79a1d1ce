package com.golisto.sync.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.jspecify.annotations.Nullable;

/**
 * Measures the heap of this JVM during one scenario, several ways:
 * <ul>
 *   <li><b>sampled peak</b>: the largest {@code used} heap (all heap pools, garbage included) seen by a
 *       sampling thread every 10 ms: a real occupancy, never above {@code -Xmx};</li>
 *   <li><b>pool peaks</b>: the sum over the heap pools of {@link MemoryPoolMXBean#getPeakUsage()}, reset at
 *       {@link #start()}. Each pool peaks at its own moment, so this sum overstates the peak (it can exceed
 *       {@code -Xmx});</li>
 *   <li><b>after-GC peak</b>: the largest heap in use right after a collection, from the JVM's GC
 *       notifications. With G1 a young collection leaves old-generation garbage in place until a mixed
 *       collection, so this is an upper bound of the live data;</li>
 *   <li><b>retained</b>: the heap in use after a full collection ({@link System#gc()}) when the scenario
 *       ended: what the engine keeps between runs;</li>
 *   <li>the number of collections and their accumulated time during the scenario.</li>
 * </ul>
 * One meter measures one scenario at a time; not thread-safe.
 */
final class HeapMeter {

    private static final long MB = 1024L * 1024L;

    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    private final AtomicLong sampledMax = new AtomicLong();
    private final AtomicLong liveMax = new AtomicLong();
    private long gcCountAtStart;
    private long gcMillisAtStart;
    private final NotificationListener gcListener = this::onGc;
    private volatile boolean sampling;
    private @Nullable Thread sampler;

    HeapMeter() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                heapPools.add(pool);
            }
        }
    }

    /** Resets the pools' peaks and starts sampling and listening to collections. */
    void start() {
        sampledMax.set(0);
        liveMax.set(0);
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        gcCountAtStart = gcCount();
        gcMillisAtStart = gcMillis();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(gcListener, null, null);
            }
        }
        sampling = true;
        sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            while (sampling) {
                sampledMax.accumulateAndGet(usedNow(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Stops measuring and returns what was seen since {@link #start()}. */
    HeapPeak stop() {
        sampling = false;
        Thread running = Objects.requireNonNull(sampler, "start() was not called");
        running.interrupt();
        try {
            running.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(gcListener);
                } catch (ListenerNotFoundException e) {
                    // never added: nothing to remove
                }
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage usage = pool.getPeakUsage();
            peak += usage == null ? 0 : usage.getUsed();
        }
        sampledMax.accumulateAndGet(usedNow(), Math::max);
        long collections = gcCount() - gcCountAtStart;
        double gcSeconds = (gcMillis() - gcMillisAtStart) / 1000.0;
        System.gc(); // after the scenario's clock stopped: what stays reachable
        return new HeapPeak(mb(sampledMax.get()), mb(peak), mb(liveMax.get()), mb(usedNow()), collections, gcSeconds,
                mb(Runtime.getRuntime().maxMemory()));
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private long usedNow() {
        long used = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            used += pool.getUsage().getUsed();
        }
        return used;
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long after = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.stream().anyMatch(p -> p.getName().equals(pool.getKey()))) {
                after += pool.getValue().getUsed();
            }
        }
        liveMax.accumulateAndGet(after, Math::max);
    }

    private static double mb(long bytes) {
        return Math.round(bytes * 10.0 / MB) / 10.0;
    }

    /**
     * What one scenario used, in MiB with one decimal.
     *
     * @param sampledPeakMb largest used heap seen every 10 ms (garbage included)
     * @param poolPeaksMb sum of the heap pools' peak usages (overstates the peak)
     * @param afterGcPeakMb largest heap in use right after a collection; 0 when no collection ran
     * @param retainedMb heap in use after a full collection at the end
     * @param collections garbage collections during the scenario
     * @param gcSeconds their accumulated time as the collectors report it
     * @param maxHeapMb the JVM's maximum heap ({@code -Xmx})
     */
    record HeapPeak(double sampledPeakMb, double poolPeaksMb, double afterGcPeakMb, double retainedMb,
            long collections, double gcSeconds, double maxHeapMb) {
    }
}
