package org.segmentlab.simulator.scenario;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.model.treatment.TreatmentParameter;

/**
 * A behavioural mechanism of the model that a scenario can switch off (scenario key {@code mechanisms}, e.g.
 * {@code mechanisms: {wordOfMouth: off}}). Switching one off sets the parameters that carry it to their neutral
 * values before the run starts ({@link Scenario#effective()}), so the engine is the same and a run with a switch off
 * is bit-identical to one with those parameters neutralised by hand. {@code segmentlab explain} switches each off in
 * turn to measure how much of a strategy's advantage it carries.
 */
public enum Mechanism {
    WORD_OF_MOUTH("wordOfMouth", "imitation (market.imitation q) and referrals (market.referralConversion)",
            s -> s.withMarket(s.market().with(MarketParameter.IMITATION, 0).with(MarketParameter.REFERRAL_CONVERSION, 0))),
    NEGATIVE_WORD_OF_MOUTH("negativeWordOfMouth",
            "detractors damping acquisition (market.negativeWeight κ) and raising churn (behaviour.negativeWomChurnEffect ν), "
                    + "terminated customers turning detractor (behaviour.terminationDetractorProbability)",
            s -> s.withMarket(s.market().with(MarketParameter.NEGATIVE_WEIGHT, 0))
                    .withBehaviour(s.behaviour().with(BehaviourParameter.NEGATIVE_WOM_CHURN_EFFECT, 0)
                            .with(BehaviourParameter.TERMINATION_DETRACTOR_PROBABILITY, 0))),
    REPUTATION("reputation", "the reputation stock scaling conversion (market.reputation.effect)",
            s -> s.withMarket(s.market().with(MarketParameter.REPUTATION_EFFECT, 0))),
    SATISFACTION("satisfaction",
            "satisfaction moving away from each customer's baseline: treatments' satisfactionDelta, "
                    + "behaviour.complaintImpact, behaviour.serviceFeeSatisfactionImpact, events' satisfactionDelta",
            s -> withTreatments(s.withBehaviour(s.behaviour().with(BehaviourParameter.COMPLAINT_IMPACT, 0)
                            .with(BehaviourParameter.SERVICE_FEE_SATISFACTION_IMPACT, 0)),
                            t -> t.with(TreatmentParameter.SATISFACTION_DELTA, 0))
                    .withEvents(s.events().stream().map(e -> e.with(EventParameter.SATISFACTION_DELTA, 0)).toList())),
    PRICE_RESPONSE("priceResponse",
            "responses to prices: discount elasticity, reference-price gap effects on purchases and churn, deal training",
            s -> s.withBehaviour(s.behaviour().with(BehaviourParameter.DISCOUNT_ELASTICITY, 0)
                    .with(BehaviourParameter.PRICE_GAP_PURCHASE_EFFECT, 0).with(BehaviourParameter.PRICE_GAP_CHURN_EFFECT, 0)
                    .with(BehaviourParameter.DEAL_TRAINING, 0))),
    FEE_RESPONSE("feeResponse", "service fees deterring requests (behaviour.serviceFeeElasticity η)",
            s -> s.withBehaviour(s.behaviour().with(BehaviourParameter.SERVICE_FEE_ELASTICITY, 0))),
    TENURE("tenure", "spend growing and service demand falling with tenure (behaviour.tenureSpendGrowth, tenureServiceDecline)",
            s -> s.withBehaviour(s.behaviour().withoutTenureEffects())),
    EVENTS("events", "the scheduled events (none happen)", s -> s.withEvents(List.of())),
    PROMOTIONS("promotions", "the routine market-wide sales (none run)", s -> s.withPromotions(Promotions.NONE)),
    WIN_BACK("winBack", "churned customers coming back: market.winBack.share and treatments' winBackProbability "
            + "(the offers' cost stays)",
            s -> withTreatments(s.withMarket(s.market().with(MarketParameter.WIN_BACK_SHARE, 0)),
                    t -> t.with(TreatmentParameter.WIN_BACK_PROBABILITY, 0))),
    ADVERTISING_RESPONSE("advertisingResponse", "strategies' advertising spend bringing customers (market.advertising.lift)",
            s -> s.withMarket(s.market().with(MarketParameter.ADVERTISING_LIFT, 0)));

    private final String key;
    private final String description;
    private final UnaryOperator<Scenario> neutralise;

    Mechanism(String key, String description, UnaryOperator<Scenario> neutralise) {
        this.key = key;
        this.description = description;
        this.neutralise = neutralise;
    }

    /** The scenario key under {@code mechanisms}, e.g. {@code wordOfMouth}. */
    public String key() {
        return key;
    }

    /** What switching it off turns off, in one line. */
    public String description() {
        return description;
    }

    /** A readable name for tables and charts, e.g. "word of mouth". */
    public String label() {
        return key.replaceAll("([A-Z])", " $1").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The scenario with this mechanism's parameters set to their neutral values (the set of switches is kept as it
     * is). Idempotent.
     */
    public Scenario neutralise(Scenario scenario) {
        return neutralise.apply(scenario);
    }

    /**
     * Whether switching the mechanism off changes what the scenario runs: a market or behaviour value, an event, a
     * promotion, or a treatment a strategy applies, away from neutral (a built-in no strategy names does not count).
     */
    public boolean usedBy(Scenario scenario) {
        Scenario off = neutralise(scenario);
        return !(Objects.equals(off.market(), scenario.market()) && Objects.equals(off.behaviour(), scenario.behaviour())
                && Objects.equals(off.events(), scenario.events()) && Objects.equals(off.promotions(), scenario.promotions())
                && appliedTreatments(off).equals(appliedTreatments(scenario)));
    }

    /** Each strategy's treatment of each segment. */
    private static List<List<Treatment>> appliedTreatments(Scenario s) {
        return s.strategies().stream().map(st -> st.resolve(s.taxonomy(), s.treatments()).bySegment()).toList();
    }

    public static Optional<Mechanism> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    /** The keys, in declaration order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Mechanism::key).toList();
    }

    public static String allowedKeys() {
        return String.join(", ", keys());
    }

    private static Scenario withTreatments(Scenario s, UnaryOperator<Treatment> change) {
        Map<String, Treatment> treatments = new LinkedHashMap<>();
        s.treatments().forEach((name, t) -> treatments.put(name, change.apply(t)));
        return s.withTreatments(treatments);
    }
}
