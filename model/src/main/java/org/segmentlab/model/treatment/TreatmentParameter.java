package org.segmentlab.model.treatment;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The parameters of a treatment, with their scenario keys, allowed ranges and neutral values (the values of
 * the treatment {@code none}). Scenario files override treatments by these keys.
 */
public enum TreatmentParameter {
    COST("cost", 0, 1e9, 0, "cost per treated customer-month, in currency"),
    FIXED_COST("fixedCost", 0, 1e12, 0, "fixed cost per month while a strategy uses the treatment (a team, a campaign), in currency"),
    DISCOUNT("discount", 0, 0.95, 0, "fraction taken off each purchase"),
    LEAKAGE("leakage", 0, 1, 0, "monthly probability that the discount also reaches an active customer of another segment"),
    BLOCK_DISCOUNTS("blockDiscounts", 0, 1, 0, "1 = the segment gets no discount at all, leaked ones included"),
    PURCHASE_LIFT("purchaseLift", 0, 100, 1, "multiplier on the purchase rate"),
    CHURN_MULTIPLIER("churnMultiplier", 0, 100, 1, "multiplier on the monthly churn probability"),
    SATISFACTION_DELTA("satisfactionDelta", -1, 1, 0, "change in satisfaction per month"),
    ADVOCACY_MULTIPLIER("advocacyMultiplier", 0, 100, 1, "multiplier on the referral probability"),
    SERVICE_CAP("serviceCap", 0, 1e6, 1e6, "service requests per month included; more are charged serviceFee (1e6 = no cap)"),
    SERVICE_FEE("serviceFee", 0, 1e9, 0, "fee charged per request above the cap, in currency"),
    RECOVERY_PROBABILITY("recoveryProbability", 0, 1, 0, "probability a complaint is resolved and satisfaction restored"),
    TERMINATE("terminate", 0, 1, 0, "1 = end the relationship at once"),
    ACQUISITION_BOOST("acquisitionBoost", -1, 100, 0,
            "relative change in the standing advertising's acquisition of the archetypes whose truth is this segment "
                    + "(2 = three times as many, -0.5 = half): a team hunting that kind of customer, not an advertising "
                    + "budget (that is strategies[].advertising)"),
    BAD_EXPERIENCE_MULTIPLIER("badExperienceMultiplier", 0, 1, 1,
            "multiplier on every customer's chance of a bad experience while a strategy uses the treatment (a root cause fixed)"),
    WIN_BACK_PROBABILITY("winBackProbability", 0, 1, 0,
            "monthly probability that an ex-customer who churned from this segment, contacted with a win-back offer, returns"),
    WIN_BACK_MONTHS("winBackMonths", 1, 120, 6, "months after churning during which ex-customers get the win-back offer"),
    WIN_BACK_COST("winBackCost", 0, 1e9, 0, "cost of the win-back offer per contacted ex-customer-month, in currency");

    private final String key;
    private final double min;
    private final double max;
    private final double neutral;
    private final String description;

    TreatmentParameter(String key, double min, double max, double neutral, String description) {
        this.key = key;
        this.min = min;
        this.max = max;
        this.neutral = neutral;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The value that has no effect. */
    public double neutral() {
        return neutral;
    }

    public String description() {
        return description;
    }

    /** Whether the parameter is a switch (0 or 1, written true/false in YAML). */
    public boolean isFlag() {
        return this == TERMINATE || this == BLOCK_DISCOUNTS;
    }

    public static Optional<TreatmentParameter> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    public static String allowedKeys() {
        return Arrays.stream(values()).map(TreatmentParameter::key).collect(Collectors.joining(", "));
    }

    /** Null when the value is allowed, else what is wrong and what is allowed. */
    public String check(double value) {
        if (!Double.isFinite(value)) {
            return "must be a finite number, got " + value;
        }
        if (isFlag() && value != 0 && value != 1) {
            return "must be true or false, got " + value;
        }
        if (value < min || value > max) {
            return "must be between " + fmt(min) + " and " + fmt(max) + ", got " + fmt(value);
        }
        if (this == WIN_BACK_MONTHS && value != Math.rint(value)) {
            return "must be a whole number of months, got " + fmt(value);
        }
        return null;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
