package org.segmentlab.benchmarks.engine;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.model.strategy.Advertising;
import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.model.treatment.BuiltInTreatments;
import org.segmentlab.simulator.scenario.Archetype;
import org.segmentlab.simulator.scenario.Behaviour;
import org.segmentlab.simulator.scenario.Distribution;
import org.segmentlab.simulator.scenario.Economics;
import org.segmentlab.simulator.scenario.Event;
import org.segmentlab.simulator.scenario.EventType;
import org.segmentlab.simulator.scenario.Market;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * The benchmark's market: four archetypes with every trait random, every behavioural effect on (satisfaction
 * sensitivities, discount elasticity, negative word of mouth), a textbook strategy with a leaking price campaign,
 * service recovery and a budget, acquisition by advertising (with a targeted campaign), imitation and referrals that
 * convert, reputation, tenure effects, win-back of a third of the churned, and a rep departure in effect. Built in
 * code so the benchmark does not depend on the scenario files.
 */
final class FullFeaturedScenario {

    private FullFeaturedScenario() {
    }

    static Scenario of(int customers) {
        Market before = before14(customers).market();
        Market market = new Market(before.potential(), before.initialCustomers(), before.innovation(), before.imitation(),
                before.negativeWeight(), before.acquisitionCost(), before.referralLean(), 0.05, 20,
                Market.Reputation.DEFAULT, Market.AdvertisingResponse.DEFAULT, new Market.WinBack(0.3, 6));
        Behaviour b = new Behaviour(0.8, 0.3, 0.1, 0.25, 1, 2, 1.5, 0.2, 3, 12, 1, 0.5, 3, 3, 0, 2, 0.01, 0.5, 6, 0.1, 0.2);
        Strategy textbook = textbook(customers, new Advertising(0.2 * customers, List.of("loyal"), 3));
        Scenario s = before14(customers);
        return new Scenario(s.name(), s.description(), s.seed(), s.months(), s.replications(), market, s.economics(), b,
                s.archetypes(), s.taxonomy(), s.truth(), s.treatments(), List.of(textbook), s.events());
    }

    /**
     * The plain base market the issue compares with a vectorised numpy script: three archetypes (devoted,
     * bargain-hunters, unhappy), the baseline strategy (nobody treated), no events, the four-types classifier every
     * month, the default behaviour.
     */
    static Scenario plain(int customers) {
        return plain(customers, 1200);
    }

    /** The plain base market over a given number of months. */
    static Scenario plain(int customers, int months) {
        List<Archetype> archetypes = List.of(
                archetype("devoted", 0.3, 4, 0.5, 60, 0.8, 1, 60, 1, 9, 3, 7, 0.2, 8, 2, 0.01, 0),
                archetype("bargain-hunter", 0.5, 2, 0.5, 30, 0.6, 2, 25, 8, 2, 1, 9, 0.3, 4, 4, 0.03, 0),
                archetype("unhappy", 0.2, 1, 0.5, 35, 0.6, 2, 15, 2, 5, 1, 19, 1.0, 2, 6, 0.1, 0));
        return new Scenario("plain", "plain base market", 42, months, 1,
                new Market(10L * customers, customers, 0.002, 0.25, 2, 40, 0.5),
                new Economics("EUR", 0.35, 12, 0.01),
                Behaviour.DEFAULT,
                archetypes, BuiltInTaxonomies.fourTypes(), Map.of(), BuiltInTreatments.all(),
                List.of(new Strategy("baseline", OptionalDouble.empty(), Map.of("default", "none"), Advertising.NONE)),
                List.of());
    }

    /** The same market with the mechanisms of issue 14 off: the engine's work before they existed. */
    static Scenario before14(int customers) {
        List<Archetype> archetypes = List.of(
                archetype("loyal", 0.3, 4, 0.5, 60, 0.8, 1, 60, 1, 9, 3, 7, 0.2, 8, 2, 0.01, 0.3),
                archetype("fence", 0.4, 2, 0.5, 40, 0.7, 2, 40, 3, 5, 2, 8, 0.3, 5, 3, 0.03, 0.2),
                archetype("price", 0.2, 2, 0.4, 30, 0.6, 2, 25, 8, 2, 1, 9, 0.4, 4, 4, 0.04, 0.1),
                archetype("negative", 0.1, 1, 0.5, 35, 0.6, 2, 15, 2, 5, 1, 19, 1.0, 2, 6, 0.1, 0.1));
        Map<String, String> truth = Map.of("loyal", "loyal", "fence", "fence-sitter", "price", "price-sensitive",
                "negative", "negative");
        return new Scenario("benchmark", "full-featured engine benchmark", 42, 1200, 1,
                new Market(10L * customers, customers, 0.002, 0.25, 2, 40, 0.5),
                new Economics("EUR", 0.35, 12, 0.01),
                Behaviour.DEFAULT,
                archetypes, BuiltInTaxonomies.fourTypes(), truth, BuiltInTreatments.all(),
                List.of(textbook(customers, Advertising.NONE)),
                List.of(new Event(EventType.REP_DEPARTURE, 1, 1200, 0.1, 1.5, 1, 0, 0)));
    }

    /** A budget of 1.5 per customer-month binds: the textbook treatments would cost more. */
    private static Strategy textbook(int customers, Advertising advertising) {
        return new Strategy("textbook", OptionalDouble.of(1.5 * customers), Map.of("loyal", "loyalty-perks",
                "fence-sitter", "unique-offer", "price-sensitive", "price-campaign", "negative", "service-recovery"),
                advertising);
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private static Archetype archetype(String name, double share, double rateShape, double rateScale, double spendMedian,
            double spendSigma, double churnA, double churnB, double psiA, double psiB, double advA, double advB,
            double serviceScale, double satA, double satB, double bad, double rep) {
        return new Archetype(name, share, new Distribution.Gamma(rateShape, rateScale),
                new Distribution.LogNormal(Math.log(spendMedian), spendSigma), 0.3, new Distribution.Beta(churnA, churnB),
                new Distribution.Beta(psiA, psiB), new Distribution.Beta(advA, advB), new Distribution.Gamma(1, serviceScale),
                new Distribution.Beta(satA, satB), new Distribution.Constant(bad), rep);
    }
}
