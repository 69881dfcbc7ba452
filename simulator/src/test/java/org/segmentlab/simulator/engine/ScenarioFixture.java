package org.segmentlab.simulator.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.model.segment.Taxonomy;
import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.model.treatment.BuiltInTreatments;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Archetype;
import org.segmentlab.simulator.scenario.Behaviour;
import org.segmentlab.simulator.scenario.Distribution;
import org.segmentlab.simulator.scenario.Economics;
import org.segmentlab.simulator.scenario.Event;
import org.segmentlab.simulator.scenario.Market;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * Builds scenarios in code for engine tests, starting from "everything switched off": no churn, no acquisition,
 * no satisfaction effects, so each test turns on exactly the mechanism it is about.
 */
final class ScenarioFixture {
    String name = "fixture";
    long seed = 7;
    int months = 12;
    int replications = 1;
    long potential = 10_000;
    int initialCustomers = 10_000;
    double innovation = 0;
    double imitation = 0;
    double negativeWeight = 1;
    double acquisitionCost = 0;
    double referralLean = 0;
    double grossMargin = 0.35;
    double serviceCostPerRequest = 12;
    double promoterThreshold = 0.8;
    double detractorThreshold = 0.3;
    double satisfactionDrift = 0;
    double complaintImpact = 0;
    double purchaseSensitivity = 0;
    double churnSensitivity = 0;
    double discountElasticity = 0;
    double negativeWomChurnEffect = 0;
    int complaintMemory = 3;
    int featureWindow = 12;
    int reclassifyEvery = 1;
    final List<Archetype> archetypes = new ArrayList<>();
    Taxonomy taxonomy = BuiltInTaxonomies.fourTypes();
    final Map<String, String> truth = new LinkedHashMap<>();
    final Map<String, Treatment> treatments = new LinkedHashMap<>(BuiltInTreatments.all());
    final List<Strategy> strategies = new ArrayList<>();
    final List<Event> events = new ArrayList<>();

    /** A market of {@code potential} of whom {@code initialCustomers} are customers at month 0, run for {@code months}. */
    static ScenarioFixture of(long potential, int initialCustomers, int months) {
        ScenarioFixture f = new ScenarioFixture();
        f.potential = potential;
        f.initialCustomers = initialCustomers;
        f.months = months;
        return f;
    }

    /**
     * A market with every mechanism on, at modest strength: acquisition by advertising and imitation, negative word of
     * mouth, every behavioural response, and two archetypes (steady customers, truly loyal, and bargain hunters, truly
     * price-sensitive) that buy, churn, talk, ask for service and have bad experiences. 100 000 potential customers,
     * 8 000 at month 0, 12 months.
     */
    static ScenarioFixture lively() {
        ScenarioFixture f = of(100_000, 8_000, 12);
        f.innovation = 0.002;
        f.imitation = 0.2;
        f.negativeWeight = 2;
        f.acquisitionCost = 40;
        f.referralLean = 0.5;
        f.satisfactionDrift = 0.1;
        f.complaintImpact = 0.25;
        f.purchaseSensitivity = 1;
        f.churnSensitivity = 2;
        f.discountElasticity = 1.5;
        f.negativeWomChurnEffect = 0.2;
        f.add(archetype("steady", 0.6)
                .purchaseRate(gamma(4, 0.4)).spend(lognormalMedian(60, 0.8)).basketNoise(0.3)
                .churn(beta(1, 40)).priceSensitivity(beta(1, 9)).advocacy(beta(3, 7))
                .serviceDemand(gamma(1, 0.3)).satisfaction(beta(8, 2)).badExperience(constant(0.03)).repAttached(0.3),
                "loyal");
        f.add(archetype("bargain", 0.4)
                .purchaseRate(gamma(2, 0.4)).spend(lognormalMedian(30, 0.6)).basketNoise(0.3)
                .churn(beta(2, 30)).priceSensitivity(beta(8, 2)).advocacy(beta(1, 9))
                .serviceDemand(gamma(1, 0.5)).satisfaction(beta(5, 4)).badExperience(constant(0.06)).repAttached(0.1),
                "price-sensitive");
        return f;
    }

    static Distribution constant(double v) {
        return new Distribution.Constant(v);
    }

    static Distribution beta(double a, double b) {
        return new Distribution.Beta(a, b);
    }

    static Distribution gamma(double shape, double scale) {
        return new Distribution.Gamma(shape, scale);
    }

    static Distribution lognormalMedian(double median, double sigma) {
        return new Distribution.LogNormal(Math.log(median), sigma);
    }

