package org.segmentlab.simulator.calibrate.fit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

import org.segmentlab.simulator.calibrate.PurchaseHistory;

/**
 * The per-customer summaries the customer-base models are fitted to (Fader, Hardie &amp; Lee 2005): for every
 * customer whose first purchase is on or before the calibration end,
 * <ul>
 * <li>{@code x}: repeat purchases in the calibration period — purchases after the first one, where a purchase is a
 *     customer-day ({@link PurchaseHistory} merges same-day lines, as FHL do for CDNOW);</li>
 * <li>{@code tx}: the time of the last calibration purchase, from the first purchase (0 when x = 0);</li>
 * <li>{@code T}: the customer's age at the end of calibration, from the first purchase;</li>
 * <li>the mean amount of the x repeat purchases (NaN when x = 0), for the Gamma-Gamma spend model;</li>
 * <li>the first purchase's epoch day, and the repeat purchases in the holdout period after calibration.</li>
 * </ul>
 *
 * <p><b>Clock.</b> A purchase on day d happens at time d (whole days), and T is measured to the calibration end
 * day the same way: {@code T = (calibrationEnd − first) / unit}, {@code tx = (last − first) / unit}, so a purchase
 * on the calibration end day has {@code tx = T}. This is FHL's convention and the one that reproduces their
 * published CDNOW fit: with calibration end 1997-09-30 (the 39th week from 1997-01-01) a customer who first bought
 * on 1997-01-01 has T = 272 / 7 = 38.86 weeks, and the BG/NBD fit is r = 0.2426, α = 4.414, a = 0.793, b = 2.426,
 * LL = −9582.43 as published. Measuring T to the <em>end</em> of the last day instead ((end + 1 − first) / 7)
 * gives LL = −9589.89 and r = 0.2417, α = 4.394, a = 0.814, b = 2.477 (see {@code CdnowFitTest}). The holdout
 * period is the days after the calibration end up to the holdout end, inclusive: times in
 * (T, T + {@link #holdoutLength()}].
 *
 * <p>Columnar and immutable: rows {@code 0 … size()-1} follow the history's customer rows (customers not yet
 * active at the calibration end are skipped; {@link #historyRow(int)} maps back).
 */
public final class CustomerSummaries {

    private final TimeUnit unit;
    private final LocalDate calibrationEnd;
    private final LocalDate holdoutEnd;
    private final int[] historyRow;
    private final int[] firstDay;
    private final int[] repeats;
    private final double[] lastTime;
    private final double[] age;
    private final double[] meanSpend;
    private final int[] holdoutRepeats;
    private final int maxRepeats;

    private CustomerSummaries(TimeUnit unit, LocalDate calibrationEnd, LocalDate holdoutEnd, int[] historyRow,
            int[] firstDay, int[] repeats, double[] lastTime, double[] age, double[] meanSpend, int[] holdoutRepeats) {
        this.unit = unit;
        this.calibrationEnd = calibrationEnd;
        this.holdoutEnd = holdoutEnd;
        this.historyRow = historyRow;
        this.firstDay = firstDay;
        this.repeats = repeats;
        this.lastTime = lastTime;
        this.age = age;
        this.meanSpend = meanSpend;
        this.holdoutRepeats = holdoutRepeats;
        this.maxRepeats = Arrays.stream(repeats).max().orElse(0);
    }

    /** Summaries with the holdout running to the log's last day. */
    public static CustomerSummaries of(PurchaseHistory history, LocalDate calibrationEnd, TimeUnit unit) {
        LocalDate last = history.isEmpty() ? calibrationEnd : history.lastDate();
        return of(history, calibrationEnd, last.isAfter(calibrationEnd) ? last : calibrationEnd, unit);
    }

