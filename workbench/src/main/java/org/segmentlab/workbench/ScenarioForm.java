package org.segmentlab.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.segmentlab.model.segment.Taxonomy;
import org.segmentlab.model.strategy.ResolvedStrategy;
import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * What the page shows for a scenario: per strategy a segment → treatment grid (offering {@link TreatmentChoices}),
 * and a lever for every value of the {@link LeverCatalogue} the scenario uses ({@link ScenarioLevers}). Every
 * control is named by the override path it sets, so a run request is just path → value and a validation problem
 * comes back addressed to its control.
 *
 * @param name        the scenario's name
 * @param description the scenario's description
 * @param currency    the money unit
 * @param segments    the taxonomy's segments, in classification order
 * @param treatments  the treatments a grid cell offers, with descriptions and parameters
 * @param strategies  one grid column per strategy
 * @param levers      the values a trainee can change, grouped
 * @param previewCustomers a larger scenario answers a change first with a preview on this many customers
 * @param maxCustomers the largest population this server runs
 */
public record ScenarioForm(String name, String description, String currency, List<String> segments,
        List<TreatmentChoices.Choice> treatments, List<StrategyColumn> strategies, List<LeverCatalogue.Lever> levers,
        int previewCustomers, int maxCustomers) {

    /**
     * One strategy's treatments.
     *
     * @param path       the override path prefix of this strategy, e.g. {@code strategies[1]}
     * @param treatments segment → treatment name (every segment, defaults resolved)
     */
    public record StrategyColumn(String name, String path, Map<String, String> treatments) {
    }

    public static ScenarioForm of(Scenario scenario, WorkbenchSettings settings) {
        Taxonomy taxonomy = scenario.taxonomy();
        List<StrategyColumn> columns = new ArrayList<>();
        for (int i = 0; i < scenario.strategies().size(); i++) {
            Strategy strategy = scenario.strategies().get(i);
            ResolvedStrategy resolved = strategy.resolve(taxonomy, scenario.treatments());
            Map<String, String> bySegment = new LinkedHashMap<>();
            for (int s = 0; s < taxonomy.size(); s++) {
                bySegment.put(taxonomy.segmentNames().get(s), resolved.treatmentOf(s).name());
            }
            columns.add(new StrategyColumn(strategy.name(), "strategies[" + i + "]", bySegment));
        }
        return new ScenarioForm(scenario.name(), scenario.description(), scenario.economics().currency(),
                taxonomy.segmentNames(), TreatmentChoices.of(scenario), columns,
                ScenarioLevers.of(scenario, FilledSegments.of(scenario), settings.maxCustomers()),
                settings.previewCustomers(), settings.maxCustomers());
    }

    /** Every path the page offers a control for: the grid's cells and the levers. */
    public List<String> paths() {
        List<String> out = new ArrayList<>();
        for (StrategyColumn c : strategies) {
            for (String segment : c.treatments().keySet()) {
                out.add(c.path() + ".treatments." + segment);
            }
        }
        levers.forEach(l -> out.add(l.path()));
        return out;
    }
}
