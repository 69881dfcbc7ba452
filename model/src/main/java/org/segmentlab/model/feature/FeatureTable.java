package org.segmentlab.model.feature;

import java.util.Arrays;

/**
 * The features of a whole population, one {@code float} column per feature (columnar, no object per customer).
 * Floats halve memory traffic for the classifier; thresholds are compared at float precision too.
 * Columns are exposed for the engine and readers to fill in place.
 */
public final class FeatureTable {
    private final int size;
    private final float[][] columns;

    private FeatureTable(int size, float[][] columns) {
        this.size = size;
        this.columns = columns;
    }

    /** A table of {@code size} customers with every feature 0. */
    public static FeatureTable ofSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        float[][] columns = new float[Feature.all().size()][];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = new float[size];
        }
        return new FeatureTable(size, columns);
    }

    public int size() {
        return size;
    }

    /** The live column of a feature (writes go into the table). */
    public float[] column(Feature feature) {
        return columns[feature.ordinal()];
    }

    public float get(Feature feature, int customer) {
        return columns[feature.ordinal()][customer];
    }

    public void set(Feature feature, int customer, float value) {
        columns[feature.ordinal()][customer] = value;
    }

    /** One customer's features as a row indexed by {@link Feature#ordinal()} (for tests and small uses). */
    public float[] row(int customer) {
        float[] row = new float[columns.length];
        for (int f = 0; f < columns.length; f++) {
            row[f] = columns[f][customer];
        }
        return row;
    }

    /** Fills one column with a value (e.g. NaN for a feature a transaction log cannot tell). */
    public void fill(Feature feature, float value) {
        Arrays.fill(columns[feature.ordinal()], value);
    }
}