    /** Summaries with an explicit holdout end (on or after the calibration end; equal means no holdout). */
    public static CustomerSummaries of(PurchaseHistory history, LocalDate calibrationEnd, LocalDate holdoutEnd,
            TimeUnit unit) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(unit, "unit");
        if (holdoutEnd.isBefore(calibrationEnd)) {
            throw new IllegalArgumentException("holdout end " + holdoutEnd + " is before calibration end " + calibrationEnd);
        }
        int end = (int) calibrationEnd.toEpochDay();
        int hold = (int) holdoutEnd.toEpochDay();
        int n = 0;
        for (int c = 0; c < history.customerCount(); c++) {
            if (history.epochDay(history.purchaseStart(c)) <= end) {
                n++;
            }
        }
        int[] row = new int[n];
        int[] first = new int[n];
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] spend = new double[n];
        int[] holdout = new int[n];
        int i = 0;
        for (int c = 0; c < history.customerCount(); c++) {
            int p0 = history.purchaseStart(c);
            int f = history.epochDay(p0);
            if (f > end) {
                continue;
            }
            int repeat = 0;
            int last = f;
            double sum = 0;
            int later = 0;
            for (int p = p0 + 1; p < history.purchaseEnd(c); p++) {
                int d = history.epochDay(p);
                if (d <= end) {
                    repeat++;
                    last = d;
                    sum += history.amount(p);
                } else if (d <= hold) {
                    later++;
                }
            }
            row[i] = c;
            first[i] = f;
            x[i] = repeat;
            tx[i] = unit.of(last - f);
            t[i] = unit.of(end - f);
            spend[i] = repeat > 0 ? sum / repeat : Double.NaN;
            holdout[i] = later;
            i++;
        }
        return new CustomerSummaries(unit, calibrationEnd, holdoutEnd, row, first, x, tx, t, spend, holdout);
    }

    /**
     * Summaries from columns (simulated customers, tests): repeat counts, last-purchase times and ages in
     * {@code unit}; mean spends may be null (all NaN). First days are 0, no holdout.
     */
    public static CustomerSummaries ofColumns(TimeUnit unit, int[] x, double[] tx, double[] age, double[] meanSpend) {
        int n = x.length;
        if (tx.length != n || age.length != n || (meanSpend != null && meanSpend.length != n)) {
            throw new IllegalArgumentException("columns differ in length");
        }
        for (int i = 0; i < n; i++) {
            if (x[i] < 0 || !(tx[i] >= 0) || !(age[i] >= tx[i]) || (x[i] == 0 && tx[i] != 0)) {
                throw new IllegalArgumentException("row " + i + ": need x >= 0, 0 <= tx <= T, tx = 0 when x = 0; got x="
                        + x[i] + " tx=" + tx[i] + " T=" + age[i]);
            }
        }
        double[] spend = meanSpend == null ? filledNaN(n) : meanSpend.clone();
        int[] rows = new int[n];
        Arrays.setAll(rows, k -> k);
        LocalDate epoch = LocalDate.ofEpochDay(0);
        return new CustomerSummaries(unit, epoch, epoch, rows, new int[n], x.clone(), tx.clone(), age.clone(), spend,
                new int[n]);
    }

    private static double[] filledNaN(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    public int size() {
        return repeats.length;
    }

    public TimeUnit unit() {
        return unit;
    }

    /** The last day of calibration, inclusive. */
    public LocalDate calibrationEnd() {
        return calibrationEnd;
    }

    /** The last day of the holdout period, inclusive (equal to the calibration end when there is none). */
    public LocalDate holdoutEnd() {
        return holdoutEnd;
    }

    /** The holdout period's length in units. */
    public double holdoutLength() {
        return unit.of(holdoutEnd.toEpochDay() - calibrationEnd.toEpochDay());
    }

    /** The row of customer {@code i} in the history it was built from. */
    public int historyRow(int i) {
        return historyRow[i];
    }

    public int firstEpochDay(int i) {
        return firstDay[i];
    }

    /** x: repeat purchases in calibration. */
    public int repeats(int i) {
        return repeats[i];
    }

    /** t_x: time of the last calibration purchase from the first, in units. */
    public double lastPurchaseTime(int i) {
        return lastTime[i];
    }

    /** T: age at the end of calibration, in units. */
    public double age(int i) {
        return age[i];
    }

    /** The mean amount of the repeat purchases in calibration; NaN when x = 0. */
    public double meanRepeatSpend(int i) {
        return meanSpend[i];
    }

    /** Repeat purchases in the holdout period. */
    public int holdoutRepeats(int i) {
        return holdoutRepeats[i];
    }

    /** The largest x. */
    public int maxRepeats() {
        return maxRepeats;
    }

    /** Customers with at least one repeat purchase in calibration (those the Gamma-Gamma model uses). */
    public int repeatCustomerCount() {
        int k = 0;
        for (int x : repeats) {
            if (x > 0) {
                k++;
            }
        }
        return k;
    }

    /** Σ x. */
    public long totalRepeats() {
        long s = 0;
        for (int x : repeats) {
            s += x;
        }
        return s;
    }

    /** Σ holdout repeat purchases. */
    public long totalHoldoutRepeats() {
        long s = 0;
        for (int x : holdoutRepeats) {
            s += x;
        }
        return s;
    }
}
