package org.segmentlab.simulator.calibrate.fit;

import java.util.Locale;

/**
 * The unit in which the customer-base models measure time: their parameters (the BG/NBD's α, a rate scale) are
 * only meaningful together with it, so it travels with every summary.
 */
public enum TimeUnit {
    DAYS(1.0),
    WEEKS(7.0),
    /** The mean Gregorian month, 365.25 / 12 days, as {@code LogFeatures} counts months. */
    MONTHS(365.25 / 12.0);

    private final double days;

    TimeUnit(double days) {
        this.days = days;
    }

    /** Days in one unit. */
    public double days() {
        return days;
    }

    /** A span of days in this unit. */
    public double of(double dayCount) {
        return dayCount / days;
    }

    /** The lower-case name used on the command line ({@code --unit weeks}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The unit of a command-line key, case-insensitive; fails with the keys it accepts. */
    public static TimeUnit fromKey(String key) {
        for (TimeUnit u : values()) {
            if (u.key().equalsIgnoreCase(key.trim())) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown time unit '" + key + "'; expected days, weeks or months");
    }
}
