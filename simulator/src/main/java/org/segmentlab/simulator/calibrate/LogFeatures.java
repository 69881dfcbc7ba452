package org.segmentlab.simulator.calibrate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.feature.FeatureTable;
import org.segmentlab.model.feature.PromoLift;
import org.segmentlab.model.feature.ValueRanks;

/**
 * The observable features of real customers, computed from their {@link PurchaseHistory} as of a date, so the
 * built-in taxonomies can classify a real customer base the way the simulator classifies a synthetic one.
 *
 * <p><b>Who is in the table.</b> Every customer with a purchase on or before the as-of date (the default as-of
 * date is the last day in the log). Customers whose first purchase comes later were not yet customers and are
 * left out (counted in {@link #notYetCustomers()}); purchases after the as-of date are ignored. Rows are in
 * {@link PurchaseHistory#ID_ORDER} (ids sorted; numeric ids by value).
 *
 * <p><b>Window.</b> The trailing window of {@code m} calendar months (12 by default) ends with the as-of day and
 * starts {@code m} months before the day after it (so a month-end as-of date gives whole calendar months): as of
 * 1998-06-30 a 12-month window is 1997-07-01 … 1998-06-30, as of 2020-04-30 a 1-month window is 2020-04-01 …
 * 2020-04-30, both ends included.
 *
 * <p><b>Purchases.</b> A purchase is a customer-day: several log lines of one customer on one day are one purchase
 * (Fader, Hardie &amp; Lee's convention for CDNOW; its 6,919 lines are 6,696 purchases), so a basket split across
 * lines is not counted twice.
 *
 * <p><b>Features</b>, per customer:
 * <ul>
 * <li>{@code recency}: months from the last purchase (at any time up to the as-of date, not only in the window) to
 *     the as-of date, as days / 30.4375 (the mean Gregorian month, 365.25 / 12): 0 = bought on the as-of day; it
 *     can exceed the window length.</li>
 * <li>{@code frequency}: purchases (customer-days) in the window; 0 for a customer not active in the window.</li>
 * <li>{@code monetary}: the sum of the amounts in the window, in the log's currency.</li>
 * <li>{@code tenure}: months from the first purchase to the as-of date, as days / 30.4375.</li>
 * <li>{@code valueRank}: the percentile of {@code monetary} by the one rule of {@link ValueRanks}, as the simulator
 *     ranks: among every customer in the table (a log records no departures, so every customer who has bought by
 *     the as-of date counts as active; one who bought nothing in the window ranks with monetary 0), the share of
 *     the others with strictly lower monetary, k / (n − 1): 0 = the lowest spender, 1 = the top one, tied customers
 *     share the lowest rank of their tie (all tied: 0); a single customer gets 1. Ties are judged on the stored
 *     (float) monetary values.</li>
 * <li>{@code discountShare}: the share of the window's purchases that were discounted (a purchase is discounted
 *     when any of its lines has a discount &gt; 0); 0 when the log has no discount column (no discount recorded)
 *     and for customers not active in the window.</li>
 * <li>{@code promoLift}: the promotion response, as the simulator computes it ({@link PromoLift}) over the
 *     calendar months of the window since the customer's first purchase. A log records which purchases were
 *     discounted, not which months a discount was offered, so the offer is inferred: a calendar month is a
 *     <em>promotion month</em> for everyone when at least {@value #PROMOTION_MONTH_SHARE} of that month's purchases in
 *     the whole log were discounted (a sale the market saw), and a month counts as offered for a customer when it is a
 *     promotion month or the customer bought on discount in it. NaN (unknown) when no purchase in the log is
 *     discounted: without a discount column (or with none recorded) the log cannot tell the response.</li>
 * <li>{@code serviceToMargin}: NaN (unknown): the log has neither service cost nor margin.</li>
 * <li>What a transaction log cannot tell: {@code satisfaction} = NaN (unknown; NaN satisfies no rule condition,
 *     so no customer is classified by satisfaction), {@code complaints} = 0, {@code referrals} = 0,
 *     {@code costToServe} = 0 (none recorded) and {@code margin} = NaN (unknown: the log has revenue, not
 *     cost).</li>
 * </ul>
 * Immutable once computed (the table's columns are live arrays: do not write into them).
 */
public final class LogFeatures {

    /** The default trailing window, as in the simulator. */
    public static final int DEFAULT_WINDOW_MONTHS = 12;

