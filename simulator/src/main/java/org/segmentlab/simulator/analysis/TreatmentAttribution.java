package org.segmentlab.simulator.analysis;

import java.util.ArrayList;
import java.util.List;

import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.AttributionRuns;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.metrics.VariantProfit;

/**
 * Attribution by treatment: for each non-baseline strategy S (the baseline is the first strategy), what each treated
 * segment's treatment adds, measured as profit(S) − profit(S with that segment treated as in the baseline), on common
 * random numbers (every run of a replication starts from the same state) and so paired per replication. When S
 * advertises differently from the baseline, an {@code advertising} row does the same for its advertising. The
 * {@code interaction} row is what is left of S's advantage, (profit(S) − profit(baseline)) − Σ rows: the parts'
 * effects on one another (a treatment that keeps customers makes another segment's treatment pay longer, a budget
 * freed by one segment treats another). The rows and the interaction add up to the advantage exactly, replication by
 * replication. Profits are {@code profit_cumulative} at the last month.
 *
 * <pre>{@code
 * RunResult r = Simulator.run(scenario, RunOptions.defaults().withAttribution(true));
 * for (AttributionRow row : TreatmentAttribution.of(r)) { ... }
 * }</pre>
 */
public final class TreatmentAttribution {
    /** The segment label of the row for a strategy's own advertising. */
    public static final String ADVERTISING = VariantProfit.ADVERTISING;
    /** The segment label of the row for what the parts do together beyond their sum. */
    public static final String INTERACTION = "interaction";

    private TreatmentAttribution() {
    }

    /** Whether the run simulated the attribution variants (without them there is nothing to attribute). */
    public static boolean available(RunResult result) {
        return result.attribution().ran();
    }

    /**
     * The rows of every non-baseline strategy with at least one variant, in strategy order: its treated segments in
     * taxonomy order, then {@code advertising} if it differs, then {@code interaction}. A strategy that treats every
     * segment and advertises as the baseline does has no rows. Empty when the run skipped attribution.
     */
    public static List<AttributionRow> of(RunResult result) {
        AttributionRuns runs = result.attribution();
        MetricsTable table = result.metrics();
        List<AttributionRow> rows = new ArrayList<>();
        if (!runs.ran() || table.strategies().isEmpty()) {
            return rows;
        }
        String baseline = table.strategies().get(0);
        double[] base = table.finalValues(baseline, Metric.PROFIT_CUMULATIVE.key());
        for (String strategy : table.strategies().subList(1, table.strategies().size())) {
            List<VariantProfit> own = runs.variants().stream().filter(v -> v.strategy().equals(strategy)).toList();
            if (own.isEmpty()) {
                continue;
            }
            double[] profit = table.finalValues(strategy, Metric.PROFIT_CUMULATIVE.key());
            double[] interaction = new double[profit.length];
            for (int r = 0; r < profit.length; r++) {
                interaction[r] = profit[r] - base[r];
            }
            for (VariantProfit v : own) {
                double[] contribution = new double[profit.length];
                for (int r = 0; r < profit.length; r++) {
                    contribution[r] = profit[r] - v.profit()[r];
                    interaction[r] -= contribution[r];
                }
                rows.add(new AttributionRow(strategy, v.segment(), v.treatment(), MeanInterval.of(contribution)));
            }
            rows.add(new AttributionRow(strategy, INTERACTION, "", MeanInterval.of(interaction)));
        }
        return rows;
    }

    /** The rows of one strategy (empty if it has none). */
    public static List<AttributionRow> of(RunResult result, String strategy) {
        return of(result).stream().filter(row -> row.strategy().equals(strategy)).toList();
    }
}
