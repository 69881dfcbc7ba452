package org.segmentlab.simulator.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.segmentlab.model.segment.Taxonomy;
import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.model.treatment.Treatment;

/**
 * A validated scenario: the market, its archetypes, the taxonomy (built-in or inline, thresholds already
 * overridden), the treatments (built-ins with overrides plus the scenario's own), strategies and events.
 * Built by {@link Scenarios} from YAML, where only {@code name}, {@code market} (potential, initialCustomers),
 * {@code archetypes} and {@code strategies} are required; the defaults are given in brackets.
 *
 * @param description  free text ("")
 * @param seed         root seed of every random stream of a run (1)
 * @param months       months simulated, 1 to 1200 (36)
 * @param replications independent runs, 1 to 10000 (1)
 * @param economics    money ({@link Economics#DEFAULT})
 * @param behaviour    satisfaction and word of mouth ({@link Behaviour#DEFAULT})
 * @param taxonomy     the classifier's segments (the built-in {@code four-types}), thresholds already applied
 * @param truth        archetype name → the segment it should land in: empty, or one entry per archetype (empty)
 * @param treatments   every treatment a strategy may name, by name: the built-ins (overridden where the scenario
 *                     says) and the scenario's own
 * @param strategies   at least one; each resolves against the taxonomy and treatments
 * @param events       scheduled shocks, in file order (none)
 * @param initialPopulation real customers to start from instead of drawing {@code market.initialCustomers} from the
 *                     archetypes (null: draw them)
 * @param promotions   routine sales the whole market sees ({@link Promotions#NONE})
 * @param observation  what the business observes of satisfaction and complaints ({@link Observation#PERFECT})
 * @param mechanismsOff the mechanisms the scenario switches off (key {@code mechanisms}; none). Kept as written: the
 *                     engine runs {@link #effective()}, where their parameters are neutral
 */
public record Scenario(
        String name,
        String description,
        long seed,
        int months,
        int replications,
        Market market,
        Economics economics,
        Behaviour behaviour,
        List<Archetype> archetypes,
        Taxonomy taxonomy,
        Map<String, String> truth,
        Map<String, Treatment> treatments,
        List<Strategy> strategies,
        List<Event> events,
        InitialPopulation initialPopulation,
        Promotions promotions,
        Observation observation,
        Set<Mechanism> mechanismsOff) {

    /** A scenario with every mechanism on. */
    public Scenario(String name, String description, long seed, int months, int replications, Market market,
                    Economics economics, Behaviour behaviour, List<Archetype> archetypes, Taxonomy taxonomy,
                    Map<String, String> truth, Map<String, Treatment> treatments, List<Strategy> strategies,
                    List<Event> events, InitialPopulation initialPopulation, Promotions promotions,
                    Observation observation) {
        this(name, description, seed, months, replications, market, economics, behaviour, archetypes, taxonomy, truth,
                treatments, strategies, events, initialPopulation, promotions, observation, Set.of());
    }

    /** A scenario without promotions, observed perfectly. */
    public Scenario(String name, String description, long seed, int months, int replications, Market market,
                    Economics economics, Behaviour behaviour, List<Archetype> archetypes, Taxonomy taxonomy,
                    Map<String, String> truth, Map<String, Treatment> treatments, List<Strategy> strategies,
                    List<Event> events, InitialPopulation initialPopulation) {
        this(name, description, seed, months, replications, market, economics, behaviour, archetypes, taxonomy, truth,
                treatments, strategies, events, initialPopulation, Promotions.NONE, Observation.PERFECT);
    }

    /** A scenario whose month-0 customers are drawn from the archetypes. */
    public Scenario(String name, String description, long seed, int months, int replications, Market market,
                    Economics economics, Behaviour behaviour, List<Archetype> archetypes, Taxonomy taxonomy,
                    Map<String, String> truth, Map<String, Treatment> treatments, List<Strategy> strategies,
                    List<Event> events) {
        this(name, description, seed, months, replications, market, economics, behaviour, archetypes, taxonomy, truth,
                treatments, strategies, events, null);
    }

    public Scenario {
        archetypes = List.copyOf(archetypes);
        truth = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(truth));
        treatments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(treatments));
        strategies = List.copyOf(strategies);
        events = List.copyOf(events);
        promotions = promotions == null ? Promotions.NONE : promotions;
        observation = observation == null ? Observation.PERFECT : observation;
        mechanismsOff = mechanismsOff == null || mechanismsOff.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(mechanismsOff));
    }

    /**
     * The scenario the engine runs: this one with the parameters of every switched-off mechanism set to their neutral
     * values ({@link Mechanism#neutralise}). This scenario itself when every mechanism is on.
     */
    public Scenario effective() {
        Scenario s = this;
        for (Mechanism m : mechanismsOff) {
            s = m.neutralise(s);
        }
        return s;
    }

    /** This scenario with other mechanisms switched off (the parameters are neutralised by {@link #effective()}). */
    public Scenario withMechanismsOff(Set<Mechanism> off) {
        return changed(market, behaviour, treatments, events, promotions, observation, off);
    }

    /** This scenario with other treatments (the strategies name them). */
    public Scenario withTreatments(Map<String, Treatment> t) {
        return changed(market, behaviour, t, events, promotions, observation, mechanismsOff);
    }

    /** This scenario with other events. */
    public Scenario withEvents(List<Event> e) {
        return changed(market, behaviour, treatments, e, promotions, observation, mechanismsOff);
    }

    /** This scenario with other promotions. */
    public Scenario withPromotions(Promotions p) {
        return changed(market, behaviour, treatments, events, p, observation, mechanismsOff);
    }

    /** This scenario with another observation. */
    public Scenario withObservation(Observation o) {
        return changed(market, behaviour, treatments, events, promotions, o, mechanismsOff);
    }

    /** This scenario with other behaviour values. */
    public Scenario withBehaviour(Behaviour b) {
        return changed(market, b, treatments, events, promotions, observation, mechanismsOff);
    }

    /** This scenario in another market. */
    public Scenario withMarket(Market m) {
        return changed(m, behaviour, treatments, events, promotions, observation, mechanismsOff);
    }

    /** The one copy the with-methods make: the parts they change, everything else as it is. */
    private Scenario changed(Market m, Behaviour b, Map<String, Treatment> t, List<Event> e, Promotions p, Observation o,
                             Set<Mechanism> off) {
        return new Scenario(name, description, seed, months, replications, m, economics, b, archetypes, taxonomy, truth,
                t, strategies, e, initialPopulation, p, o, off);
    }

    /** The index of an archetype by name, or -1. */
    public int archetypeIndex(String archetypeName) {
        for (int i = 0; i < archetypes.size(); i++) {
            if (archetypes.get(i).name().equals(archetypeName)) {
                return i;
            }
        }
        return -1;
    }
}
