package org.segmentlab.model.segment;

import org.segmentlab.model.feature.Feature;

/**
 * {@code feature op threshold}, e.g. {@code frequency min 6}. The threshold is held at float precision,
 * the precision of the feature columns, so the columnar and per-customer classifiers agree exactly.
 */
public record Condition(Feature feature, Comparison comparison, float threshold) {

    public Condition {
        if (feature == null || comparison == null) {
            throw new IllegalArgumentException("feature and comparison are required");
        }
        if (!Float.isFinite(threshold)) {
            throw new IllegalArgumentException(feature.key() + "." + comparison.key() + ": threshold must be a finite number, got " + threshold);
        }
    }

    public static Condition of(Feature feature, Comparison comparison, double threshold) {
        if (Double.isFinite(threshold) && !Float.isFinite((float) threshold) && feature != null && comparison != null) {
            // Say what the user wrote (1e300), not what the float cast made of it (Infinity).
            throw new IllegalArgumentException(feature.key() + "." + comparison.key() + ": threshold must be between -"
                    + Float.MAX_VALUE + " and " + Float.MAX_VALUE + " (thresholds are floats), got " + threshold);
        }
        return new Condition(feature, comparison, (float) threshold);
    }

    public boolean test(float value) {
        return comparison.test(value, threshold);
    }

    public Condition withThreshold(double value) {
        return of(feature, comparison, value);
    }

    @Override
    public String toString() {
        return feature.key() + " " + comparison.symbol() + " " + threshold;
    }
}
