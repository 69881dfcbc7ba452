package org.segmentlab.workbench.tournament;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.segmentlab.simulator.analysis.BridgeRow;
import org.segmentlab.simulator.analysis.ProfitBridge;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * Why the teams of a round did as they did: each team's profit bridge against the baseline over the round's months
 * ({@link ProfitBridge}), and the bridge of the winner against the runner-up — what separated them.
 *
 * @param bridges team id → its bridge against the baseline, in component order (the total last)
 * @param topTwo  the winner's bridge against the runner-up's market (empty with fewer than two teams)
 * @param winner  the winner's id (null without teams)
 * @param runnerUp the runner-up's id (null with fewer than two teams)
 */
public record Debrief(Map<String, List<BridgeLine>> bridges, List<BridgeLine> topTwo, String winner, String runnerUp) {

    /** One component of a bridge: its plain label, the mean over replications and its 95% interval. */
    public record BridgeLine(String component, String label, double mean, double low, double high) {
    }

    static Debrief of(MetricsTable table, int fromMonth, Leaderboard board) {
        Map<String, List<BridgeLine>> bridges = new LinkedHashMap<>();
        List<String> strategies = table.strategies();
        if (strategies.size() > 1) {
            MetricsTable round = slice(table, strategies, fromMonth);
            for (String team : strategies.subList(1, strategies.size())) {
                bridges.put(team, lines(ProfitBridge.of(round, team)));
            }
        }
        List<Standing> s = board.standings();
        if (s.size() < 2) {
            return new Debrief(bridges, List.of(), s.isEmpty() ? null : s.get(0).team(), null);
        }
        String winner = s.get(0).team();
        String runnerUp = s.get(1).team();
        MetricsTable pair = slice(table, List.of(runnerUp, winner), fromMonth);
        return new Debrief(bridges, lines(ProfitBridge.of(pair, winner)), winner, runnerUp);
    }

    private static List<BridgeLine> lines(List<BridgeRow> rows) {
        List<BridgeLine> out = new ArrayList<>();
        for (BridgeRow row : rows) {
            out.add(new BridgeLine(row.component().id(), row.component().label(), row.value().mean(), row.value().low(),
                    row.value().high()));
        }
        return out;
    }

    /**
     * The bridge's metrics of {@code strategies} (the first is the reference) over months {@code from} … T, as a
     * table whose month 0 is month {@code from}; cumulative profit counts from there, so the bridge's total is the
     * round's profit difference.
     */
    static MetricsTable slice(MetricsTable table, List<String> strategies, int from) {
        int months = table.months() - from;
        List<String> metrics = ProfitBridge.METRICS;
        double[][][][] values = new double[strategies.size()][table.replications()][metrics.size()][months + 1];
        for (int s = 0; s < strategies.size(); s++) {
            for (int r = 0; r < table.replications(); r++) {
                for (int m = 0; m < metrics.size(); m++) {
                    double[] series = table.series(strategies.get(s), r, metrics.get(m));
                    double offset = metrics.get(m).equals(Metric.PROFIT_CUMULATIVE.key()) ? series[from] : 0;
                    for (int t = 0; t <= months; t++) {
                        values[s][r][m][t] = series[from + t] - offset;
                    }
                }
            }
        }
        return new MetricsTable(strategies, table.replications(), months, metrics, values);
    }
}
