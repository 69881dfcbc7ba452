package org.segmentlab.simulator.engine;

/**
 * The trailing window of every customer: one slot per month of the last {@code window} months, written each month
 * and read by the features. The only type that knows the layout, slot-major: slot k of customer i is at {@code
 * k·stride + i} (stride = the capacity), month t is slot {@code t mod window}. So a month's writes fill one contiguous
 * stretch of each column instead of touching every customer's cache lines, and the chunk kernels of {@link WindowSums}
 * read contiguous runs of customers slot by slot (the byte columns eight customers to a long). Two counts share a byte each (served requests with the "a discount
 * was offered" flag in the high bit; voiced complaints in the low nibble with the referral in the high one), which
 * keeps the ring at 11 bytes a customer-month.
 */
final class WindowRing {
    /** Counts saturate at what their bits hold: 255 purchases, 127 served requests, 15 voiced complaints. */
    private static final int MAX_PURCHASES = 255;
    private static final int MAX_SERVED = 0x7F;
    private static final int MAX_VOICED = 0x0F;
    private static final int OFFERED = 0x80;

    /** Bytes one customer's ring takes, for the state-size account. */
    static long bytesPerCustomer(int window) {
        return (long) window * (4 + 4 + 1 + 1 + 1);
    }

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

    WindowRing(int window, int capacity) {
        this.window = window;
        this.stride = strideOf(capacity);
        revenue = new float[stride * window];
        margin = new float[stride * window];
        purchases = new long[stride / 8 * window];
        servedOffered = new long[stride / 8 * window];
        complaintsReferrals = new long[stride / 8 * window];
    }

    private WindowRing(WindowRing o) {
        this.window = o.window;
        this.stride = o.stride;
        this.revenue = o.revenue.clone();
        this.margin = o.margin.clone();
        this.purchases = o.purchases.clone();
        this.servedOffered = o.servedOffered.clone();
        this.complaintsReferrals = o.complaintsReferrals.clone();
    }

    WindowRing copy() {
        return new WindowRing(this);
    }

    private static int strideOf(int capacity) {
        return (capacity + 7) & ~7;
    }

    /** Keeps every slot written so far and makes room for {@code capacity} customers (each slot moves to its new start). */
    void grow(int capacity) {
        int next = strideOf(capacity);
        revenue = regrown(revenue, stride, next);
        margin = regrown(margin, stride, next);
        purchases = regrown(purchases, stride / 8, next / 8);
        servedOffered = regrown(servedOffered, stride / 8, next / 8);
        complaintsReferrals = regrown(complaintsReferrals, stride / 8, next / 8);
        stride = next;
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
        putByte(purchases, slot, Math.min(monthPurchases, MAX_PURCHASES));
        putByte(servedOffered, slot, Math.min(served, MAX_SERVED) | (offered ? OFFERED : 0));
        putByte(complaintsReferrals, slot, Math.min(voiced, MAX_VOICED) | (referred << 4));
    }

    /** Writes a month known only from a transaction log (no service, discounts or complaints). */
    void writeObserved(int i, int monthSlot, double monthRevenue, double monthMargin, int monthPurchases) {
        int slot = monthSlot * stride + i;
        revenue[slot] = (float) monthRevenue;
        margin[slot] = (float) monthMargin;
        putByte(purchases, slot, Math.min(monthPurchases, MAX_PURCHASES));
    }

    /** Sets byte {@code slot} of a packed column (little-endian within each long). */
    private static void putByte(long[] column, int slot, int value) {
        int shift = (slot & 7) << 3;
        int word = slot >>> 3;
        column[word] = (column[word] & ~(0xFFL << shift)) | ((long) (value & 0xFF) << shift);
    }

    /** Empties customer i's window (a returning customer starts a new history). */
    void clear(int i) {
        for (int slot = i; slot < window * stride; slot += stride) {
            revenue[slot] = 0f;
            margin[slot] = 0f;
            putByte(purchases, slot, 0);
            putByte(servedOffered, slot, 0);
            putByte(complaintsReferrals, slot, 0);
        }
    }

    /** Window revenue of customers {@code from .. to-1} into {@code into.revenue} (see {@link WindowSums#sums}). */
    void revenue(int from, int to, WindowSums.WindowCounts into, WindowSumsKernel kernel) {
        kernel.sums(revenue, stride, from, to - from, window, into.revenue, into.scratch);
    }

    /** Window margin of customers {@code from .. to-1} into {@code into.margin}. */
    void margin(int from, int to, WindowSums.WindowCounts into, WindowSumsKernel kernel) {
        kernel.sums(margin, stride, from, to - from, window, into.margin, into.scratch);
    }

    /** Every count of the windows of customers {@code from .. to-1}, from one read of each byte column. */
    void counts(int from, int to, WindowSums.WindowCounts into) {
        WindowSums.counts(purchases, servedOffered, complaintsReferrals, stride, from, to - from, window, into);
    }
}
