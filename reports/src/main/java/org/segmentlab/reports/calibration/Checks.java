package org.segmentlab.reports.calibration;

/** Argument checks shared by the input records; each failure names the field and the numbers that disagree. */
final class Checks {
    private Checks() {
    }

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    static String notBlank(String value, String field) {
        if (notNull(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static void nonEmpty(int length, String field) {
        if (length == 0) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
    }

    static void sameLength(int expected, String expectedField, int actual, String field) {
        if (actual != expected) {
            throw new IllegalArgumentException(field + " has " + actual + " values but " + expectedField + " has " + expected);
        }
    }

    /** Every value finite and at least zero; NaN only where {@code nanAllowed} (a value not known). */
    static void nonNegative(double[] values, String field, boolean nanAllowed) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v) && nanAllowed) {
                continue;
            }
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(field + "[" + i + "] must be finite and >= 0, got " + v);
            }
        }
    }

    /** Strictly increasing finite values. */
    static void increasing(double[] values, String field) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || i > 0 && !(values[i] > values[i - 1])) {
                throw new IllegalArgumentException(field + " must be finite and strictly increasing, at index " + i + " got " + values[i]);
            }
        }
    }

    /** Lower-case, one word: "week", "month". */
    static String unit(String unit) {
        if (!notNull(unit, "unit").matches("[a-z]+")) {
            throw new IllegalArgumentException("unit must be one lower-case word such as \"week\", got \"" + unit + "\"");
        }
        return unit;
    }
}
