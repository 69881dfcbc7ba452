package org.segmentlab.simulator.scenario;

import java.util.function.ToDoubleFunction;

/**
 * How satisfaction, word of mouth and churn interact (docs/model.md, "Stages"). Every key is optional in a
 * scenario; the defaults ({@link #DEFAULT}) are the example values of the domain description, given in brackets below. Note that the
 * satisfaction sensitivities default to on: a textbook scenario that wants the plain sBG or Bass curves sets them to 0.
 * Each value is declared once, in {@link BehaviourParameter}: {@link #get} and {@link #of} are the bridge between a
 * declaration and its component.
 *
 * @param promoterThreshold               satisfaction at or above which a customer is a promoter, in [0, 1] (0.8)
 * @param detractorThreshold              satisfaction below which a customer is a detractor, in [0, promoterThreshold] (0.3)
 * @param satisfactionDrift               share of the gap to the baseline satisfaction closed each month, in [0, 1] (0.1)
 * @param complaintImpact                 satisfaction lost per complaint, in [0, 1] (0.25)
 * @param purchaseSatisfactionSensitivity sensitivity of purchases to satisfaction (g; 0 switches it off), in [0, 100] (1.0)
 * @param churnSatisfactionSensitivity    sensitivity of churn to dissatisfaction (h; 0 switches it off), in [0, 100] (2.0)
 * @param discountElasticity              extra purchases per unit of discount for a fully price-sensitive customer, in [0, 100] (1.5)
 * @param negativeWomChurnEffect          ν: churn multiplier per unit of detractor share, in [0, 100] (0.2)
 * @param complaintMemory                 months a complaint keeps a customer a detractor, 0 to 1200 (3)
 * @param featureWindow                   trailing window of the observable features, in months, 1 to 1200 (12)
 * @param reclassifyEvery                 months between reclassifications, 1 to 1200 (1)
 * @param referencePriceMemory            weight of the latest price paid in the reference price a customer remembers
 *                                        (r ← r + α·(paid − r) in each month with a purchase; prices relative to list),
 *                                        in [0, 1]; 0 keeps every reference at list price (0.5)
 * @param priceGapPurchaseEffect          k_p: purchases × exp(−ψ·k_p·gap) when the price is above the reference
 *                                        (gap = price − reference), in [0, 100]; 0 switches the dip off (3)
 * @param priceGapChurnEffect             k_c: churn × (1 + ψ·k_c·gap), in [0, 100]; 0 switches it off (3)
 * @param dealTraining                    how much a month bought on discount d raises ψ: ψ ← ψ + dealTraining·d·(1 − ψ),
 *                                        in [0, 1] (0: off, the discount trap not modelled)
 * @param serviceFeeElasticity            η: each request above a charged cap is still made with probability
 *                                        exp(−η·fee/mean basket), in [0, 100]; 0 = fees do not deter (2)
 * @param serviceFeeSatisfactionImpact    satisfaction lost per charged request, in [0, 1] (0.01)
 * @param terminationDetractorProbability chance a terminated customer becomes a detractor, in [0, 1] (0.5)
 * @param terminationDetractorMonths      months such an ex-customer counts as a detractor, 0 to 1200 (6)
 * @param tenureSpendGrowth               basket spend × (1 + g · tenure in years), in [0, 10] (0: off)
 * @param tenureServiceDecline            service demand × (1 − d)^(tenure in years), in [0, 0.99] (0: off)
 */
