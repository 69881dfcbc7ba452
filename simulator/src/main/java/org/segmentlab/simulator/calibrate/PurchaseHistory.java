package org.segmentlab.simulator.calibrate;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A transaction log merged into <em>purchases</em>: one purchase per customer and day, as Fader, Hardie and Lee
 * count CDNOW transactions ("Counting your customers the easy way", 2005). Several lines of one customer on one day
 * are one purchase whose amount and quantity are their sums, discounted when any of them was.
 *
 * <p>Columnar and compact: customers are rows {@code 0 … customerCount()-1} in {@link #ID_ORDER}; customer
 * {@code c}'s purchases are {@code purchaseStart(c) … purchaseEnd(c)-1}, in day order, each held in primitive
 * arrays. Built once from a stream of transactions by a {@link Builder} (the log need not be sorted), then
 * immutable; the base for the observable features ({@link LogFeatures}) and for calibration.
 */
public final class PurchaseHistory {

    /**
     * The order of customer ids: ids made only of ASCII digits first, by numeric value (so {@code 9 < 10} and
     * {@code 0009 = 9} sort by their digits' value, ties by text), then every other id by text (UTF-16 code
     * units, {@link String#compareTo}). A total order, so rows are deterministic for any input order.
     */
    public static final Comparator<String> ID_ORDER = PurchaseHistory::compareIds;

    private final String[] customers;
    private final int[] start;
    private final int[] day;
    private final double[] amount;
    private final double[] quantity;
    private final boolean[] discounted;
    private final long transactions;

    private PurchaseHistory(String[] customers, int[] start, int[] day, double[] amount, double[] quantity,
            boolean[] discounted, long transactions) {
        this.customers = customers;
        this.start = start;
        this.day = day;
        this.amount = amount;
        this.quantity = quantity;
        this.discounted = discounted;
        this.transactions = transactions;
    }

    /** A builder to feed transactions to, e.g. as the sink of {@link TransactionLogReader#read}. */
    public static Builder builder() {
        return new Builder();
    }

    public int customerCount() {
        return customers.length;
    }

    /** The id of customer row {@code c}. */
    public String customer(int c) {
        return customers[c];
    }

    /** Every customer id, in row order ({@link #ID_ORDER}); an unmodifiable view. */
    public List<String> customers() {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return customers[index];
            }

            @Override
            public int size() {
                return customers.length;
            }
        };
    }

    /** The row of a customer id, or -1. */
    public int indexOf(String customerId) {
        int i = Arrays.binarySearch(customers, customerId, ID_ORDER);
        return i >= 0 ? i : -1;
    }

    /** Purchases in all (customer-days). */
    public int purchaseCount() {
        return day.length;
    }

    /** Transactions (log lines) merged into the purchases. */
    public long transactionCount() {
        return transactions;
    }

    /** The index of customer {@code c}'s first purchase. */
    public int purchaseStart(int c) {
        return start[c];
    }

    /** One past the index of customer {@code c}'s last purchase. */
    public int purchaseEnd(int c) {
        return start[c + 1];
    }

    /** The day of purchase {@code p}, as {@link LocalDate#toEpochDay()}. */
    public int epochDay(int p) {
        return day[p];
    }

    public LocalDate date(int p) {
        return LocalDate.ofEpochDay(day[p]);
    }

    /** The money purchase {@code p} brought (the sum of its lines). */
    public double amount(int p) {
        return amount[p];
    }

    /** The items of purchase {@code p}, or NaN when the log has no quantity. */
    public double quantity(int p) {
        return quantity[p];
    }

    /** Whether any line of purchase {@code p} was discounted. */
    public boolean discounted(int p) {
        return discounted[p];
    }

    /** The first day in the log; fails when the log was empty. */
    public LocalDate firstDate() {
        requireNotEmpty();
        int min = Integer.MAX_VALUE;
        for (int c = 0; c < customers.length; c++) {
            min = Math.min(min, day[start[c]]);
        }
        return LocalDate.ofEpochDay(min);
    }

    /** The last day in the log; fails when the log was empty. */
    public LocalDate lastDate() {
        requireNotEmpty();
        int max = Integer.MIN_VALUE;
        for (int c = 0; c < customers.length; c++) {
            max = Math.max(max, day[start[c + 1] - 1]);
        }
        return LocalDate.ofEpochDay(max);
    }

    public boolean isEmpty() {
        return customers.length == 0;
    }

    private void requireNotEmpty() {
        if (isEmpty()) {
            throw new IllegalStateException("the log holds no transactions");
        }
    }

    private static int compareIds(String a, String b) {
        boolean da = allDigits(a);
        boolean db = allDigits(b);
        if (da != db) {
            return da ? -1 : 1;
        }
        if (da) {
            int sa = significant(a);
            int sb = significant(b);
            int la = a.length() - sa;
            int lb = b.length() - sb;
            if (la != lb) {
                return Integer.compare(la, lb);
            }
            for (int i = 0; i < la; i++) {
                int d = Character.compare(a.charAt(sa + i), b.charAt(sb + i));
                if (d != 0) {
                    return d;
                }
            }
        }
        return a.compareTo(b);
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Index of the first significant digit (leading zeros skipped; "000" keeps its last zero). */
    private static int significant(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return i;
    }

    /**
     * Collects transactions in any order into compact primitive columns (about 25 bytes a line plus the distinct
     * ids and a running total per customer), then {@link #build()}s the history. A transaction that would take its
     * customer's total past {@link TransactionLogReader#MAX_CUSTOMER_TOTAL} is refused with a
     * {@link RejectedTransaction} (so sums stay finite and every later figure is a number). Not thread-safe.
     */
    public static final class Builder implements Consumer<Transaction> {
        private static final int MAX_LINES = Integer.MAX_VALUE - 8;

        private final Map<String, Integer> index = new HashMap<>();
        private String[] ids = new String[1024];
        private double[] total = new double[1024];
        private int[] customer = new int[4096];
        private int[] day = new int[4096];
        private double[] amount = new double[4096];
        private double[] quantity = new double[4096];
        private boolean[] discounted = new boolean[4096];
        private int lines;
        private boolean built;

        private Builder() {
        }

        @Override
        public void accept(Transaction t) {
            if (built) {
                throw new IllegalStateException("the history was already built");
            }
            if (lines >= MAX_LINES) {
                throw new RejectedTransaction(LogField.CUSTOMER, "a log of more than " + MAX_LINES
                        + " transactions is not supported");
            }
            Integer c = index.get(t.customer());
            double sum = (c == null ? 0 : total[c]) + t.amount();
            if (sum > TransactionLogReader.MAX_CUSTOMER_TOTAL) {
                throw new RejectedTransaction(LogField.AMOUNT, "customer " + t.customer() + "'s amounts add up to more"
                        + " than " + TransactionLogReader.MAX_CUSTOMER_TOTAL + " at this line; a customer's total may be"
                        + " at most " + TransactionLogReader.MAX_CUSTOMER_TOTAL + " (are the amounts in the right unit?)");
            }
            if (lines == customer.length) {
                grow();
            }
            if (c == null) {
                c = index.size();
                if (c == ids.length) {
                    ids = Arrays.copyOf(ids, ids.length * 2);
                    total = Arrays.copyOf(total, ids.length);
                }
                ids[c] = t.customer();
                index.put(t.customer(), c);
            }
            total[c] = sum;
            long epochDay = t.date().toEpochDay();
            customer[lines] = c;
            day[lines] = (int) epochDay;
            amount[lines] = t.amount();
            quantity[lines] = t.quantity();
            discounted[lines] = t.discounted();
            lines++;
        }

        private void grow() {
            int size = (int) Math.min(MAX_LINES, lines + (lines >> 1) + 16L);
            customer = Arrays.copyOf(customer, size);
            day = Arrays.copyOf(day, size);
            amount = Arrays.copyOf(amount, size);
            quantity = Arrays.copyOf(quantity, size);
            discounted = Arrays.copyOf(discounted, size);
        }

        /** Transactions fed so far. */
        public int transactionCount() {
            return lines;
        }

        /** Sorts and merges what was fed; the builder cannot be used afterwards. */
        public PurchaseHistory build() {
            built = true;
            int n = index.size();
            // Rows in id order: rank[first-seen index] = row.
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            String[] seen = ids;
            Arrays.sort(order, (x, y) -> ID_ORDER.compare(seen[x], seen[y]));
            String[] sortedIds = new String[n];
            int[] rank = new int[n];
            for (int r = 0; r < n; r++) {
                sortedIds[r] = seen[order[r]];
                rank[order[r]] = r;
            }
            // Counting sort of the lines by row, keeping their order inside a row.
            int[] lineStart = new int[n + 1];
            for (int i = 0; i < lines; i++) {
                lineStart[rank[customer[i]] + 1]++;
            }
            for (int r = 0; r < n; r++) {
                lineStart[r + 1] += lineStart[r];
            }
            int[] fill = Arrays.copyOf(lineStart, n);
            int[] byRow = new int[lines];
            int longest = 0;
            for (int i = 0; i < lines; i++) {
                byRow[fill[rank[customer[i]]]++] = i;
            }
            for (int r = 0; r < n; r++) {
                longest = Math.max(longest, lineStart[r + 1] - lineStart[r]);
            }
            // Inside a row, sort by day (key = day, then position, so equal days keep the log order) and merge days.
            long[] keys = new long[longest];
            int[] outStart = new int[n + 1];
            int[] outDay = new int[lines];
            double[] outAmount = new double[lines];
            double[] outQuantity = new double[lines];
            boolean[] outDiscounted = new boolean[lines];
            int p = 0;
            for (int r = 0; r < n; r++) {
                int from = lineStart[r];
                int count = lineStart[r + 1] - from;
                for (int k = 0; k < count; k++) {
                    keys[k] = ((long) day[byRow[from + k]] << 32) | k;
                }
                Arrays.sort(keys, 0, count);
                outStart[r] = p;
                int currentDay = 0;
                for (int k = 0; k < count; k++) {
                    int line = byRow[from + (int) (keys[k] & 0xFFFF_FFFFL)];
                    if (k == 0 || day[line] != currentDay) {
                        currentDay = day[line];
                        outDay[p] = currentDay;
                        outAmount[p] = amount[line];
                        outQuantity[p] = quantity[line];
                        outDiscounted[p] = discounted[line];
                        p++;
                    } else {
                        outAmount[p - 1] += amount[line];
                        outQuantity[p - 1] += quantity[line];
                        outDiscounted[p - 1] |= discounted[line];
                    }
                }
            }
            outStart[n] = p;
            PurchaseHistory history = new PurchaseHistory(sortedIds, outStart, Arrays.copyOf(outDay, p),
                    Arrays.copyOf(outAmount, p), Arrays.copyOf(outQuantity, p), Arrays.copyOf(outDiscounted, p), lines);
            // Release the line columns: the history is all that is needed now.
            customer = null;
            day = null;
            amount = null;
            quantity = null;
            discounted = null;
            ids = null;
            total = null;
            index.clear();
            return history;
        }
    }
}
