package org.segmentlab.simulator.engine;

import java.util.Arrays;

/**
 * The trailing window of every customer: one slot per month of the last {@code window} months, written each month
 * and read by the features. The only type that knows the layout: customer i's slots are {@code [i·window,
 * (i+1)·window)}, month t is slot {@code t mod window}, and two counts share a byte each (served requests with the
 * "a discount was offered" flag in the high bit; voiced complaints in the low nibble with the referral in the high one),
 * which keeps the ring at 11 bytes a customer-month.
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
    private float[] revenue;
    private float[] margin;
    private byte[] purchases;
    /** Served requests (low 7 bits) and whether a discount was offered that month (high bit). */
    private byte[] servedOffered;
    /** Voiced complaints (low nibble) and the referral made (high nibble). */
    private byte[] complaintsReferrals;

    WindowRing(int window, int capacity) {
        this.window = window;
        allocate(capacity);
    }

    private WindowRing(WindowRing o) {
        this.window = o.window;
        this.revenue = o.revenue.clone();
        this.margin = o.margin.clone();
        this.purchases = o.purchases.clone();
        this.servedOffered = o.servedOffered.clone();
        this.complaintsReferrals = o.complaintsReferrals.clone();
    }

    WindowRing copy() {
        return new WindowRing(this);
    }

    private void allocate(int capacity) {
        revenue = new float[capacity * window];
        margin = new float[capacity * window];
        purchases = new byte[capacity * window];
        servedOffered = new byte[capacity * window];
        complaintsReferrals = new byte[capacity * window];
    }

    /** Keeps every slot written so far and makes room for {@code capacity} customers. */
    void grow(int capacity) {
        revenue = Arrays.copyOf(revenue, capacity * window);
        margin = Arrays.copyOf(margin, capacity * window);
        purchases = Arrays.copyOf(purchases, capacity * window);
        servedOffered = Arrays.copyOf(servedOffered, capacity * window);
        complaintsReferrals = Arrays.copyOf(complaintsReferrals, capacity * window);
    }

    /** The slot month t takes in every customer's window (negative months of a burn-in or a history included). */
    int slotOf(int t) {
        return Math.floorMod(t, window);
    }

    /** Writes one month of customer i into the month's slot ({@link #slotOf}, found once a month: a division). */
    void write(int i, int monthSlot, double monthRevenue, double monthMargin, int monthPurchases, int served, boolean offered,
               int voiced, int referred) {
        int slot = i * window + monthSlot;
        revenue[slot] = (float) monthRevenue;
        margin[slot] = (float) monthMargin;
        purchases[slot] = (byte) Math.min(monthPurchases, MAX_PURCHASES);
        servedOffered[slot] = (byte) (Math.min(served, MAX_SERVED) | (offered ? OFFERED : 0));
        complaintsReferrals[slot] = (byte) (Math.min(voiced, MAX_VOICED) | (referred << 4));
    }

    /** Writes a month known only from a transaction log (no service, discounts or complaints). */
    void writeObserved(int i, int monthSlot, double monthRevenue, double monthMargin, int monthPurchases) {
        int slot = i * window + monthSlot;
        revenue[slot] = (float) monthRevenue;
        margin[slot] = (float) monthMargin;
        purchases[slot] = (byte) Math.min(monthPurchases, MAX_PURCHASES);
    }

    /** Empties customer i's window (a returning customer starts a new history). */
    void clear(int i) {
        int from = i * window;
        Arrays.fill(revenue, from, from + window, 0f);
        Arrays.fill(margin, from, from + window, 0f);
        Arrays.fill(purchases, from, from + window, (byte) 0);
        Arrays.fill(servedOffered, from, from + window, (byte) 0);
        Arrays.fill(complaintsReferrals, from, from + window, (byte) 0);
    }

    /** Revenue over the window, summed in the fixed pairwise order of {@link WindowSums#sum}. */
    double revenue(int i) {
        return WindowSums.sum(revenue, i * window, window);
    }

    double margin(int i) {
        return WindowSums.sum(margin, i * window, window);
    }

    /** Every count of customer i's window at once, from one read of each byte column. */
    void counts(int i, WindowSums.WindowCounts into) {
        WindowSums.counts(purchases, servedOffered, complaintsReferrals, i * window, window, into);
    }
}
