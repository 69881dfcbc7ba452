package org.segmentlab.simulator.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.segment.Comparison;
import org.segmentlab.model.treatment.TreatmentParameter;

/**
 * Every key the scenario loader accepts, by the mapping it may appear in (the scenario file). The
 * loader rejects any other key with "did you mean …"; the JSON Schema's {@code properties} must list exactly these
 * (a test compares them). Sets iterate in documentation order.
 */
public final class ScenarioKeys {

    /** The top level. */
    public static final Set<String> ROOT = keys("name", "description", "seed", "months", "replications", "market",
            "economics", "behaviour", "promotions", "observation", "mechanisms", "archetypes", "taxonomy", "thresholds", "truth", "treatments",
            "strategies", "events", "initialPopulation");

    /** {@code initialPopulation}. */
    public static final Set<String> INITIAL_POPULATION = keys("file");

    /** {@code market}: its {@link MarketParameter}s and sub-mappings, in declaration order. */
    public static final Set<String> MARKET = market(MarketParameter.Group.MARKET);

    /** {@code market.reputation}. */
    public static final Set<String> REPUTATION = market(MarketParameter.Group.REPUTATION);

    /** {@code market.advertising}: how spend turns into customers. */
    public static final Set<String> ADVERTISING_RESPONSE = market(MarketParameter.Group.ADVERTISING);

    /** {@code market.winBack}. */
    public static final Set<String> WIN_BACK = market(MarketParameter.Group.WIN_BACK);

    /** {@code strategies[].advertising} written as a mapping. */
    public static final Set<String> ADVERTISING = keys("spend", "targets", "tilt");

    /** {@code economics}. */
    public static final Set<String> ECONOMICS = declaredKeys(List.of("currency"), EconomicsParameter.values());

    /** {@code behaviour}: its {@link BehaviourParameter}s, in declaration order. */
    public static final Set<String> BEHAVIOUR = declaredKeys(BehaviourParameter.values());

    /** {@code promotions} written as a mapping: the periodic form. */
    public static final Set<String> PROMOTIONS = keys("every", "length", "discount", "start");

    /** An item of {@code promotions} written as a list: one sale. */
    public static final Set<String> SALE = keys("month", "discount", "length");

    /** {@code observation}. */
    public static final Set<String> OBSERVATION = declaredKeys(ObservationParameter.values());

    /** {@code mechanisms}: the switches, one per {@link Mechanism}. */
    public static final Set<String> MECHANISMS = Collections.unmodifiableSet(new LinkedHashSet<>(Mechanism.keys()));

    /** An item of {@code archetypes}: {@code name}, {@code share} and the {@link Trait}s. */
    public static final Set<String> ARCHETYPE = archetypeKeys();

    /** The archetype traits written as a distribution (the others are plain numbers). */
    public static final Set<String> DISTRIBUTED_TRAITS = traitKeys(Trait::isDistribution);

    /** The distributed traits that are probabilities: their distributions must stay in [0, 1]. */
    public static final Set<String> PROBABILITY_TRAITS = traitKeys(t -> t.isDistribution() && t.kind() == Trait.Kind.PROBABILITY);

    /** The distributed traits that are amounts of money (the others are rates per month); neither may go negative. */
    public static final Set<String> MONEY_TRAITS = traitKeys(t -> t.isDistribution() && t.kind() == Trait.Kind.MONEY);

    /** The distribution families a probability may use: those whose values can be kept in [0, 1]. */
    public static final Set<String> PROBABILITY_DISTRIBUTIONS = keys("constant", "uniform", "normal", "beta",
            "empirical", "categorical");

    /** An inline {@code taxonomy}. */
    public static final Set<String> TAXONOMY = keys("name", "segments");

    /** An item of {@code taxonomy.segments}. */
    public static final Set<String> SEGMENT = keys("name", "when");

    /** A clause of a segment's {@code when}: the feature keys. */
    public static final Set<String> CLAUSE = featureKeys();

