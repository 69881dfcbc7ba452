package org.segmentlab.model.feature;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A feature the business can observe about a customer over a trailing window (12 months by default).
 * The classifier sees only these, never the customer's latent archetype.
 */
public enum Feature {
    /** Months since the last purchase (0 = bought this month). */
    RECENCY("recency", "months"),
    /** Purchases in the window. */
    FREQUENCY("frequency", "purchases"),
    /** Revenue in the window, in the scenario's currency. */
    MONETARY("monetary", "currency"),
    /** Share of the window's purchases made on discount, in [0, 1]. */
    DISCOUNT_SHARE("discountShare", "share"),
    /** Satisfaction as surveyed, in [0, 1]. */
    SATISFACTION("satisfaction", "score 0-1"),
    /** Complaints in the window. */
    COMPLAINTS("complaints", "complaints"),
    /** Referrals made in the window. */
    REFERRALS("referrals", "referrals"),
    /** Service cost in the window, in the scenario's currency. */
    COST_TO_SERVE("costToServe", "currency"),
    /** Gross margin minus discounts, service and treatment cost in the window, in the scenario's currency. */
    MARGIN("margin", "currency"),
    /** Months since acquisition. */
    TENURE("tenure", "months"),
    /** Percentile of {@code monetary} among active customers, in [0, 1]; 1 = the top spender (rule: {@link ValueRanks}). */
    VALUE_RANK("valueRank", "percentile 0-1"),
    /**
     * Purchases per month offered a discount ÷ purchases per full-price month, over the window's months as a
     * customer, each rate shrunk toward the customer's overall rate by two months of prior: 1 = buys the same with
     * or without a discount, above 1 = promotion-driven. 1 when either kind of month is missing or nothing was bought.
     */
    PROMO_LIFT("promoLift", "ratio"),
    /**
     * Service cost ÷ the margin the customer earns before service cost ({@code costToServe / (margin +
     * costToServe)}), in the window: 1 or more = costs more to serve than they earn; +∞ when nothing is earned.
     */
    SERVICE_TO_MARGIN("serviceToMargin", "ratio");

    private static final List<Feature> ALL = List.of(values());

    private final String key;
    private final String unit;

    Feature(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    /** The name used in scenario files and CSV headers (camelCase, e.g. {@code discountShare}). */
    public String key() {
        return key;
    }

    /** The unit, for documentation and axis labels. */
    public String unit() {
        return unit;
    }

    public static List<Feature> all() {
        return ALL;
    }

    /** The feature with this scenario key, if any. */
    public static Optional<Feature> byKey(String key) {
        for (Feature f : ALL) {
            if (f.key.equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The scenario keys, for error messages ("allowed: recency, frequency, …"). */
    public static String allowedKeys() {
        return Arrays.stream(values()).map(Feature::key).collect(Collectors.joining(", "));
    }
}
