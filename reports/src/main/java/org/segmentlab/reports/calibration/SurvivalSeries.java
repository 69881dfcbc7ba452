package org.segmentlab.reports.calibration;

/**
 * The share of a cohort still a customer after each period, observed and fitted by the shifted-beta-geometric
 * model; the fit may run past the observed periods as a projection. The arrays are the record's own (copied
 * in); read them, do not change them.
 *
 * @param unit             the period: "year", "month", "week"
 * @param period           strictly increasing, usually 0 … n (survival 1 at period 0)
 * @param observedSurvival shares in [0, 1] for the first {@code observedSurvival.length} periods (at least one,
 *                         at most all)
 * @param fittedSurvival   shares in [0, 1] for every period; past the observed ones it is a projection
 */
public record SurvivalSeries(String unit, double[] period, double[] observedSurvival, double[] fittedSurvival) {

    public SurvivalSeries {
        Checks.unit(unit);
        period = Checks.notNull(period, "period").clone();
        observedSurvival = Checks.notNull(observedSurvival, "observedSurvival").clone();
        fittedSurvival = Checks.notNull(fittedSurvival, "fittedSurvival").clone();
        Checks.nonEmpty(period.length, "period");
        Checks.increasing(period, "period");
        Checks.sameLength(period.length, "period", fittedSurvival.length, "fittedSurvival");
        Checks.nonEmpty(observedSurvival.length, "observedSurvival");
        if (observedSurvival.length > period.length) {
            throw new IllegalArgumentException("observedSurvival has " + observedSurvival.length + " values, more than the " + period.length + " periods");
        }
        share(observedSurvival, "observedSurvival");
        share(fittedSurvival, "fittedSurvival");
    }

    private static void share(double[] values, String field) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException(field + "[" + i + "] must be a share in [0, 1], got " + values[i]);
            }
        }
    }

    /** The number of periods observed. */
    public int observedLength() {
        return observedSurvival.length;
    }

    /** Whether the fit runs past the observed periods. */
    public boolean hasProjection() {
        return fittedSurvival.length > observedSurvival.length;
    }
}
