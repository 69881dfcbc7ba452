package org.segmentlab.model.segment;

import java.util.Optional;

/** How a condition compares a feature to its threshold; the names are the scenario keys. */
public enum Comparison {
    /** value ≥ threshold */
    MIN("min", ">="),
    /** value ≤ threshold */
    MAX("max", "<="),
    /** value &gt; threshold */
    ABOVE("above", ">"),
    /** value &lt; threshold */
    BELOW("below", "<");

    private final String key;
    private final String symbol;

    Comparison(String key, String symbol) {
        this.key = key;
        this.symbol = symbol;
    }

    public String key() {
        return key;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code value} passes; NaN (an unknown feature) never passes. */
    public boolean test(float value, float threshold) {
        switch (this) {
            case MIN:
                return value >= threshold;
            case MAX:
                return value <= threshold;
            case ABOVE:
                return value > threshold;
            case BELOW:
                return value < threshold;
            default:
                throw new AssertionError(this);
        }
    }

    public static Optional<Comparison> byKey(String key) {
        for (Comparison c : values()) {
            if (c.key.equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static String allowedKeys() {
        return "min, max, above, below";
    }
}