public record Behaviour(
        double promoterThreshold,
        double detractorThreshold,
        double satisfactionDrift,
        double complaintImpact,
        double purchaseSatisfactionSensitivity,
        double churnSatisfactionSensitivity,
        double discountElasticity,
        double negativeWomChurnEffect,
        int complaintMemory,
        int featureWindow,
        int reclassifyEvery,
        double referencePriceMemory,
        double priceGapPurchaseEffect,
        double priceGapChurnEffect,
        double dealTraining,
        double serviceFeeElasticity,
        double serviceFeeSatisfactionImpact,
        double terminationDetractorProbability,
        int terminationDetractorMonths,
        double tenureSpendGrowth,
        double tenureServiceDecline) {

    /** The values a scenario gets for keys it leaves out (the declared defaults, {@link BehaviourParameter}). */
    public static final Behaviour DEFAULT = of(BehaviourParameter::defaultValue);

    /** The behaviour whose value of each declared parameter is {@code value}'s (whole numbers as their double). */
    public static Behaviour of(ToDoubleFunction<BehaviourParameter> value) {
        return new Behaviour(
                value.applyAsDouble(BehaviourParameter.PROMOTER_THRESHOLD),
                value.applyAsDouble(BehaviourParameter.DETRACTOR_THRESHOLD),
                value.applyAsDouble(BehaviourParameter.SATISFACTION_DRIFT),
                value.applyAsDouble(BehaviourParameter.COMPLAINT_IMPACT),
                value.applyAsDouble(BehaviourParameter.PURCHASE_SATISFACTION_SENSITIVITY),
                value.applyAsDouble(BehaviourParameter.CHURN_SATISFACTION_SENSITIVITY),
                value.applyAsDouble(BehaviourParameter.DISCOUNT_ELASTICITY),
                value.applyAsDouble(BehaviourParameter.NEGATIVE_WOM_CHURN_EFFECT),
                (int) value.applyAsDouble(BehaviourParameter.COMPLAINT_MEMORY),
                (int) value.applyAsDouble(BehaviourParameter.FEATURE_WINDOW),
                (int) value.applyAsDouble(BehaviourParameter.RECLASSIFY_EVERY),
                value.applyAsDouble(BehaviourParameter.REFERENCE_PRICE_MEMORY),
                value.applyAsDouble(BehaviourParameter.PRICE_GAP_PURCHASE_EFFECT),
                value.applyAsDouble(BehaviourParameter.PRICE_GAP_CHURN_EFFECT),
                value.applyAsDouble(BehaviourParameter.DEAL_TRAINING),
                value.applyAsDouble(BehaviourParameter.SERVICE_FEE_ELASTICITY),
                value.applyAsDouble(BehaviourParameter.SERVICE_FEE_SATISFACTION_IMPACT),
                value.applyAsDouble(BehaviourParameter.TERMINATION_DETRACTOR_PROBABILITY),
                (int) value.applyAsDouble(BehaviourParameter.TERMINATION_DETRACTOR_MONTHS),
                value.applyAsDouble(BehaviourParameter.TENURE_SPEND_GROWTH),
                value.applyAsDouble(BehaviourParameter.TENURE_SERVICE_DECLINE));
    }

    /** The value of a declared parameter (a whole number as its double). */
    public double get(BehaviourParameter p) {
        return switch (p) {
            case PROMOTER_THRESHOLD -> promoterThreshold;
            case DETRACTOR_THRESHOLD -> detractorThreshold;
            case SATISFACTION_DRIFT -> satisfactionDrift;
            case COMPLAINT_IMPACT -> complaintImpact;
            case PURCHASE_SATISFACTION_SENSITIVITY -> purchaseSatisfactionSensitivity;
            case CHURN_SATISFACTION_SENSITIVITY -> churnSatisfactionSensitivity;
            case DISCOUNT_ELASTICITY -> discountElasticity;
            case NEGATIVE_WOM_CHURN_EFFECT -> negativeWomChurnEffect;
            case COMPLAINT_MEMORY -> complaintMemory;
            case FEATURE_WINDOW -> featureWindow;
            case RECLASSIFY_EVERY -> reclassifyEvery;
            case REFERENCE_PRICE_MEMORY -> referencePriceMemory;
            case PRICE_GAP_PURCHASE_EFFECT -> priceGapPurchaseEffect;
            case PRICE_GAP_CHURN_EFFECT -> priceGapChurnEffect;
            case DEAL_TRAINING -> dealTraining;
            case SERVICE_FEE_ELASTICITY -> serviceFeeElasticity;
            case SERVICE_FEE_SATISFACTION_IMPACT -> serviceFeeSatisfactionImpact;
            case TERMINATION_DETRACTOR_PROBABILITY -> terminationDetractorProbability;
            case TERMINATION_DETRACTOR_MONTHS -> terminationDetractorMonths;
            case TENURE_SPEND_GROWTH -> tenureSpendGrowth;
            case TENURE_SERVICE_DECLINE -> tenureServiceDecline;
        };
    }

    /** The same behaviour with one value changed (a whole number given as its double). */
    public Behaviour with(BehaviourParameter p, double value) {
        return of(q -> q == p ? value : get(q));
    }

    /** These values with the tenure effects switched off (spend and service demand independent of tenure). */
    public Behaviour withoutTenureEffects() {
        return with(BehaviourParameter.TENURE_SPEND_GROWTH, 0).with(BehaviourParameter.TENURE_SERVICE_DECLINE, 0);
    }

    /** These values with the responses to prices, fees and termination switched off (the model before they existed). */
    public Behaviour withoutPriceFeeAndTerminationResponses() {
        return of(p -> switch (p) {
            case REFERENCE_PRICE_MEMORY, PRICE_GAP_PURCHASE_EFFECT, PRICE_GAP_CHURN_EFFECT, DEAL_TRAINING,
                    SERVICE_FEE_ELASTICITY, SERVICE_FEE_SATISFACTION_IMPACT, TERMINATION_DETRACTOR_PROBABILITY,
                    TERMINATION_DETRACTOR_MONTHS -> 0;
            default -> get(p);
        });
    }
}
