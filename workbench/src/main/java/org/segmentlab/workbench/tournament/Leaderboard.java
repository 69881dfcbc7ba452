package org.segmentlab.workbench.tournament;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * Ranks the teams of a round by the room's objective: each team's mean over the replications with its 95% interval,
 * and, because every team ran on the same random numbers, paired differences (per replication) to the baseline and
 * to each other team, with {@link MeanInterval}. Two teams whose paired difference's interval contains zero
 * are flagged as tied with each other: the round does not tell them apart.
 *
 * @param baseline  the baseline's mean, low and high (the reference line)
 * @param standings best first
 */
public record Leaderboard(Objective objective, double[] baseline, List<Standing> standings) {

    /**
     * @param table     the round's run: the baseline first, then the teams by id
     * @param fromMonth the month the round starts after
     * @param names     team id → name, for the teams in the table
     */
    static Leaderboard of(MetricsTable table, Objective objective, int fromMonth, Map<String, String> names) {
        String baselineName = table.strategies().get(0);
        double[] base = objective.values(table, baselineName, fromMonth);
        List<String> teams = table.strategies().subList(1, table.strategies().size());
        List<double[]> values = new ArrayList<>();
        for (String team : teams) {
            values.add(objective.values(table, team, fromMonth));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < teams.size(); i++) {
            order.add(i);
        }
        // Best mean first; equal means keep join order, so the ranking is a pure function of the run.
        order.sort(Comparator.comparingDouble((Integer i) -> -MeanInterval.of(values.get(i)).mean()).thenComparing(i -> i));
        List<Standing> standings = new ArrayList<>();
        for (int position = 0; position < order.size(); position++) {
            int i = order.get(position);
            MeanInterval own = MeanInterval.of(values.get(i));
            MeanInterval vsBase = MeanInterval.of(differences(values.get(i), base));
            List<String> tied = new ArrayList<>();
            for (int j : order) {
                if (j != i && indistinguishable(values.get(i), values.get(j))) {
                    tied.add(names.get(teams.get(j)));
                }
            }
            standings.add(new Standing(teams.get(i), names.get(teams.get(i)), position + 1, own.mean(), own.low(),
                    own.high(), new double[] {vsBase.mean(), vsBase.low(), vsBase.high()}, List.copyOf(tied)));
        }
        MeanInterval b = MeanInterval.of(base);
        return new Leaderboard(objective, new double[] {b.mean(), b.low(), b.high()}, List.copyOf(standings));
    }

    /** Whether the paired difference's 95% interval contains zero; with one replication, whether they are equal. */
    static boolean indistinguishable(double[] a, double[] b) {
        MeanInterval d = MeanInterval.of(differences(a, b));
        return d.hasInterval() ? d.contains(0) : d.mean() == 0;
    }

    private static double[] differences(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            d[r] = a[r] - b[r];
        }
        return d;
    }
}
