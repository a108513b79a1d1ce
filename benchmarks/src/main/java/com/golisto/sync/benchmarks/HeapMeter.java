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
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures the heap of this JVM during one scenario, three ways:
 * <ul>
 *   <li><b>peak</b>: the sum over the heap memory pools of {@link MemoryPoolMXBean#getPeakUsage()}, after
 *       {@link MemoryPoolMXBean#resetPeakUsage()} at {@link #start()}. Each pool peaks at its own moment,
 *       so this is an upper bound of the real peak (garbage included);</li>
 *   <li><b>sampled</b>: the largest {@code used} heap seen by a sampling thread every 10 ms (a lower
 *       bound of the real peak, garbage included);</li>
 *   <li><b>live</b>: the largest heap still in use right after a garbage collection, from the JVM's GC
 *       notifications: the most the program really held at once, which is what must stay bounded.</li>
 * </ul>
 * One meter measures one scenario at a time; not thread-safe.
 */
final class HeapMeter {

    private static final long MB = 1024L * 1024L;

    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    private final AtomicLong sampledMax = new AtomicLong();
    private final AtomicLong liveMax = new AtomicLong();
    private final NotificationListener gcListener = this::onGc;
    private volatile boolean sampling;
    private Thread sampler;

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
        sampler.interrupt();
        try {
            sampler.join(1_000);
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
        return new HeapPeak(mb(peak), mb(sampledMax.get()), mb(liveMax.get()),
                mb(Runtime.getRuntime().maxMemory()));
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
     * @param peakMb sum of the heap pools' peak usages (upper bound, garbage included)
     * @param sampledPeakMb largest used heap seen every 10 ms (garbage included)
     * @param liveAfterGcPeakMb largest heap in use right after a collection; 0 when no collection ran
     * @param maxHeapMb the JVM's maximum heap ({@code -Xmx})
     */
    record HeapPeak(double peakMb, double sampledPeakMb, double liveAfterGcPeakMb, double maxHeapMb) {
    }
}
