package org.segmentlab.simulator.scenario;

/**
 * An allowed interval for a number, and how a message states it: "between 0 and 1" when both ends are finite and
 * included, otherwise only the side that was violated ("must be > 0, got -1").
 */
record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    /** The largest amount of money a scenario may state: beyond it a value is a typo, not a business. */
    static final double MONEY_MAX = 1e12;

    static final Range PROBABILITY = between(0, 1);
    static final Range MONEY = between(0, MONEY_MAX);
    static final Range POSITIVE = new Range(0, false, Double.POSITIVE_INFINITY, true);

    static Range between(double min, double max) {
        return new Range(min, true, max, true);
    }

    static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, true);
    }

    /** The same lower end, capped at {@code max} (included). */
    Range upTo(double newMax) {
        return new Range(min, minInclusive, newMax, true);
    }

    boolean contains(double v) {
        boolean aboveMin = minInclusive ? v >= min : v > min;
        boolean belowMax = maxInclusive ? v <= max : v < max;
        return aboveMin && belowMax;
    }

    /** "must be …" for a value outside the range. */
    String mustBe(double v) {
        if (minInclusive && maxInclusive && Double.isFinite(min) && Double.isFinite(max)) {
            return "must be between " + Numbers.format(min) + " and " + Numbers.format(max);
        }
        boolean tooLow = minInclusive ? v < min : v <= min;
        if (tooLow) {
            return "must be " + (minInclusive ? ">= " : "> ") + Numbers.format(min);
        }
        return "must be " + (maxInclusive ? "<= " : "< ") + Numbers.format(max);
    }
}
