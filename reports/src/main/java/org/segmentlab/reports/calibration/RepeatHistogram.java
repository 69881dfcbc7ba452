package org.segmentlab.reports.calibration;

/**
 * Customers by their number of repeat purchases in the calibration period, observed and as the model expects.
 * The arrays are the record's own (copied in); read them, do not change them.
 *
 * @param labels            one per bar, e.g. "0", "1", … "7+"
 * @param observedCustomers customers with that many repeat purchases
 * @param expectedCustomers the model's expected number of customers, same length
 */
public record RepeatHistogram(String[] labels, double[] observedCustomers, double[] expectedCustomers) {

    public RepeatHistogram {
        labels = Checks.notNull(labels, "histogram labels").clone();
        Checks.nonEmpty(labels.length, "histogram labels");
        for (String label : labels) {
            Checks.notBlank(label, "histogram label");
        }
        observedCustomers = Checks.notNull(observedCustomers, "observedCustomers").clone();
        expectedCustomers = Checks.notNull(expectedCustomers, "expectedCustomers").clone();
        Checks.sameLength(labels.length, "labels", observedCustomers.length, "observedCustomers");
        Checks.sameLength(labels.length, "labels", expectedCustomers.length, "expectedCustomers");
        Checks.nonNegative(observedCustomers, "observedCustomers", false);
        Checks.nonNegative(expectedCustomers, "expectedCustomers", false);
    }

    /** The number of bars. */
    public int size() {
        return labels.length;
    }

    /** All customers observed. */
    public double observedTotal() {
        double sum = 0;
        for (double v : observedCustomers) {
            sum += v;
        }
        return sum;
    }
}
