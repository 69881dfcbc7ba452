package org.segmentlab.simulator.scenario;

import static org.segmentlab.simulator.scenario.Control.labelled;

import java.util.List;
import java.util.Optional;

/**
 * The values of a scenario's {@code behaviour} section, each declared once, here: key, whole or not, allowed range,
 * default, unit, help, a clearly different probe value and the settings it needs to have any effect. The loader reads
 * and checks {@code behaviour} through these declarations; {@link ScenarioKeys#BEHAVIOUR}, {@link ScenarioWriter},
 * {@link Behaviour#DEFAULT}, the JSON Schema's {@code behaviour} definition and the docs table are derived from them,
 * and a test moves every value from its default to its probe to show it changes a run. The engine reads them through
 * {@link Behaviour}'s accessors.
 * <p>
 * To add a value: add a constant here and its component to {@link Behaviour}, in {@link Behaviour#of} and
 * {@link Behaviour#get} (whose switch does not compile until it knows the constant), read it in the engine, then
 * regenerate the schema and docs (the tests that check them print the command).
 */
public enum BehaviourParameter implements DeclaredValue {
    PROMOTER_THRESHOLD("promoterThreshold", false, 0, 1, 0.8, 0.6, "satisfaction",
            "Satisfaction at or above which a customer is a promoter (unless a detractor)."),
    DETRACTOR_THRESHOLD("detractorThreshold", false, 0, 1, 0.3, 0.6, "satisfaction",
            "Satisfaction below which a customer is a detractor (as is one with an unresolved complaint in the last "
                    + "`complaintMemory` months); at most `promoterThreshold`."),
    SATISFACTION_DRIFT("satisfactionDrift", false, 0, 1, 0.1, 0.5, "share of the gap per month",
            "Share of the gap to the baseline satisfaction closed each month."),
    COMPLAINT_IMPACT(labelled("Satisfaction lost per complaint"), "complaintImpact", false, 0, 1, 0.25, 0.8, "satisfaction per complaint",
            "Satisfaction lost per complaint."),
    PURCHASE_SATISFACTION_SENSITIVITY("purchaseSatisfactionSensitivity", false, 0, 100, 1, 5, "per unit of satisfaction",
            "g: sensitivity of purchases to satisfaction, purchases × exp(g · (s − s₀)); 0 switches it off."),
    CHURN_SATISFACTION_SENSITIVITY("churnSatisfactionSensitivity", false, 0, 100, 2, 8, "per unit of satisfaction",
            "h: sensitivity of churn to dissatisfaction, churn × exp(h · (s₀ − s)); 0 switches it off."),
    DISCOUNT_ELASTICITY(labelled("Extra buying per unit of discount (discount elasticity)"), "discountElasticity", false, 0, 100, 1.5, 5, "per unit of discount",
            "Extra purchases per unit of discount for a fully price-sensitive customer.",
            "promotions: {every: 2, discount: 0.2}"),
    NEGATIVE_WOM_CHURN_EFFECT("negativeWomChurnEffect", false, 0, 100, 0.2, 5, "per detractor share",
            "ν: churn × (1 + ν · detractor share)."),
    COMPLAINT_MEMORY(labelled("Months a complaint keeps a customer a detractor"), "complaintMemory", true, 0, ScenarioBinder.MAX_MONTHS, 3, 0, "months",
            "Months a complaint keeps a customer a detractor."),
    FEATURE_WINDOW("featureWindow", true, 1, ScenarioBinder.MAX_MONTHS, 12, 3, "months",
            "Trailing window of the observable features (and months of burn-in)."),
    RECLASSIFY_EVERY("reclassifyEvery", true, 1, ScenarioBinder.MAX_MONTHS, 1, 3, "months",
            "Months between reclassifications."),
    REFERENCE_PRICE_MEMORY("referencePriceMemory", false, 0, 1, 0.5, 1, "weight of the latest price",
            "α: the reference price a customer remembers moves toward what they paid, r ← r + α·(paid − r), in each "
                    + "month with a purchase (prices relative to the list price). 0 keeps every reference at the list "
                    + "price.",
            "promotions: {every: 2, discount: 0.2}"),
    PRICE_GAP_PURCHASE_EFFECT("priceGapPurchaseEffect", false, 0, 100, 3, 10, "per unit of price gap",
            "k_p: when the price is above the reference (gap = price − reference), purchases × exp(−ψ·k_p·gap): the "
                    + "post-promotion dip. 0 switches it off.",
            "promotions: {every: 2, discount: 0.2}"),
    PRICE_GAP_CHURN_EFFECT("priceGapChurnEffect", false, 0, 100, 3, 10, "per unit of price gap",
            "k_c: churn × (1 + ψ·k_c·gap): price-sensitive customers leave when the price is no longer attractive. "
                    + "0 switches it off.",
            "promotions: {every: 2, discount: 0.2}"),
    DEAL_TRAINING(labelled("How fast discounts teach customers to wait for deals"), "dealTraining", false, 0, 1, 0, 0.8, "per unit of discount",
            "A month bought on discount d raises ψ: ψ ← ψ + dealTraining·d·(1 − ψ), so promotions train deal-proneness "
                    + "(the discount trap). 0 = off.",
            "promotions: {every: 2, discount: 0.2}"),
    SERVICE_FEE_ELASTICITY(labelled("How much a service fee deters requests (η)"), "serviceFeeElasticity", false, 0, 100, 2, 10, "per fee / mean basket",
            "η: each request above a charged cap is still made with probability exp(−η·fee/mean basket); 0 = fees do "
                    + "not deter.",
            "strategies[0].treatments.default: charge-for-extras"),
    SERVICE_FEE_SATISFACTION_IMPACT(labelled("Satisfaction lost per charged request"), "serviceFeeSatisfactionImpact", false, 0, 1, 0.01, 0.2, "satisfaction per request",
            "Satisfaction lost per charged request.",
            "strategies[0].treatments.default: charge-for-extras"),
    TERMINATION_DETRACTOR_PROBABILITY(labelled("Fired customers who turn detractor"), "terminationDetractorProbability", false, 0, 1, 0.5, 1, "probability",
            "Chance a terminated customer becomes a detractor: firing has a word-of-mouth cost.",
            "strategies[0].treatments.negative: terminate"),
    TERMINATION_DETRACTOR_MONTHS("terminationDetractorMonths", true, 0, ScenarioBinder.MAX_MONTHS, 6, 1, "months",
            "Months such an ex-customer counts as a detractor.",
            "strategies[0].treatments.negative: terminate"),
    TENURE_SPEND_GROWTH(labelled("Growth of spend per year as a customer"), "tenureSpendGrowth", false, 0, 10, 0, 1, "per year of tenure",
            "g: basket spend × (1 + g · y), y = tenure in years. 0 = off."),
    TENURE_SERVICE_DECLINE(labelled("Fall of service requests per year as a customer"), "tenureServiceDecline", false, 0, 0.99, 0, 0.5, "per year of tenure",
            "d: service demand × (1 − d)^y, y = tenure in years. 0 = off.");

    private final ValueSpec spec;

    BehaviourParameter(String key, boolean whole, double min, double max, double defaultValue, double probe, String unit,
                       String help, String... needs) {
        this(null, key, whole, min, max, defaultValue, probe, unit, help, needs);
    }

    /** A value with a control on the workbench page. */
    BehaviourParameter(Control control, String key, boolean whole, double min, double max, double defaultValue, double probe,
                       String unit, String help, String... needs) {
        this.spec = new ValueSpec(key, whole, min, max, defaultValue, probe, unit, help, List.of(needs), control);
    }

    @Override
    public ValueSpec spec() {
        return spec;
    }

    /** The full path in a scenario, e.g. {@code behaviour.dealTraining}. */
    public String path() {
        return "behaviour." + key();
    }

    public static Optional<BehaviourParameter> byKey(String key) {
        return Declared.byKey(values(), key);
    }
}
