package org.segmentlab.reports.calibration;

/**
 * The holdout check {@code calibrate} prints: repeat transactions in the holdout period, observed against what the
 * BG/NBD fitted on the calibration period predicts for the same customers, and the relative error. The page shows
 * it first, since it says whether the fits are worth simulating forward.
 *
 * @param length    the holdout's length in {@code unit}s
 * @param unit      the period: "week", "month", "day"
 * @param observed  repeat transactions in the holdout, all customers
 * @param predicted Σ E[Y(t) | x, t_x, T] over the customers
 */
public record HoldoutVerdict(double length, String unit, long observed, double predicted) {

    public HoldoutVerdict {
        Checks.unit(unit);
        if (!(length > 0) || observed < 0 || !Double.isFinite(predicted) || predicted < 0) {
            throw new IllegalArgumentException("holdout: length must be > 0, observed and predicted finite and >= 0; got "
                    + length + ", " + observed + ", " + predicted);
        }
    }

    /** (predicted − observed) / observed, as {@code calibrate} prints it (observed taken as at least 1). */
    public double relativeError() {
        return (predicted - observed) / Math.max(1, observed);
    }
}
