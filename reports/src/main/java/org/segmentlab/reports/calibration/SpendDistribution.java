package org.segmentlab.reports.calibration;

/**
 * Mean spend per repeat transaction across repeat customers, observed, and the Gamma-Gamma model's density of
 * it. The arrays are the record's own (copied in); read them, do not change them.
 *
 * @param observedMeanSpend one value per repeat customer (finite, >= 0), at least one
 * @param gridSpend         the spend values where the density is given, strictly increasing
 * @param fittedDensity     the model's density (per currency unit) at each grid value, same length
 * @param currency          "USD", "EUR"
 */
public record SpendDistribution(double[] observedMeanSpend, double[] gridSpend, double[] fittedDensity, String currency) {

    public SpendDistribution {
        observedMeanSpend = Checks.notNull(observedMeanSpend, "observedMeanSpend").clone();
        gridSpend = Checks.notNull(gridSpend, "gridSpend").clone();
        fittedDensity = Checks.notNull(fittedDensity, "fittedDensity").clone();
        Checks.notBlank(currency, "currency");
        Checks.nonEmpty(observedMeanSpend.length, "observedMeanSpend");
        Checks.nonEmpty(gridSpend.length, "gridSpend");
        Checks.nonNegative(observedMeanSpend, "observedMeanSpend", false);
        Checks.increasing(gridSpend, "gridSpend");
        Checks.sameLength(gridSpend.length, "gridSpend", fittedDensity.length, "fittedDensity");
        Checks.nonNegative(fittedDensity, "fittedDensity", false);
    }
}
