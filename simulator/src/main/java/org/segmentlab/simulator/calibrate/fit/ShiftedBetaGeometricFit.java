package org.segmentlab.simulator.calibrate.fit;

import java.util.List;

/** Maximum-likelihood fit of the {@link ShiftedBetaGeometric} to a cohort's survival counts, from five starts. */
public final class ShiftedBetaGeometricFit {

    public static final String MODEL = "sBG";
    public static final List<String> PARAMETERS = List.of("alpha", "beta");

    private static final List<double[]> STARTS = List.of(
            new double[] {1, 1},
            new double[] {0.5, 3},
            new double[] {3, 0.5},
            new double[] {0.2, 0.2},
            new double[] {5, 20});

    private ShiftedBetaGeometricFit() {
    }

    public static FitResult fit(SurvivalCounts counts) {
        return MaximumLikelihood.fit(MODEL, PARAMETERS, v -> ShiftedBetaGeometric.of(v).logLikelihood(counts), STARTS,
                counts.cohortSize());
    }

    public static ShiftedBetaGeometric model(FitResult result) {
        return ShiftedBetaGeometric.of(result.estimates());
    }

    /** Standard errors at given parameters (alpha, beta) from the observed information of these counts. */
    public static double[] standardErrors(SurvivalCounts counts, ShiftedBetaGeometric at) {
        return MaximumLikelihood.standardErrors(v -> ShiftedBetaGeometric.of(v).logLikelihood(counts), at.toArray());
    }
}