    /**
     * Share of a calendar month's purchases that must be discounted for the month to count as a promotion month
     * for every customer. A fifth: well above the odd coupon, well below a sale that most buyers use.
     */
    public static final double PROMOTION_MONTH_SHARE = 0.2;

    /** Days in the mean Gregorian month (365.25 / 12): recency and tenure are days divided by this. */
    public static final double DAYS_PER_MONTH = 365.25 / 12;

    private final List<String> customers;
    private final FeatureTable table;
    private final LocalDate asOf;
    private final int windowMonths;
    private final int active;
    private final int notYetCustomers;

    private LogFeatures(List<String> customers, FeatureTable table, LocalDate asOf, int windowMonths, int active,
            int notYetCustomers) {
        this.customers = customers;
        this.table = table;
        this.asOf = asOf;
        this.windowMonths = windowMonths;
        this.active = active;
        this.notYetCustomers = notYetCustomers;
    }

    /** The features as of the last day in the log. */
    public static LogFeatures compute(PurchaseHistory history, int windowMonths) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("the log holds no transactions");
        }
        return compute(history, history.lastDate(), windowMonths);
    }

    /**
     * The features as of a date.
     *
     * @throws IllegalArgumentException when the log is empty, the window is not at least one month, or the as-of
     *                                  date is before the log's first day (no customer would exist yet)
     */
    public static LogFeatures compute(PurchaseHistory history, LocalDate asOf, int windowMonths) {
        Objects.requireNonNull(asOf, "asOf");
        if (windowMonths < 1) {
            throw new IllegalArgumentException("the window must be at least 1 month, got " + windowMonths);
        }
        if (history.isEmpty()) {
            throw new IllegalArgumentException("the log holds no transactions");
        }
        LocalDate first = history.firstDate();
        if (asOf.isBefore(first)) {
            throw new IllegalArgumentException("the as-of date " + asOf + " is before the log's first day " + first
                    + ": no customer would exist yet");
        }
        long asOfDay = asOf.toEpochDay();
        long windowStartDay = windowStart(asOf, windowMonths).toEpochDay();

        // Rows: customers whose first purchase is on or before the as-of date.
        int[] rows = new int[history.customerCount()];
        int size = 0;
        for (int c = 0; c < history.customerCount(); c++) {
            if (history.epochDay(history.purchaseStart(c)) <= asOfDay) {
                rows[size++] = c;
            }
        }
        FeatureTable table = FeatureTable.ofSize(size);
        float[] recency = table.column(Feature.RECENCY);
        float[] frequency = table.column(Feature.FREQUENCY);
        float[] monetary = table.column(Feature.MONETARY);
        float[] tenure = table.column(Feature.TENURE);
        float[] discountShare = table.column(Feature.DISCOUNT_SHARE);
        float[] promoLift = table.column(Feature.PROMO_LIFT);
        java.time.YearMonth windowFirstMonth = java.time.YearMonth.from(windowStart(asOf, windowMonths));
        java.time.YearMonth asOfMonth = java.time.YearMonth.from(asOf);
        boolean[] promotionMonth = promotionMonths(history, windowFirstMonth, asOfMonth);
        boolean responseKnown = anyDiscounted(history);
        int months = promotionMonth.length;
        int[] bought = new int[months];
        boolean[] boughtDiscounted = new boolean[months];
        List<String> ids = new ArrayList<>(size);
        int active = 0;
        for (int row = 0; row < size; row++) {
            int c = rows[row];
            ids.add(history.customer(c));
            int from = history.purchaseStart(c);
            int to = history.purchaseEnd(c);
            int purchases = 0;
            int discounted = 0;
            double revenue = 0;
            int last = history.epochDay(from);
            Arrays.fill(bought, 0);
            Arrays.fill(boughtDiscounted, false);
            for (int p = from; p < to; p++) {
                int d = history.epochDay(p);
                if (d > asOfDay) {
                    break; // purchases are in day order: the rest is after the as-of date
                }
                last = d;
                if (d >= windowStartDay) {
                    purchases++;
                    revenue += history.amount(p);
                    int m = monthIndex(history.date(p), windowFirstMonth);
                    if (m >= 0 && m < months) {
                        bought[m]++;
                        boughtDiscounted[m] |= history.discounted(p);
                    }
                    if (history.discounted(p)) {
                        discounted++;
                    }
                }
            }
            promoLift[row] = responseKnown
                    ? lift(bought, boughtDiscounted, promotionMonth, monthIndex(history.date(from), windowFirstMonth))
                    : Float.NaN;
            recency[row] = (float) ((asOfDay - last) / DAYS_PER_MONTH);
            tenure[row] = (float) ((asOfDay - history.epochDay(from)) / DAYS_PER_MONTH);
            frequency[row] = purchases;
            monetary[row] = (float) revenue;
            discountShare[row] = purchases == 0 ? 0f : (float) discounted / purchases;
            if (purchases > 0) {
                active++;
            }
        }
        ValueRanks.rank(monetary, size, table.column(Feature.VALUE_RANK));
        table.fill(Feature.SATISFACTION, Float.NaN);
        table.fill(Feature.COMPLAINTS, 0f);
        table.fill(Feature.REFERRALS, 0f);
        table.fill(Feature.COST_TO_SERVE, 0f);
        table.fill(Feature.MARGIN, Float.NaN);
        table.fill(Feature.SERVICE_TO_MARGIN, Float.NaN);
        return new LogFeatures(Collections.unmodifiableList(ids), table, asOf, windowMonths, active,
                history.customerCount() - size);
    }

    /** The months of the window (first month of the window = 0) in which the market saw a sale. */
    private static boolean[] promotionMonths(PurchaseHistory history, java.time.YearMonth first, java.time.YearMonth last) {
        int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
        int[] purchases = new int[months];
        int[] discounted = new int[months];
        for (int p = 0; p < history.purchaseCount(); p++) {
            int m = monthIndex(history.date(p), first);
            if (m >= 0 && m < months) {
                purchases[m]++;
                if (history.discounted(p)) {
                    discounted[m]++;
                }
            }
        }
        boolean[] promotion = new boolean[months];
        for (int m = 0; m < months; m++) {
            promotion[m] = purchases[m] > 0 && discounted[m] >= PROMOTION_MONTH_SHARE * purchases[m];
        }
        return promotion;
    }

    private static boolean anyDiscounted(PurchaseHistory history) {
        for (int p = 0; p < history.purchaseCount(); p++) {
            if (history.discounted(p)) {
                return true;
            }
        }
        return false;
    }

    private static int monthIndex(LocalDate date, java.time.YearMonth first) {
        return (int) first.until(java.time.YearMonth.from(date), ChronoUnit.MONTHS);
    }

    /** PromoLift over the window's months from the customer's first month (index, may be before the window). */
    private static float lift(int[] bought, boolean[] boughtDiscounted, boolean[] promotionMonth, int firstMonth) {
        int nD = 0;
        int offered = 0;
        int nF = 0;
        int fullPrice = 0;
        for (int m = Math.max(0, firstMonth); m < bought.length; m++) {
            if (promotionMonth[m] || boughtDiscounted[m]) {
                offered++;
                nD += bought[m];
            } else {
                fullPrice++;
                nF += bought[m];
            }
        }
        return PromoLift.of(nD, offered, nF, fullPrice);
    }

    /** The first day of the trailing window of {@code months} months that ends on {@code asOf}. */
    public static LocalDate windowStart(LocalDate asOf, int months) {
        return asOf.plusDays(1).minusMonths(months);
    }

    /** Customer ids in row order. */
    public List<String> customers() {
        return customers;
    }

    /** One row per customer of {@link #customers()}. */
    public FeatureTable table() {
        return table;
    }

    public int size() {
        return customers.size();
    }

    public LocalDate asOf() {
        return asOf;
    }

    public int windowMonths() {
        return windowMonths;
    }

    /** The first day of the window (the last is {@link #asOf()}). */
    public LocalDate windowStart() {
        return windowStart(asOf, windowMonths);
    }

    /** Days in the window. */
    public long windowDays() {
        return ChronoUnit.DAYS.between(windowStart(), asOf) + 1;
    }

    /** Customers with at least one purchase in the window. */
    public int active() {
        return active;
    }

    /** Whether the log tells the promotion response (it records discounted purchases); else promoLift is NaN. */
    public boolean promotionResponseKnown() {
        float[] lift = table.column(Feature.PROMO_LIFT);
        return lift.length > 0 && !Float.isNaN(lift[0]);
    }

    /** Customers in the log whose first purchase is after the as-of date (left out of the table). */
    public int notYetCustomers() {
        return notYetCustomers;
    }
}
