package org.segmentlab.workbench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Market;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * The segments a scenario fills: those holding at least one active customer in some month under some strategy in a
 * sample run of the scenario as given ({@link #SAMPLE} customers at month 0, the potential scaled with them, one
 * replication, the scenario's seed). A segment nobody falls into is one whose thresholds the page does not offer:
 * moving them changes nothing a trainee can see. Which archetypes reach which segment is not decidable from the
 * rules alone (it depends on the features the simulation produces), so it is measured; the sample is large enough
 * that a segment of one customer in a thousand holds several (a snow leopard is one in a hundred).
 */
final class FilledSegments {

    static final int SAMPLE = 5000;
    /** The form is asked for once per scenario load; the shipped scenarios' answers are kept. */
    private static final int CACHED = 64;
    private static final Map<Scenario, Set<String>> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Scenario, Set<String>> eldest) {
                    return size() > CACHED;
                }
            });

    private FilledSegments() {
    }

    static Set<String> of(Scenario scenario) {
        Set<String> known = CACHE.get(scenario);
        if (known != null) {
            return known;
        }
        Set<String> filled = measure(scenario);
        CACHE.put(scenario, filled);
        return filled;
    }

    private static Set<String> measure(Scenario scenario) {
        if (scenario.initialPopulation() != null || scenario.market().initialCustomers() == 0) {
            // Real customers or an empty start: no sample to draw; every segment is offered.
            return Set.copyOf(scenario.taxonomy().segmentNames());
        }
        RunResult result = Simulator.run(sample(scenario), RunOptions.threads(1));
        MetricsTable table = result.metrics();
        Set<String> filled = new LinkedHashSet<>();
        for (String segment : result.segments()) {
            for (String strategy : table.strategies()) {
                double[] counts = table.series(strategy, 0, Metric.segmentKey(segment));
                if (java.util.Arrays.stream(counts).anyMatch(c -> c > 0)) {
                    filled.add(segment);
                }
            }
        }
        return Collections.unmodifiableSet(filled);
    }

    /** The scenario with {@link #SAMPLE} customers (fewer when it has fewer) and one replication. */
    static Scenario sample(Scenario s) {
        Market m = s.market();
        int customers = Math.min(SAMPLE, m.initialCustomers());
        long potential = Math.max(customers, Math.round((double) m.potential() * customers / m.initialCustomers()));
        Market small = new Market(potential, customers, m.innovation(), m.imitation(), m.negativeWeight(), m.acquisitionCost(),
                m.referralLean(), m.referralConversion(), m.referralCost(), m.reputation(), m.advertising(), m.winBack());
        return new Scenario(s.name(), s.description(), s.seed(), s.months(), 1, small, s.economics(), s.behaviour(),
                s.archetypes(), s.taxonomy(), s.truth(), s.treatments(), s.strategies(), s.events(), s.initialPopulation(),
                s.promotions(), s.observation(), s.mechanismsOff());
    }
}
