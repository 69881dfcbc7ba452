package org.segmentlab.reports.calibration;

import java.time.LocalDate;

/**
 * Repeat transactions per period over the calibration and holdout periods, observed and as the model expects.
 * The arrays are the record's own (copied in); read them, do not change them.
 *
 * @param unit                the period: "week", "month", "day"
 * @param period              1 … n, strictly increasing; period t covers (t − 1, t]
 * @param observedCumulative  repeat transactions up to the end of each period
 * @param expectedCumulative  the model's expectation of the same
 * @param observedIncremental repeat transactions within each period
 * @param expectedIncremental the model's expectation of the same
 * @param calibrationEnd      where calibration ends and the holdout starts (39 for 39 calibration weeks): the
 *                            marker's x; inside (first period − 1, last period]
 * @param start               the first day of period 1; may be null
 */
public record TrackingSeries(String unit, double[] period, double[] observedCumulative, double[] expectedCumulative,
        double[] observedIncremental, double[] expectedIncremental, double calibrationEnd, LocalDate start) {

    public TrackingSeries {
        Checks.unit(unit);
        period = Checks.notNull(period, "period").clone();
        observedCumulative = Checks.notNull(observedCumulative, "observedCumulative").clone();
        expectedCumulative = Checks.notNull(expectedCumulative, "expectedCumulative").clone();
        observedIncremental = Checks.notNull(observedIncremental, "observedIncremental").clone();
        expectedIncremental = Checks.notNull(expectedIncremental, "expectedIncremental").clone();
        Checks.nonEmpty(period.length, "period");
        Checks.increasing(period, "period");
        Checks.sameLength(period.length, "period", observedCumulative.length, "observedCumulative");
        Checks.sameLength(period.length, "period", expectedCumulative.length, "expectedCumulative");
        Checks.sameLength(period.length, "period", observedIncremental.length, "observedIncremental");
        Checks.sameLength(period.length, "period", expectedIncremental.length, "expectedIncremental");
        Checks.nonNegative(observedCumulative, "observedCumulative", false);
        Checks.nonNegative(expectedCumulative, "expectedCumulative", false);
        Checks.nonNegative(observedIncremental, "observedIncremental", false);
        Checks.nonNegative(expectedIncremental, "expectedIncremental", false);
        if (!(calibrationEnd > period[0] - 1 && calibrationEnd <= period[period.length - 1])) {
            throw new IllegalArgumentException("calibrationEnd must lie in (" + (period[0] - 1) + ", " + period[period.length - 1] + "], got " + calibrationEnd);
        }
    }

    /**
     * A series from per-period counts: periods 1 … n, cumulatives summed from the increments.
     *
     * @param calibrationPeriods the number of calibration periods; the holdout is the rest
     */
    public static TrackingSeries ofIncremental(String unit, double[] observedIncremental, double[] expectedIncremental, int calibrationPeriods,
            LocalDate start) {
        int n = Checks.notNull(observedIncremental, "observedIncremental").length;
        double[] period = new double[n];
        for (int t = 0; t < n; t++) {
            period[t] = t + 1;
        }
        return new TrackingSeries(unit, period, cumulative(observedIncremental), cumulative(Checks.notNull(expectedIncremental, "expectedIncremental")),
                observedIncremental, expectedIncremental, calibrationPeriods, start);
    }

    private static double[] cumulative(double[] increments) {
        double[] sums = new double[increments.length];
        double sum = 0;
        for (int t = 0; t < increments.length; t++) {
            sum += increments[t];
            sums[t] = sum;
        }
        return sums;
    }

    /** The number of periods. */
    public int length() {
        return period.length;
    }
}