    /** An archetype that does nothing: no purchases, no churn, no service, neutral satisfaction. */
    static ArchetypeBuilder archetype(String name, double share) {
        return new ArchetypeBuilder(name, share);
    }

    static final class ArchetypeBuilder {
        final String name;
        final double share;
        Distribution purchaseRate = constant(0);
        Distribution spend = constant(50);
        double basketNoise = 0;
        Distribution churn = constant(0);
        Distribution priceSensitivity = constant(0);
        Distribution advocacy = constant(0);
        Distribution serviceDemand = constant(0);
        Distribution satisfaction = constant(0.6);
        Distribution badExperience = constant(0);
        double repAttached = 0;
        Distribution dropout = constant(0);

        ArchetypeBuilder(String name, double share) {
            this.name = name;
            this.share = share;
        }

        ArchetypeBuilder purchaseRate(Distribution d) { purchaseRate = d; return this; }
        ArchetypeBuilder spend(Distribution d) { spend = d; return this; }
        ArchetypeBuilder basketNoise(double v) { basketNoise = v; return this; }
        ArchetypeBuilder churn(Distribution d) { churn = d; return this; }
        ArchetypeBuilder priceSensitivity(Distribution d) { priceSensitivity = d; return this; }
        ArchetypeBuilder advocacy(Distribution d) { advocacy = d; return this; }
        ArchetypeBuilder serviceDemand(Distribution d) { serviceDemand = d; return this; }
        ArchetypeBuilder satisfaction(Distribution d) { satisfaction = d; return this; }
        ArchetypeBuilder badExperience(Distribution d) { badExperience = d; return this; }
        ArchetypeBuilder repAttached(double v) { repAttached = v; return this; }
        ArchetypeBuilder dropout(Distribution d) { dropout = d; return this; }

        Archetype build() {
            return new Archetype(name, share, purchaseRate, spend, basketNoise, churn, priceSensitivity, advocacy,
                    serviceDemand, satisfaction, badExperience, repAttached, dropout);
        }
    }

    ScenarioFixture add(ArchetypeBuilder a) {
        archetypes.add(a.build());
        return this;
    }

    /** Adds the archetype and the segment it truly belongs to. */
    ScenarioFixture add(ArchetypeBuilder a, String truthSegment) {
        truth.put(a.name, truthSegment);
        return add(a);
    }

    ScenarioFixture strategy(String strategyName, Map<String, String> segmentTreatments) {
        strategies.add(Strategy.of(strategyName, segmentTreatments));
        return this;
    }

    ScenarioFixture strategy(String strategyName, double budget, Map<String, String> segmentTreatments) {
        strategies.add(new Strategy(strategyName, OptionalDouble.of(budget), segmentTreatments));
        return this;
    }

    /** Runs the scenario on two threads. */
    RunResult run() {
        return Simulator.run(build(), RunOptions.threads(2));
    }

    /** The metrics of {@link #run()}. */
    MetricsTable metrics() {
        return run().metrics();
    }

    Scenario build() {
        List<Strategy> s = strategies.isEmpty() ? List.of(Strategy.of("baseline", Map.of())) : strategies;
        return new Scenario(name, "", seed, months, replications,
                new Market(potential, initialCustomers, innovation, imitation, negativeWeight, acquisitionCost, referralLean),
                new Economics("EUR", grossMargin, serviceCostPerRequest, 0.01),
                behaviour(),
                archetypes, taxonomy, truth, treatments, s, events);
    }

    /** The fixture's behaviour values; the rest (price, fee, termination and tenure responses) at their defaults. */
    private Behaviour behaviour() {
        return Behaviour.of(p -> switch (p) {
            case PROMOTER_THRESHOLD -> promoterThreshold;
            case DETRACTOR_THRESHOLD -> detractorThreshold;
            case SATISFACTION_DRIFT -> satisfactionDrift;
            case COMPLAINT_IMPACT -> complaintImpact;
            case PURCHASE_SATISFACTION_SENSITIVITY -> purchaseSensitivity;
            case CHURN_SATISFACTION_SENSITIVITY -> churnSensitivity;
            case DISCOUNT_ELASTICITY -> discountElasticity;
            case NEGATIVE_WOM_CHURN_EFFECT -> negativeWomChurnEffect;
            case COMPLAINT_MEMORY -> complaintMemory;
            case FEATURE_WINDOW -> featureWindow;
            case RECLASSIFY_EVERY -> reclassifyEvery;
            default -> p.defaultValue();
        });
    }
}
