package org.segmentlab.simulator.engine;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * The trailing window of every customer: one slot per month of the last {@code window} months, written each month
 * and read by the features. The only type that knows the layout, slot-major: slot k of customer i is at {@code
 * k·stride + i} (stride = the capacity), month t is slot {@code t mod window}. So a month's writes fill one contiguous
 * stretch of each column instead of touching every customer's cache lines, and the chunk kernels of {@link WindowSums}
 * read contiguous runs of customers slot by slot. Two counts share a byte each (served requests with the "a discount
 * was offered" flag in the high bit; voiced complaints in the low nibble with the referral in the high one), which
 * keeps the ring at 11 bytes a customer-month.
 *
 * <p>The window's six counts are also kept running, one int a customer ({@link #running}): a write adds the month's
 * bytes and takes away those of the month it overwrites, so the features read one int, not the window's bytes.
 * They are exact integers, so this changes no number: a count past its field marks the customer for a recount from
 * the ring instead of saturating.
 */
final class WindowRing {
    /** Counts saturate at what their bits hold: 255 purchases, 127 served requests, 15 voiced complaints. */
    private static final int MAX_PURCHASES = 255;
    private static final int MAX_SERVED = 0x7F;
    private static final int MAX_VOICED = 0x0F;
    private static final int OFFERED = 0x80;

    /** Bytes one customer's ring takes, for the state-size account. */
    static long bytesPerCustomer(int window) {
        return Arrays.stream(columnBytes(window)).asLongStream().sum();
    }

    /** Bytes a customer takes in each of the ring's {@link #COLUMNS} arrays: revenue, margin, three of bytes, running. */
    static int[] columnBytes(int window) {
        return new int[] {Float.BYTES * window, Float.BYTES * window, window, window, window, Integer.BYTES};
    }

    /*
     * The running counts' fields, low bits first: purchases 8 (255 means "recount"), purchases in offered months 7,
     * months offered 4, served requests 6, voiced complaints 3, referrals 4. At the default window the fields hold
     * all but a heavy buyer's or a heavy complainer's counts (fewer than 1 customer in 100 recounts); longer windows
     * recount more often. Wider fields would cost state bytes (192 is the budget).
     */
    private static final int RECOUNT = 0xFF;
    private static final int OFFERED_PURCHASES_AT = 8;
    private static final int MONTHS_OFFERED_AT = 15;
    private static final int SERVED_AT = 19;
    private static final int VOICED_AT = 25;
    private static final int REFERRALS_AT = 28;

    final int window;
    /**
     * The distance between two slots of one customer: the capacity rounded up to a multiple of 8, so that the byte
     * columns pack the same slot of eight consecutive customers into one long (customer {@code 8q + b} in byte b).
     */
    private int stride;
    private float[] revenue;
    private float[] margin;
    private long[] purchases;
    /** Served requests (low 7 bits) and whether a discount was offered that month (high bit). */
    private long[] servedOffered;
    /** Voiced complaints (low nibble) and the referral made (high nibble). */
    private long[] complaintsReferrals;
    /** The six window counts of each customer, packed ({@link #pack}), or {@link #RECOUNT}: read the ring. */
    private int[] running;

    WindowRing(int window, int capacity) {
        this.window = window;
        this.stride = strideOf(capacity);
        revenue = new float[stride * window];
        margin = new float[stride * window];
        purchases = new long[stride / 8 * window];
        servedOffered = new long[stride / 8 * window];
        complaintsReferrals = new long[stride / 8 * window];
        running = new int[stride];
    }

    private WindowRing(WindowRing o) {
        this.window = o.window;
        this.stride = o.stride;
        this.revenue = o.revenue.clone();
        this.margin = o.margin.clone();
        this.purchases = o.purchases.clone();
        this.servedOffered = o.servedOffered.clone();
        this.complaintsReferrals = o.complaintsReferrals.clone();
        this.running = o.running.clone();
    }

    WindowRing copy() {
        return new WindowRing(this);
    }

    private static int strideOf(int capacity) {
        return (capacity + 7) & ~7;
    }

    /**
     * Keeps every slot written so far and makes room for {@code capacity} customers (each slot moves to its new start).
     * The columns are independent, so the pool's workers copy them side by side (null: in the calling thread), the
     * largest first: the ring is most of the state, and a growing market's copies were a serial part of its month.
     */
    void grow(int capacity, ForkJoinPool pool) {
        int next = strideOf(capacity);
        int from = stride;
        PoolBlocks.forEach(pool, 6, column -> {
            switch (column) {
                case 0 -> revenue = regrown(revenue, from, next);
                case 1 -> margin = regrown(margin, from, next);
                case 2 -> purchases = regrown(purchases, from / 8, next / 8);
                case 3 -> servedOffered = regrown(servedOffered, from / 8, next / 8);
                case 4 -> complaintsReferrals = regrown(complaintsReferrals, from / 8, next / 8);
                default -> running = Arrays.copyOf(running, next);
            }
        });
        stride = next;
    }

    /** How many columns {@link #retain} moves. */
    static final int COLUMNS = 6;

    /**
     * Keeps customers {@code rows[0 .. count-1]} (ascending) of one column ({@code 0 … COLUMNS-1}) as customers
     * {@code 0 .. count-1}, every slot, in place (a customer only moves down), and empties the customers left behind
     * up to {@code size}, so a customer appended later starts with an empty window. The columns are independent.
     */
    void retain(int column, int[] rows, int count, int size) {
        switch (column) {
            case 0 -> retain(revenue, rows, count, size);
            case 1 -> retain(margin, rows, count, size);
            case 2 -> retain(purchases, rows, count, size);
            case 3 -> retain(servedOffered, rows, count, size);
            case 4 -> retain(complaintsReferrals, rows, count, size);
            default -> {
                for (int k = 0; k < count; k++) {
                    running[k] = running[rows[k]];
                }
                Arrays.fill(running, count, size, 0);
            }
        }
    }

    private void retain(float[] column, int[] rows, int count, int size) {
        for (int base = 0; base < window * stride; base += stride) {
            for (int k = 0; k < count; k++) {
                column[base + k] = column[base + rows[k]];
            }
            Arrays.fill(column, base + count, base + size, 0f);
        }
    }

    /**
     * A packed byte column, slot by slot through a byte array (the words unpacked and packed back in bulk, little-endian
     * as {@link #getByte} reads them): gathering bytes from words one at a time was 1.5× a float column's time.
     */
    private void retain(long[] column, int[] rows, int count, int size) {
        int words = (size + 7) >>> 3;
        byte[] bytes = new byte[words << 3];
        java.nio.LongBuffer view = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        for (int word = 0; word < window * stride >>> 3; word += stride >>> 3) {
            view.clear();
            view.put(column, word, words);
            for (int k = 0; k < count; k++) {
                bytes[k] = bytes[rows[k]];
            }
            Arrays.fill(bytes, count, size, (byte) 0);
            view.clear();
            view.get(column, word, words);
        }
    }

    private float[] regrown(float[] column, int from, int to) {
        float[] grown = new float[to * window];
        for (int k = 0; k < window; k++) {
            System.arraycopy(column, k * from, grown, k * to, from);
        }
        return grown;
    }

    private long[] regrown(long[] column, int from, int to) {
        long[] grown = new long[to * window];
        for (int k = 0; k < window; k++) {
            System.arraycopy(column, k * from, grown, k * to, from);
        }
        return grown;
    }

    /** The slot month t takes in every customer's window (negative months of a burn-in or a history included). */
    int slotOf(int t) {
        return Math.floorMod(t, window);
    }

    /** Writes one month of customer i into the month's slot ({@link #slotOf}, found once a month: a division). */
    void write(int i, int monthSlot, double monthRevenue, double monthMargin, int monthPurchases, int served, boolean offered,
               int voiced, int referred) {
        int slot = monthSlot * stride + i;
        revenue[slot] = (float) monthRevenue;
        margin[slot] = (float) monthMargin;
        int p = Math.min(monthPurchases, MAX_PURCHASES);
        int so = Math.min(served, MAX_SERVED) | (offered ? OFFERED : 0);
        int cr = Math.min(voiced, MAX_VOICED) | (referred << 4);
        int oldP = swapByte(purchases, slot, p);
        int oldSo = swapByte(servedOffered, slot, so);
        int oldCr = swapByte(complaintsReferrals, slot, cr);
        running[i] = advanced(i, running[i], oldP, oldSo, oldCr, p, so, cr);
    }

    /** Writes a month known only from a transaction log (no service, discounts or complaints). */
    void writeObserved(int i, int monthSlot, double monthRevenue, double monthMargin, int monthPurchases) {
        int slot = monthSlot * stride + i;
        revenue[slot] = (float) monthRevenue;
        margin[slot] = (float) monthMargin;
        int p = Math.min(monthPurchases, MAX_PURCHASES);
        int oldP = swapByte(purchases, slot, p);
        int so = getByte(servedOffered, slot);
        int cr = getByte(complaintsReferrals, slot);
        running[i] = advanced(i, running[i], oldP, so, cr, p, so, cr);
    }

    /** Sets byte {@code slot} of a packed column (little-endian within each long) and returns what it held. */
    private static int swapByte(long[] column, int slot, int value) {
        int shift = (slot & 7) << 3;
        int word = slot >>> 3;
        long w = column[word];
        column[word] = (w & ~(0xFFL << shift)) | ((long) (value & 0xFF) << shift);
        return (int) (w >>> shift) & 0xFF;
    }

    private static int getByte(long[] column, int slot) {
        return (int) (column[slot >>> 3] >>> ((slot & 7) << 3)) & 0xFF;
    }

    /**
     * Customer i's running counts after a slot's bytes went from (oldP, oldSo, oldCr) to (p, so, cr): each count
     * takes away the old month and adds the new one; a customer marked for a recount is counted again from the ring
     * (which already holds the new bytes).
     */
    private int advanced(int i, int r, int oldP, int oldSo, int oldCr, int p, int so, int cr) {
        if ((r & RECOUNT) == RECOUNT) {
            return recounted(i);
        }
        return pack((r & 0xFF) - oldP + p,
                (r >>> OFFERED_PURCHASES_AT & 0x7F) - (oldSo >= OFFERED ? oldP : 0) + (so >= OFFERED ? p : 0),
                (r >>> MONTHS_OFFERED_AT & 0xF) - (oldSo >>> 7) + (so >>> 7),
                (r >>> SERVED_AT & 0x3F) - (oldSo & MAX_SERVED) + (so & MAX_SERVED),
                (r >>> VOICED_AT & 0x7) - (oldCr & MAX_VOICED) + (cr & MAX_VOICED),
                (r >>> REFERRALS_AT) - (oldCr >>> 4) + (cr >>> 4));
    }

    /** The six counts in one int, or {@link #RECOUNT} when one of them does not fit its field. */
    private static int pack(int bought, int boughtOffered, int monthsOffered, int served, int voiced, int referrals) {
        if (bought >= RECOUNT || boughtOffered > 0x7F || monthsOffered > 0xF || served > 0x3F || voiced > 0x7
                || referrals > 0xF) {
            return RECOUNT;
        }
        return bought | boughtOffered << OFFERED_PURCHASES_AT | monthsOffered << MONTHS_OFFERED_AT | served << SERVED_AT
                | voiced << VOICED_AT | referrals << REFERRALS_AT;
    }

    /** How many counts {@link #counts(int, int[])} writes. */
    static final int COUNTS = 6;

    /** Customer i's counts from the ring's slots, packed (or {@link #RECOUNT} again). */
    private int recounted(int i) {
        int[] c = new int[COUNTS];
        countSlots(i, c);
        return pack(c[0], c[1], c[2], c[3], c[4], c[5]);
    }

    /** Adds up customer i's window slot by slot into {@code into}: the six counts in {@link #counts(int, int[])}' order. */
    private void countSlots(int i, int[] into) {
        Arrays.fill(into, 0);
        for (int slot = i; slot < window * stride; slot += stride) {
            int p = getByte(purchases, slot);
            int so = getByte(servedOffered, slot);
            int cr = getByte(complaintsReferrals, slot);
            into[0] += p;
            into[1] += so >= OFFERED ? p : 0;
            into[2] += so >>> 7;
            into[3] += so & MAX_SERVED;
            into[4] += cr & MAX_VOICED;
            into[5] += cr >>> 4;
        }
    }

    /** Empties customer i's window (a returning customer starts a new history). */
    void clear(int i) {
        for (int slot = i; slot < window * stride; slot += stride) {
            revenue[slot] = 0f;
            margin[slot] = 0f;
            swapByte(purchases, slot, 0);
            swapByte(servedOffered, slot, 0);
            swapByte(complaintsReferrals, slot, 0);
        }
        running[i] = 0;
    }

    /** Window revenue of customers {@code from .. to-1} into {@code into.revenue} (see {@link WindowSums#sums}). */
    void revenue(int from, int to, WindowSums.Totals into, WindowSumsKernel kernel) {
        kernel.sums(revenue, stride, from, to - from, window, into.revenue, into.scratch);
    }

    /** Window margin of customers {@code from .. to-1} into {@code into.margin}. */
    void margin(int from, int to, WindowSums.Totals into, WindowSumsKernel kernel) {
        kernel.sums(margin, stride, from, to - from, window, into.margin, into.scratch);
    }

    /**
     * Customer i's six window counts into {@code into} ({@link #COUNTS} entries): purchases, purchases in months a
     * discount was offered, months offered, served requests, voiced complaints, referrals. The running counts
     * unpacked; a customer marked for a recount is counted from the ring's slots. Read per active customer by the
     * features' loop, so nothing is unpacked for the churned and no per-chunk arrays are written and read back.
     */
    void counts(int i, int[] into) {
        int r = running[i];
        if ((r & RECOUNT) == RECOUNT) {
            countSlots(i, into);
            return;
        }
        into[0] = r & 0xFF;
        into[1] = r >>> OFFERED_PURCHASES_AT & 0x7F;
        into[2] = r >>> MONTHS_OFFERED_AT & 0xF;
        into[3] = r >>> SERVED_AT & 0x3F;
        into[4] = r >>> VOICED_AT & 0x7;
        into[5] = r >>> REFERRALS_AT;
    }
}
