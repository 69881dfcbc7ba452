package org.segmentlab.simulator.population;

import java.util.Locale;
import java.util.Objects;

/**
 * Refuses sizes beyond what the heap can hold, up front and with the number that would fit ("Sizes" in
 * docs/model.md), instead of an {@link OutOfMemoryError} halfway through a run.
 *
 * <p>The budget is {@value #USABLE_SHARE} of the maximum heap ({@code -Xmx}) less the heap in use now: the rest is
 * head-room for the collector, for the other arrays of a run and for the copies a comparison makes. "In use" is
 * {@code totalMemory() − freeMemory()}, which counts garbage not yet collected, so the estimate errs on the safe side;
 * {@link #check} therefore collects once before refusing a size that would fit in an empty heap.
 *
 * <p>The static methods judge this JVM; {@link #assuming} gives a budget for any heap (for tests, or to plan a run
 * for another machine).
 */
public final class HeapBudget {
    /** The share of the maximum heap a run may plan to use. */
    public static final double USABLE_SHARE = 0.7;

    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final double MIB = 1024.0 * 1024;

    private final long maxHeap;
    private final long usedHeap;

    private HeapBudget(long maxHeap, long usedHeap) {
        this.maxHeap = maxHeap;
        this.usedHeap = usedHeap;
    }

    /** The budget of this JVM now. */
    public static HeapBudget current() {
        Runtime runtime = Runtime.getRuntime();
        return new HeapBudget(runtime.maxMemory(), runtime.totalMemory() - runtime.freeMemory());
    }

    /** The budget of a JVM with this maximum heap and this much of it in use, in bytes. */
    public static HeapBudget assuming(long maxHeapBytes, long usedHeapBytes) {
        if (maxHeapBytes <= 0 || usedHeapBytes < 0) {
            throw new IllegalArgumentException("need max heap > 0 and used heap >= 0, got " + maxHeapBytes + " and "
                    + usedHeapBytes);
        }
        return new HeapBudget(maxHeapBytes, usedHeapBytes);
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
        return new HeapBudget(maxHeap, 0);
    }

    /**
     * The smallest {@code -Xmx}, in whole GiB, whose budget holds {@code bytes} more than is in use now (for the
     * {@code JAVA_OPTS=-Xmx…} hint of a refusal).
     */
    public long maxHeapGibFor(double bytes) {
        return Math.max(1, (long) Math.ceil((bytes + usedHeap) / USABLE_SHARE / GIB));
    }

    /** The bytes a run may still plan to use: {@value #USABLE_SHARE} of the maximum heap less what is in use. */
    public long usableBytes() {
        return Math.max(0, (long) (USABLE_SHARE * maxHeap) - usedHeap);
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
                    "%s: %d customers need ~%s of heap; at most %s fit in the %s this JVM may use (%d%% of the %s "
                            + "maximum heap, less %s in use; raise -Xmx or lower the size)",
                    what, customers, bytes(needed), grouped(fit), bytes(usableBytes()), Math.round(USABLE_SHARE * 100),
                    bytes(maxHeap), bytes(usedHeap)), what, customers, fit);
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
