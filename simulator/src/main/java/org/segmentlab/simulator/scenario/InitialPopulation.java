package org.segmentlab.simulator.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * Real customers to start a run from, instead of drawing the month-0 customers from the archetype mixture: the
 * customers of a transaction log as {@code segmentlab calibrate} writes them ({@code customers.csv}). Each row
 * carries the customer's own posterior for the traits the log informs (purchase rate, dropout, spend, whether still
 * active) and the monthly purchase history the month-0 features and segment are computed from. The other traits
 * (satisfaction, advocacy, service demand …) are drawn from the row's archetype.
 *
 * <p>Columnar and immutable; row {@code i} is the {@code i}-th customer of the file. History months are numbered
 * like the run's: month −1 is the last month before month 0; {@code purchases(i, k)} is month {@code k − historyMonths}.
 *
 * @param file           the file, absolute (the scenario names it relative to itself)
 * @param customers      customer ids as in the log
 * @param archetype      index of each customer's archetype in the scenario
 * @param alive          probability the customer is still active at month 0
 * @param rateShape      monthly purchase rate λ ~ gamma(rateShape, rateScale)
 * @param rateScale      see rateShape
 * @param dropoutAlpha   dropout after each purchase ~ beta(dropoutAlpha, dropoutBeta)
 * @param dropoutBeta    see dropoutAlpha
 * @param spendShape     mean basket value ~ inverse-gamma(spendShape, spendScale): spendScale / gamma(spendShape, 1)
 * @param spendScale     see spendShape
 * @param firstPurchase  month of the first purchase (≤ −1)
 * @param lastPurchase   month of the last purchase (firstPurchase ≤ lastPurchase ≤ −1)
 * @param historyMonths  months of history per customer
 * @param purchases      purchases per customer and history month, customer-major
 * @param revenue        revenue per customer and history month, customer-major
 */
public record InitialPopulation(Path file, List<String> customers, int[] archetype, double[] alive,
                                double[] rateShape, double[] rateScale, double[] dropoutAlpha, double[] dropoutBeta,
                                double[] spendShape, double[] spendScale, short[] firstPurchase, short[] lastPurchase,
                                int historyMonths, int[] purchases, double[] revenue) {

    /** The columns of the file, in order. */
    public static final List<String> COLUMNS = List.of("customer", "archetype", "alive", "rateShape", "rateScale",
            "dropoutAlpha", "dropoutBeta", "spendShape", "spendScale", "firstPurchase", "lastPurchase", "purchases",
            "revenue");

    public InitialPopulation {
        customers = List.copyOf(customers);
        int n = customers.size();
        for (Object column : new Object[] {archetype, alive, rateShape, rateScale, dropoutAlpha, dropoutBeta,
                spendShape, spendScale, firstPurchase, lastPurchase}) {
            if (java.lang.reflect.Array.getLength(column) != n) {
                throw new IllegalArgumentException("every column needs " + n + " rows");
            }
        }
        if (historyMonths < 1 || purchases.length != n * historyMonths || revenue.length != n * historyMonths) {
            throw new IllegalArgumentException("the history needs " + n + " × " + historyMonths + " months");
        }
    }

    public int size() {
        return customers.size();
    }

    /** Purchases of customer {@code i} in month {@code month} (−historyMonths ≤ month ≤ −1). */
    public int purchases(int i, int month) {
        return purchases[i * historyMonths + historyMonths + month];
    }

    /** Revenue of customer {@code i} in month {@code month} (−historyMonths ≤ month ≤ −1). */
    public double revenue(int i, int month) {
        return revenue[i * historyMonths + historyMonths + month];
    }
}