    /** A feature's condition in a clause: the comparison keys. */
    public static final Set<String> CONDITION = comparisonKeys();

    /** A value of {@code treatments}: {@code base} and the treatment parameters. */
    public static final Set<String> TREATMENT = treatmentKeys();

    /** An item of {@code strategies}. */
    public static final Set<String> STRATEGY = keys("name", "budget", "treatments", "advertising");

    /** An item of {@code events}: {@code type}, {@code month} and the {@link EventParameter}s. */
    public static final Set<String> EVENT = eventKeys();

    /** The key that names a distribution's family. */
    public static final String DIST = "dist";

    /** Each distribution family ({@code dist} value) → the keys its mapping accepts, {@code dist} included. */
    public static final Map<String, Set<String>> DISTRIBUTIONS = distributions();

    private ScenarioKeys() {
    }

    /** The distribution families, in documentation order. */
    public static List<String> distributionNames() {
        return new ArrayList<>(DISTRIBUTIONS.keySet());
    }

    private static Set<String> keys(String... keys) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
    }

    /** The keys of a mapping of {@code market}: its declared values, then (for {@code market} itself) the sub-mappings. */
    static Set<String> market(MarketParameter.Group group) {
        Set<String> keys = new LinkedHashSet<>();
        for (MarketParameter p : group.parameters()) {
            keys.add(p.key());
        }
        if (group == MarketParameter.Group.MARKET) {
            for (MarketParameter.Group sub : MarketParameter.Group.subGroups()) {
                keys.add(sub.key());
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    private static Set<String> declaredKeys(Declared[] declared) {
        return declaredKeys(List.of(), declared);
    }

    /** {@code first}, then the declared keys in declaration order. */
    private static Set<String> declaredKeys(List<String> first, Declared[] declared) {
        Set<String> keys = new LinkedHashSet<>(first);
        for (Declared d : declared) {
            keys.add(d.key());
        }
        return Collections.unmodifiableSet(keys);
    }

    private static Set<String> featureKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Feature f : Feature.all()) {
            keys.add(f.key());
        }
        return Collections.unmodifiableSet(keys);
    }

    private static Set<String> comparisonKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Comparison c : Comparison.values()) {
            keys.add(c.key());
        }
        return Collections.unmodifiableSet(keys);
    }

    private static Set<String> treatmentKeys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("base");
        for (TreatmentParameter p : TreatmentParameter.values()) {
            keys.add(p.key());
        }
        return Collections.unmodifiableSet(keys);
    }

    private static Set<String> archetypeKeys() {
        Set<String> keys = new LinkedHashSet<>(List.of("name", "share"));
        keys.addAll(traitKeys(t -> true));
        return Collections.unmodifiableSet(keys);
    }

    private static Set<String> traitKeys(Predicate<Trait> which) {
        Set<String> keys = new LinkedHashSet<>();
        for (Trait t : Trait.values()) {
            if (which.test(t)) {
                keys.add(t.key());
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    private static Set<String> eventKeys() {
        Set<String> keys = new LinkedHashSet<>(List.of("type", "month"));
        for (EventParameter p : EventParameter.values()) {
            keys.add(p.key());
        }
        return Collections.unmodifiableSet(keys);
    }

    private static Map<String, Set<String>> distributions() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("constant", keys(DIST, "value"));
        m.put("uniform", keys(DIST, "min", "max"));
        m.put("normal", keys(DIST, "mean", "sd", "min", "max"));
        m.put("lognormal", keys(DIST, "mu", "median", "sigma"));
        m.put("gamma", keys(DIST, "shape", "scale", "rate"));
        m.put("beta", keys(DIST, "alpha", "beta"));
        m.put("poisson", keys(DIST, "mean"));
        m.put("exponential", keys(DIST, "mean"));
        m.put("empirical", keys(DIST, "values", "weights"));
        m.put("categorical", keys(DIST, "values", "probabilities"));
        return Collections.unmodifiableMap(m);
    }
}
