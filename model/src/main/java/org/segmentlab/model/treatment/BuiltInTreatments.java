package org.segmentlab.model.treatment;

import static org.segmentlab.model.treatment.TreatmentParameter.ACQUISITION_BOOST;
import static org.segmentlab.model.treatment.TreatmentParameter.ADVOCACY_MULTIPLIER;
import static org.segmentlab.model.treatment.TreatmentParameter.WIN_BACK_COST;
import static org.segmentlab.model.treatment.TreatmentParameter.WIN_BACK_MONTHS;
import static org.segmentlab.model.treatment.TreatmentParameter.WIN_BACK_PROBABILITY;
import static org.segmentlab.model.treatment.TreatmentParameter.BLOCK_DISCOUNTS;
import static org.segmentlab.model.treatment.TreatmentParameter.BAD_EXPERIENCE_MULTIPLIER;
import static org.segmentlab.model.treatment.TreatmentParameter.CHURN_MULTIPLIER;
import static org.segmentlab.model.treatment.TreatmentParameter.COST;
import static org.segmentlab.model.treatment.TreatmentParameter.DISCOUNT;
import static org.segmentlab.model.treatment.TreatmentParameter.FIXED_COST;
import static org.segmentlab.model.treatment.TreatmentParameter.LEAKAGE;
import static org.segmentlab.model.treatment.TreatmentParameter.PURCHASE_LIFT;
import static org.segmentlab.model.treatment.TreatmentParameter.RECOVERY_PROBABILITY;
import static org.segmentlab.model.treatment.TreatmentParameter.SATISFACTION_DELTA;
import static org.segmentlab.model.treatment.TreatmentParameter.SERVICE_CAP;
import static org.segmentlab.model.treatment.TreatmentParameter.SERVICE_FEE;
import static org.segmentlab.model.treatment.TreatmentParameter.TERMINATE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The twelve treatments that ship with SegmentLab. Defaults are stated assumptions for a mid-priced retail
 * business (documented with their reasons in {@code docs/segments.md}); scenarios override any of them.
 * Money is per customer-month unless the parameter says otherwise.
 */
public final class BuiltInTreatments {

    private static final Map<String, Treatment> BUILT_IN = build();

    private BuiltInTreatments() {
    }

    private static Map<String, Treatment> build() {
        Map<String, Treatment> m = new LinkedHashMap<>();
        // No effect: the baseline.
        put(m, "none", Map.of());
        // Positive reinforcement for the loyal: preferred-customer benefits cost a little, keep them longer and talking.
        put(m, "loyalty-perks", Map.of(COST, 2.0, CHURN_MULTIPLIER, 0.7, SATISFACTION_DELTA, 0.02,
                ADVOCACY_MULTIPLIER, 1.3, PURCHASE_LIFT, 1.05));
        // Fence-sitters need concrete reasons: a unique offer and a comparison with competitors.
        put(m, "unique-offer", Map.of(COST, 1.5, PURCHASE_LIFT, 1.15, CHURN_MULTIPLIER, 0.85, SATISFACTION_DELTA, 0.01));
        // Attractive prices aimed at one group; the discount leaks to others with this probability.
        put(m, "price-campaign", Map.of(COST, 0.5, DISCOUNT, 0.15, LEAKAGE, 0.1, CHURN_MULTIPLIER, 0.9));
        // Let the negative voice complaints, apologise, compensate: most complaints get resolved.
        put(m, "service-recovery", Map.of(COST, 5.0, RECOVERY_PROBABILITY, 0.6, SATISFACTION_DELTA, 0.03,
                CHURN_MULTIPLIER, 0.8));
        // Stop discounts: none reach the segment (leaked ones included); some of these customers will leave.
        put(m, "no-discounts", Map.of(BLOCK_DISCOUNTS, 1.0, CHURN_MULTIPLIER, 1.3, SATISFACTION_DELTA, -0.02));
        // End the relationship at once.
        put(m, "terminate", Map.of(TERMINATE, 1.0));
        // Service standards: one request a month included, further ones are not served (fee 0) and annoy a little.
        put(m, "service-standards", Map.of(COST, 0.5, SERVICE_CAP, 1.0, SATISFACTION_DELTA, -0.01));
        // Charge for extra service: one request a month included, further ones cost the customer 15.
        put(m, "charge-for-extras", Map.of(SERVICE_CAP, 1.0, SERVICE_FEE, 15.0));
        // A dedicated team hunting for rare, very profitable customers: a fixed monthly cost, four times the ad reach.
        put(m, "snow-leopard-hunt", Map.of(FIXED_COST, 8000.0, ACQUISITION_BOOST, 3.0, COST, 3.0, CHURN_MULTIPLIER, 0.8));
        // Basic good service for circle 3.
        put(m, "basic-service", Map.of(COST, 0.3, SATISFACTION_DELTA, 0.005));
        // Circle 4: keep the relationship merely positive, and stop advertising to more of them.
        put(m, "keep-positive", Map.of(COST, 0.1, ACQUISITION_BOOST, -0.5));
        // Use what the complaints say internally: a team fixes root causes, so fewer bad experiences for everyone.
        put(m, "fix-root-cause", Map.of(FIXED_COST, 6000.0, BAD_EXPERIENCE_MULTIPLIER, 0.6));
        // Recently lost customers of the segment get an offer to come back for half a year; those open to it may.
        put(m, "win-back", Map.of(WIN_BACK_PROBABILITY, 0.15, WIN_BACK_MONTHS, 6.0, WIN_BACK_COST, 4.0));
        return Map.copyOf(m);
    }

    private static void put(Map<String, Treatment> m, String name, Map<TreatmentParameter, Double> parameters) {
        m.put(name, Treatment.of(name, parameters));
    }

    /** The built-in names, in documentation order. */
    public static java.util.List<String> names() {
        return java.util.List.of("none", "loyalty-perks", "unique-offer", "price-campaign", "service-recovery",
                "no-discounts", "terminate", "service-standards", "charge-for-extras", "snow-leopard-hunt",
                "basic-service", "keep-positive", "fix-root-cause", "win-back");
    }

    public static Optional<Treatment> byName(String name) {
        return Optional.ofNullable(BUILT_IN.get(name));
    }

    /** Every built-in treatment by name, in documentation order. */
    public static Map<String, Treatment> all() {
        Map<String, Treatment> ordered = new LinkedHashMap<>();
        for (String n : names()) {
            ordered.put(n, BUILT_IN.get(n));
        }
        return ordered;
    }
}
