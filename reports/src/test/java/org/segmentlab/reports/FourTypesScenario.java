package org.segmentlab.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.model.treatment.BuiltInTreatments;
import org.segmentlab.simulator.scenario.Archetype;
import org.segmentlab.simulator.scenario.Behaviour;
import org.segmentlab.simulator.scenario.Distribution;
import org.segmentlab.simulator.scenario.Economics;
import org.segmentlab.simulator.scenario.Market;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * The four-types market of DESIGN.md built in code, for rendering reports from a real engine run until the
 * scenario loader and {@code scenarios/four-types.yaml} land. {@link #YAML} is the same scenario as text.
 */
public final class FourTypesScenario {
    private FourTypesScenario() {
    }

    public static Scenario of(int initialCustomers, int months, int replications, long seed) {
        List<Archetype> archetypes = List.of(
                new Archetype("loyal", 0.2, new Distribution.Gamma(4, 0.5), lognormal(60, 0.8), 0.3, new Distribution.Beta(1, 60),
                        new Distribution.Beta(1, 9), new Distribution.Beta(3, 7), new Distribution.Gamma(1, 0.2), new Distribution.Beta(8, 2),
                        new Distribution.Constant(0.01), 0.3),
                new Archetype("fence-sitter", 0.4, new Distribution.Gamma(2, 0.4), lognormal(45, 0.7), 0.3, new Distribution.Beta(1, 25),
                        new Distribution.Beta(3, 5), new Distribution.Beta(1, 9), new Distribution.Gamma(1, 0.3), new Distribution.Beta(5, 4),
                        new Distribution.Constant(0.02), 0.2),
                new Archetype("price-sensitive", 0.25, new Distribution.Gamma(2, 0.35), lognormal(30, 0.6), 0.3, new Distribution.Beta(1, 15),
                        new Distribution.Beta(8, 2), new Distribution.Beta(1, 12), new Distribution.Gamma(1, 0.4), new Distribution.Beta(4, 4),
                        new Distribution.Constant(0.03), 0.1),
                new Archetype("negative", 0.15, new Distribution.Gamma(1.5, 0.3), lognormal(40, 0.7), 0.3, new Distribution.Beta(2, 20),
                        new Distribution.Beta(3, 5), new Distribution.Beta(1, 20), new Distribution.Gamma(2, 0.5), new Distribution.Beta(2, 6),
                        new Distribution.Constant(0.08), 0.2));
        Map<String, String> truth = new LinkedHashMap<>();
        for (Archetype a : archetypes) {
            truth.put(a.name(), a.name());
        }
        List<Strategy> strategies = List.of(
                Strategy.of("baseline", Map.of(Strategy.DEFAULT, "none")),
                Strategy.of("textbook", Map.of("loyal", "loyalty-perks", "fence-sitter", "unique-offer", "price-sensitive", "price-campaign",
                        "negative", "service-recovery")),
                Strategy.of("perks-only", Map.of("loyal", "loyalty-perks", Strategy.DEFAULT, "none")),
                Strategy.of("cut-losses", Map.of("negative", "terminate", "price-sensitive", "no-discounts", Strategy.DEFAULT, "none")));
        return new Scenario("Four types — baseline vs textbook", "What happens when each of the four types gets its textbook treatment.",
                seed, months, replications,
                new Market(10L * initialCustomers, initialCustomers, 0.002, 0.3, 1.0, 40, 0.5),
                new Economics("EUR", 0.35, 12, 0.01),
                Behaviour.DEFAULT,
                archetypes, BuiltInTaxonomies.fourTypes(), truth, BuiltInTreatments.all(), strategies, List.of());
    }

    private static Distribution lognormal(double median, double sigma) {
        return new Distribution.LogNormal(Math.log(median), sigma);
    }

    /** The same scenario as YAML, for the report's "resolved scenario" (customers, months, replications, seed filled in). */
    public static String yaml(int initialCustomers, int months, int replications, long seed) {
        return String.join("\n",
                "name: Four types — baseline vs textbook",
                "description: What happens when each of the four types gets its textbook treatment.",
                "seed: " + seed,
                "months: " + months,
                "replications: " + replications,
                "market: {potential: " + 10L * initialCustomers + ", initialCustomers: " + initialCustomers
                        + ", innovation: 0.002, imitation: 0.3, negativeWeight: 1.0, acquisitionCost: 40, referralLean: 0.5}",
                "economics: {currency: EUR, grossMargin: 0.35, serviceCostPerRequest: 12, discountRate: 0.01}",
                "behaviour: {promoterThreshold: 0.8, detractorThreshold: 0.3, satisfactionDrift: 0.1, complaintImpact: 0.25,",
                "  purchaseSatisfactionSensitivity: 1.0, churnSatisfactionSensitivity: 2.0, discountElasticity: 1.5,",
                "  negativeWomChurnEffect: 0.2, complaintMemory: 3, featureWindow: 12, reclassifyEvery: 1}",
                "archetypes:",
                "  - {name: loyal, share: 0.2, purchaseRate: {dist: gamma, shape: 4, scale: 0.5}, spend: {dist: lognormal, median: 60, sigma: 0.8},",
                "     basketNoise: 0.3, churn: {dist: beta, alpha: 1, beta: 60}, priceSensitivity: {dist: beta, alpha: 1, beta: 9},",
                "     advocacy: {dist: beta, alpha: 3, beta: 7}, serviceDemand: {dist: gamma, shape: 1, scale: 0.2},",
                "     satisfaction: {dist: beta, alpha: 8, beta: 2}, badExperience: 0.01, repAttached: 0.3}",
                "  - {name: fence-sitter, share: 0.4, purchaseRate: {dist: gamma, shape: 2, scale: 0.4}, spend: {dist: lognormal, median: 45, sigma: 0.7},",
                "     basketNoise: 0.3, churn: {dist: beta, alpha: 1, beta: 25}, priceSensitivity: {dist: beta, alpha: 3, beta: 5},",
                "     advocacy: {dist: beta, alpha: 1, beta: 9}, serviceDemand: {dist: gamma, shape: 1, scale: 0.3},",
                "     satisfaction: {dist: beta, alpha: 5, beta: 4}, badExperience: 0.02, repAttached: 0.2}",
                "  - {name: price-sensitive, share: 0.25, purchaseRate: {dist: gamma, shape: 2, scale: 0.35}, spend: {dist: lognormal, median: 30, sigma: 0.6},",
                "     basketNoise: 0.3, churn: {dist: beta, alpha: 1, beta: 15}, priceSensitivity: {dist: beta, alpha: 8, beta: 2},",
                "     advocacy: {dist: beta, alpha: 1, beta: 12}, serviceDemand: {dist: gamma, shape: 1, scale: 0.4},",
                "     satisfaction: {dist: beta, alpha: 4, beta: 4}, badExperience: 0.03, repAttached: 0.1}",
                "  - {name: negative, share: 0.15, purchaseRate: {dist: gamma, shape: 1.5, scale: 0.3}, spend: {dist: lognormal, median: 40, sigma: 0.7},",
                "     basketNoise: 0.3, churn: {dist: beta, alpha: 2, beta: 20}, priceSensitivity: {dist: beta, alpha: 3, beta: 5},",
                "     advocacy: {dist: beta, alpha: 1, beta: 20}, serviceDemand: {dist: gamma, shape: 2, scale: 0.5},",
                "     satisfaction: {dist: beta, alpha: 2, beta: 6}, badExperience: 0.08, repAttached: 0.2}",
                "taxonomy: four-types",
                "truth: {loyal: loyal, fence-sitter: fence-sitter, price-sensitive: price-sensitive, negative: negative}",
                "strategies:",
                "  - {name: baseline, treatments: {default: none}}",
                "  - {name: textbook, treatments: {loyal: loyalty-perks, fence-sitter: unique-offer, price-sensitive: price-campaign, negative: service-recovery}}",
                "  - {name: perks-only, treatments: {loyal: loyalty-perks, default: none}}",
                "  - {name: cut-losses, treatments: {negative: terminate, price-sensitive: no-discounts, default: none}}",
                "");
    }
}
