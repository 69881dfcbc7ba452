package org.segmentlab.simulator.population;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.Objects;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Refuses sizes beyond what the heap can hold, up front and with the number that would fit ("Sizes" in
 * docs/model.md), instead of an {@link OutOfMemoryError} halfway through a run.
 *
 * <p>The budget is {@value #USABLE_SHARE} of the maximum heap ({@code -Xmx}) less the heap in use now: the rest is
 * head-room for the collector, for the other arrays of a run and for the copies a comparison makes. "In use" is
 * {@code totalMemory() − freeMemory()}, which counts garbage not yet collected, so the estimate errs on the safe side;
 * {@link #check} therefore collects once before refusing a size that would fit in an empty heap.
 *
 * <p>The collector decides where long-lived arrays can go, so the budget knows its layout. Serial and Parallel keep
 * them in the old generation, which is only part of the heap (two thirds by default): the budget is at most
 * {@value #TENURED_SHARE} of it. G1 gives every array of half a region or more whole regions of its own (a column of
 * 1.04 MiB in a 160 MiB heap takes two 1 MiB regions): {@link #footprint} rounds such arrays up. Without these, the
 * figure a refusal named could itself run out of memory in a small heap.
 *
 * <p>The static methods judge this JVM; {@link #assuming} gives a budget for any heap (for tests, or to plan a run
 * for another machine).
 */
public final class HeapBudget {
    /** The share of the maximum heap a run may plan to use. */
    public static final double USABLE_SHARE = 0.7;
    /** The share of the old generation (Serial, Parallel) a run may plan to fill with its long-lived arrays. */
    public static final double TENURED_SHARE = 0.9;

    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final double MIB = 1024.0 * 1024;

    private final long maxHeap;
    private final long usedHeap;
    /** G1's region size; 0 for a collector without regions. */
    private final long regionBytes;
    /** The old generation's maximum (Serial, Parallel); 0 for a collector whose old objects may fill the heap. */
    private final long tenuredMax;

    private HeapBudget(long maxHeap, long usedHeap, long regionBytes, long tenuredMax) {
        this.maxHeap = maxHeap;
        this.usedHeap = usedHeap;
        this.regionBytes = regionBytes;
        this.tenuredMax = tenuredMax;
    }

    /** The budget of this JVM now. */
    public static HeapBudget current() {
        Runtime runtime = Runtime.getRuntime();
        return new HeapBudget(runtime.maxMemory(), runtime.totalMemory() - runtime.freeMemory(),
                ThisCollector.REGION_BYTES, ThisCollector.TENURED_MAX);
    }

    /** The running collector's layout, read once: it cannot change while the JVM runs. */
    private static final class ThisCollector {
        static final long REGION_BYTES = g1RegionBytes();
        static final long TENURED_MAX = tenuredMax();

        private static long g1RegionBytes() {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotSpot == null || !"true".equals(hotSpot.getVMOption("UseG1GC").getValue())) {
                return 0;
            }
            return Long.parseLong(hotSpot.getVMOption("G1HeapRegionSize").getValue());
        }

        private static long tenuredMax() {
            if (g1RegionBytes() > 0) {
                return 0;
            }
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                String name = pool.getName();
                if (pool.getType() == MemoryType.HEAP && (name.endsWith("Old Gen") || name.startsWith("Tenured"))) {
                    return Math.max(0, pool.getUsage().getMax());
                }
            }
            return 0;
        }
    }

    /** The budget of a JVM with this maximum heap and this much of it in use, in bytes. */
    public static HeapBudget assuming(long maxHeapBytes, long usedHeapBytes) {
        if (maxHeapBytes <= 0 || usedHeapBytes < 0) {
            throw new IllegalArgumentException("need max heap > 0 and used heap >= 0, got " + maxHeapBytes + " and "
                    + usedHeapBytes);
        }
        return new HeapBudget(maxHeapBytes, usedHeapBytes, 0, 0);
    }

    /**
     * This budget under a collector with {@code regionBytes} regions (G1; 0: none) and an old generation of at most
     * {@code tenuredMaxBytes} (Serial, Parallel; 0: old objects may fill the heap).
     */
    public HeapBudget withCollector(long regionBytes, long tenuredMaxBytes) {
        if (regionBytes < 0 || tenuredMaxBytes < 0) {
            throw new IllegalArgumentException("need region and old generation sizes >= 0, got " + regionBytes
                    + " and " + tenuredMaxBytes);
        }
        return new HeapBudget(maxHeap, usedHeap, regionBytes, tenuredMaxBytes);
    }

    /**
     * Refuses {@code customers} customers of {@code bytesPerCustomer} bytes each if they do not fit in this JVM.
     *
     * @param what the scenario path or name of the size, first in the message (e.g. {@code market.potential})
     * @throws HeapBudgetException if they do not fit
     */
    public static void check(long customers, long bytesPerCustomer, String what) {
        HeapBudget budget = current();
        if (customers > budget.customersThatFit(bytesPerCustomer)
                && customers <= assuming(budget.maxHeap, 0).customersThatFit(bytesPerCustomer)) {
            // A refusal is final for the user, and "in use" counts garbage: before refusing a size that would fit
            // in an empty heap, collect once and measure again. Only borderline sizes pay for this.
            System.gc();
            budget = current();
        }
        budget.require(customers, bytesPerCustomer, what);
    }

    /** The most customers of {@code bytesPerCustomer} bytes each that fit in this JVM now. */
    public static long maxCustomers(long bytesPerCustomer) {
        return current().customersThatFit(bytesPerCustomer);
    }

    /** The maximum heap ({@code -Xmx}) this budget assumes, in bytes. */
    public long maxHeap() {
        return maxHeap;
    }

    /** The heap in use this budget assumes, in bytes. */
    public long usedHeap() {
        return usedHeap;
    }

    /** The same maximum heap with nothing in use: what a fresh JVM of this size could plan for. */
    public HeapBudget empty() {
        return new HeapBudget(maxHeap, 0, regionBytes, tenuredMax);
    }

    /**
     * The smallest {@code -Xmx}, in whole GiB, whose budget holds {@code bytes} more than is in use now (for the
     * {@code JAVA_OPTS=-Xmx…} hint of a refusal).
     */
    public long maxHeapGibFor(double bytes) {
        double share = tenuredMax > 0 ? Math.min(USABLE_SHARE, TENURED_SHARE * tenuredMax / maxHeap) : USABLE_SHARE;
        return Math.max(1, (long) Math.ceil((bytes + usedHeap) / share / GIB));
    }

    /**
     * The bytes a run may still plan to use: {@value #USABLE_SHARE} of the maximum heap, or {@value #TENURED_SHARE} of
     * the old generation if that is less, less what is in use.
     */
    public long usableBytes() {
        return Math.max(0, plannable() - usedHeap);
    }

    private long plannable() {
        long share = (long) (USABLE_SHARE * maxHeap);
        return tenuredMax > 0 ? Math.min(share, (long) (TENURED_SHARE * tenuredMax)) : share;
    }

    /**
     * What the heap gives an array of {@code bytes} (header included): G1 gives an array of half a region or more
     * whole regions of its own; other collectors give it its bytes.
     */
    public long footprint(long bytes) {
        if (regionBytes > 0 && bytes >= regionBytes / 2) {
            long regions = (bytes + regionBytes - 1) / regionBytes;
            return regions > Long.MAX_VALUE / regionBytes ? Long.MAX_VALUE : regions * regionBytes;
        }
        return bytes;
    }

    /** "103.7 MiB (70% of the 160.0 MiB maximum heap, less 8.3 MiB in use)": what the budget allows and why. */
    public String allowance() {
        String of = tenuredMax > 0 && (long) (TENURED_SHARE * tenuredMax) < (long) (USABLE_SHARE * maxHeap)
                ? String.format(Locale.ROOT, "%d%% of the %s old generation of a %s heap",
                        Math.round(TENURED_SHARE * 100), bytes(tenuredMax), bytes(maxHeap))
                : String.format(Locale.ROOT, "%d%% of the %s maximum heap", Math.round(USABLE_SHARE * 100),
                        bytes(maxHeap));
        return String.format(Locale.ROOT, "%s (%s, less %s in use)", bytes(usableBytes()), of, bytes(usedHeap));
    }

    /** The most customers of {@code bytesPerCustomer} bytes each that fit in this budget. */
    public long customersThatFit(long bytesPerCustomer) {
        if (bytesPerCustomer <= 0) {
            throw new IllegalArgumentException("bytes per customer must be > 0, got " + bytesPerCustomer);
        }
        return usableBytes() / bytesPerCustomer;
    }

    /**
     * Refuses {@code customers} customers of {@code bytesPerCustomer} bytes each if they do not fit in this budget.
     *
     * @throws HeapBudgetException if they do not fit
     */
    public void require(long customers, long bytesPerCustomer, String what) {
        Objects.requireNonNull(what, "what");
        if (customers < 0) {
            throw new IllegalArgumentException(what + ": the number of customers must be >= 0, got " + customers);
        }
        long fit = customersThatFit(bytesPerCustomer);
        if (customers > fit) {
            double needed = (double) customers * bytesPerCustomer;
            throw new HeapBudgetException(String.format(Locale.ROOT,
                    "%s: %d customers need ~%s of heap; at most %s fit in what this JVM may use, %s; raise -Xmx"
                            + " or lower the size", what, customers, bytes(needed), grouped(fit), allowance()),
                    what, customers, fit);
        }
    }

    /** 12 345 678: digits grouped by plain spaces, the same in every locale, terminal and log. */
    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    /** 1.5 GiB, 320.0 MiB, 12 kB: binary units, as {@code -Xmx} counts them. */
    public static String bytes(double bytes) {
        if (bytes >= GIB) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / GIB);
        }
        if (bytes >= MIB) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
        }
        return String.format(Locale.ROOT, "%.0f kB", Math.ceil(bytes / 1024));
    }
}
