package org.segmentlab.reports.calibration;

/**
 * One estimated parameter of a fitted model.
 *
 * @param name          as the model's literature writes it ("r", "alpha", "gamma")
 * @param estimate      the maximum-likelihood estimate, finite
 * @param standardError its standard error from the inverse Hessian; NaN when not available
 */
public record FittedParameter(String name, double estimate, double standardError) {

    public FittedParameter {
        Checks.notBlank(name, "parameter name");
        if (!Double.isFinite(estimate)) {
            throw new IllegalArgumentException("parameter " + name + ": estimate must be finite, got " + estimate);
        }
        if (!(Double.isNaN(standardError) || standardError >= 0 && Double.isFinite(standardError))) {
            throw new IllegalArgumentException("parameter " + name + ": standard error must be >= 0 or NaN (unknown), got " + standardError);
        }
    }
}
