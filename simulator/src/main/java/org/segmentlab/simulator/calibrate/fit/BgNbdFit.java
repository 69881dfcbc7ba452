package org.segmentlab.simulator.calibrate.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximum-likelihood fit of the {@link BgNbd} to customer summaries, from five deterministic starting points
 * scaled to the data (the purchase-rate scale α from the mean age and repeat count), keeping the best optimum.
 */
public final class BgNbdFit {

    public static final String MODEL = "BG/NBD";
    public static final List<String> PARAMETERS = List.of("r", "alpha", "a", "b");

    private BgNbdFit() {
    }

    public static FitResult fit(CustomerSummaries s) {
        return fit(s, starts(s));
    }

    /** A fit from given starting points (each r, alpha, a, b). */
    public static FitResult fit(CustomerSummaries s, List<double[]> starts) {
        if (s.size() == 0) {
            throw new IllegalArgumentException("no customers to fit");
        }
        DistinctSummaries distinct = DistinctSummaries.ofPurchasing(s);
        return MaximumLikelihood.fit(MODEL, PARAMETERS, p -> BgNbd.of(p).logLikelihood(distinct), starts, s.size());
    }

    /** The fitted model of a result of {@link #fit}. */
    public static BgNbd model(FitResult result) {
        return BgNbd.of(result.estimates());
    }

    /**
     * Standard errors at given parameters (r, alpha, a, b), from the observed information of these summaries:
     * at the estimates they are the fit's; at the true parameters of simulated data they show how the precision
     * scales with the sample.
     */
    public static double[] standardErrors(CustomerSummaries s, BgNbd at) {
        DistinctSummaries distinct = DistinctSummaries.ofPurchasing(s);
        return MaximumLikelihood.standardErrors(p -> BgNbd.of(p).logLikelihood(distinct), at.toArray());
    }

    /** Starts around r = 1 with α set so that r/α matches the observed repeat rate, varied over a and b. */
    static List<double[]> starts(CustomerSummaries s) {
        double meanAge = 0;
        for (int i = 0; i < s.size(); i++) {
            meanAge += s.age(i);
        }
        meanAge /= s.size();
        double rate = Math.max(s.totalRepeats(), 1) / (s.size() * Math.max(meanAge, 1e-9));
        double alpha = 1.0 / rate;
        List<double[]> starts = new ArrayList<>();
        starts.add(new double[] {1.0, alpha, 1.0, 1.0});
        starts.add(new double[] {0.3, 0.3 * alpha, 0.5, 3.0});
        starts.add(new double[] {3.0, 3.0 * alpha, 2.0, 0.5});
        starts.add(new double[] {0.5, 0.1 * alpha, 3.0, 10.0});
        starts.add(new double[] {2.0, 10.0 * alpha, 0.2, 0.2});
        return starts;
    }
}
