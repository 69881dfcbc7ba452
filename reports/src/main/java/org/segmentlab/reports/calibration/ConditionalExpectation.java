package org.segmentlab.reports.calibration;

/**
 * Mean repeat transactions in the holdout period for customers grouped by their repeat purchases in the
 * calibration period, observed and as the model predicts (conditional expectations). The arrays are the
 * record's own (copied in); read them, do not change them.
 *
 * @param labels               the groups, e.g. "0", "1", … "7+"
 * @param observedMeanHoldout  observed mean holdout transactions per customer in the group; NaN for an empty group
 * @param expectedMeanHoldout  the model's conditional expectation for the group
 * @param customers            customers in each group
 */
public record ConditionalExpectation(String[] labels, double[] observedMeanHoldout, double[] expectedMeanHoldout, int[] customers) {

    public ConditionalExpectation {
        labels = Checks.notNull(labels, "conditional labels").clone();
        Checks.nonEmpty(labels.length, "conditional labels");
        for (String label : labels) {
            Checks.notBlank(label, "conditional label");
        }
        observedMeanHoldout = Checks.notNull(observedMeanHoldout, "observedMeanHoldout").clone();
        expectedMeanHoldout = Checks.notNull(expectedMeanHoldout, "expectedMeanHoldout").clone();
        customers = Checks.notNull(customers, "customers").clone();
        Checks.sameLength(labels.length, "labels", observedMeanHoldout.length, "observedMeanHoldout");
        Checks.sameLength(labels.length, "labels", expectedMeanHoldout.length, "expectedMeanHoldout");
        Checks.sameLength(labels.length, "labels", customers.length, "customers");
        Checks.nonNegative(observedMeanHoldout, "observedMeanHoldout", true);
        Checks.nonNegative(expectedMeanHoldout, "expectedMeanHoldout", false);
        for (int i = 0; i < customers.length; i++) {
            if (customers[i] < 0) {
                throw new IllegalArgumentException("customers[" + i + "] must be >= 0, got " + customers[i]);
            }
        }
    }

    /** The number of groups. */
    public int size() {
        return labels.length;
    }
}
