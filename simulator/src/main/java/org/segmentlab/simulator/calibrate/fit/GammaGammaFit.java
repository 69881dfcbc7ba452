package org.segmentlab.simulator.calibrate.fit;

import java.util.List;

/**
 * Maximum-likelihood fit of the {@link GammaGamma} spend model to the repeat customers of some summaries, from
 * five starting points whose γ matches the observed mean spend.
 */
public final class GammaGammaFit {

    public static final String MODEL = "Gamma-Gamma";
    public static final List<String> PARAMETERS = List.of("p", "q", "gamma");

    private GammaGammaFit() {
    }

    public static FitResult fit(CustomerSummaries s) {
        long n = 0;
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            if (GammaGamma.usable(s, i)) {
                n++;
                sum += s.meanRepeatSpend(i);
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no repeat customers with a positive spend to fit");
        }
        double mean = sum / n;
        // E[Z] = p γ / (q - 1): each start puts γ where its (p, q) give the observed mean.
        List<double[]> starts = List.of(
                new double[] {1, 2, mean},
                new double[] {5, 3, 2 * mean / 5},
                new double[] {0.5, 1.5, mean},
                new double[] {10, 10, 0.9 * mean},
                new double[] {2, 5, 2 * mean});
        DistinctSummaries distinct = DistinctSummaries.ofSpending(s);
        return MaximumLikelihood.fit(MODEL, PARAMETERS, v -> GammaGamma.of(v).logLikelihood(distinct), starts, n);
    }

    public static GammaGamma model(FitResult result) {
        return GammaGamma.of(result.estimates());
    }

    /** Standard errors at given parameters (p, q, gamma) from the observed information of these summaries. */
    public static double[] standardErrors(CustomerSummaries s, GammaGamma at) {
        DistinctSummaries distinct = DistinctSummaries.ofSpending(s);
        return MaximumLikelihood.standardErrors(v -> GammaGamma.of(v).logLikelihood(distinct), at.toArray());
    }
}
