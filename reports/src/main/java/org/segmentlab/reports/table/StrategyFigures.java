package org.segmentlab.reports.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * A strategy's key figures: each the mean of the last month's value over replications (with its 95% interval),
 * and, for every strategy but the baseline, the paired difference to the baseline.
 *
 * @param strategy    the strategy's name
 * @param baseline    whether this is the first strategy, the one the others are compared with
 * @param finals      per figure, the last month's value over replications
 * @param differences per figure, the paired difference to the baseline (empty for the baseline)
 */
public record StrategyFigures(String strategy, boolean baseline, Map<KeyFigure, MeanInterval> finals,
        Map<KeyFigure, PairedDifference> differences) {

    public StrategyFigures {
        finals = Collections.unmodifiableMap(new EnumMap<>(finals));
        differences = differences.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(differences));
    }

    public MeanInterval finalValue(KeyFigure figure) {
        return finals.get(figure);
    }

    public Optional<PairedDifference> difference(KeyFigure figure) {
        return Optional.ofNullable(differences.get(figure));
    }

    /** The key figures of every strategy in the table, in the table's order. */
    public static List<StrategyFigures> of(MetricsTable table) {
        List<StrategyFigures> out = new ArrayList<>();
        List<String> strategies = table.strategies();
        for (int s = 0; s < strategies.size(); s++) {
            String strategy = strategies.get(s);
            Map<KeyFigure, MeanInterval> finals = new EnumMap<>(KeyFigure.class);
            Map<KeyFigure, PairedDifference> differences = new EnumMap<>(KeyFigure.class);
            for (KeyFigure figure : KeyFigure.values()) {
                finals.put(figure, MeanInterval.of(table.finalValues(strategy, figure.metricKey())));
                if (s > 0) {
                    differences.put(figure, PairedDifferences.of(table, strategy, figure.metricKey()));
                }
            }
            out.add(new StrategyFigures(strategy, s == 0, finals, differences));
        }
        return out;
    }
}
