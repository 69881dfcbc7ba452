package org.segmentlab.simulator.calibrate.fit;

import java.util.TreeMap;

import org.segmentlab.simulator.calibrate.PurchaseHistory;

/**
 * Repeat purchases per period over calibration and holdout, observed against the model's forecast (FHL 2005,
 * Figs. 3 and 4): period j is the j-th unit from the earliest first purchase; through its last day D_j the
 * forecast is Σ_i E[X(D_j − s_i)] over customers whose first purchase s_i came before D_j — on the summaries'
 * clock, so at the calibration end each customer contributes E[X(T_i)]. The incremental values are the
 * per-period differences. Only whole periods that end by the holdout end are kept.
 */
public record TrackingCurve(TimeUnit unit, int calibrationPeriods, long[] observedCumulative,
        double[] expectedCumulative) {

    public TrackingCurve {
        observedCumulative = observedCumulative.clone();
        expectedCumulative = expectedCumulative.clone();
    }

    /** The curve of the summaries' customers, their purchases read from the history the summaries came from. */
    public static TrackingCurve of(BgNbd model, CustomerSummaries s, PurchaseHistory history) {
        if (s.size() == 0) {
            throw new IllegalArgumentException("no customers");
        }
        TimeUnit unit = s.unit();
        long origin = Long.MAX_VALUE;
        for (int i = 0; i < s.size(); i++) {
            origin = Math.min(origin, s.firstEpochDay(i));
        }
        long calibrationEnd = s.calibrationEnd().toEpochDay();
        long holdoutEnd = s.holdoutEnd().toEpochDay();
        int periods = 0;
        while (lastDay(origin, periods, unit) <= holdoutEnd) {
            periods++;
        }
        int calibrationPeriods = 0;
        while (calibrationPeriods < periods && lastDay(origin, calibrationPeriods, unit) <= calibrationEnd) {
            calibrationPeriods++;
        }
        long[] incremental = new long[periods];
        // Customers who started on the same day share every forecast: count them per first day.
        TreeMap<Long, Integer> starters = new TreeMap<>();
        for (int i = 0; i < s.size(); i++) {
            starters.merge((long) s.firstEpochDay(i), 1, Integer::sum);
            int c = s.historyRow(i);
            for (int p = history.purchaseStart(c) + 1; p < history.purchaseEnd(c); p++) {
                int j = periodOf(origin, history.epochDay(p), unit);
                if (j < periods) {
                    incremental[j]++;
                }
            }
        }
        long[] observed = new long[periods];
        double[] expected = new double[periods];
        long running = 0;
        for (int j = 0; j < periods; j++) {
            running += incremental[j];
            observed[j] = running;
            long last = lastDay(origin, j, unit);
            double sum = 0;
            for (var e : starters.headMap(last, false).entrySet()) {
                sum += e.getValue() * model.expectedTransactions(unit.of(last - e.getKey()));
            }
            expected[j] = sum;
        }
        return new TrackingCurve(unit, calibrationPeriods, observed, expected);
    }

    /** The last day of period j: the day before period j + 1 starts. */
    private static long lastDay(long origin, int j, TimeUnit unit) {
        return origin + (long) Math.floor((j + 1) * unit.days() + 1e-9) - 1;
    }

    private static int periodOf(long origin, long day, TimeUnit unit) {
        int j = (int) Math.floor((day - origin) / unit.days() + 1e-9);
        // Months of fractional days: step back when the day is before period j's (whole-day) start.
        while (j > 0 && lastDay(origin, j - 1, unit) >= day) {
            j--;
        }
        return j;
    }

    public int periods() {
        return observedCumulative.length;
    }

    @Override
    public long[] observedCumulative() {
        return observedCumulative.clone();
    }

    @Override
    public double[] expectedCumulative() {
        return expectedCumulative.clone();
    }

    /** Repeat purchases made in each period. */
    public long[] observedIncremental() {
        long[] d = new long[observedCumulative.length];
        for (int j = 0; j < d.length; j++) {
            d[j] = observedCumulative[j] - (j == 0 ? 0 : observedCumulative[j - 1]);
        }
        return d;
    }

    /** Repeat purchases expected in each period. */
    public double[] expectedIncremental() {
        double[] d = new double[expectedCumulative.length];
        for (int j = 0; j < d.length; j++) {
            d[j] = expectedCumulative[j] - (j == 0 ? 0 : expectedCumulative[j - 1]);
        }
        return d;
    }
}
