package org.segmentlab.workbench.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.metrics.MetricsTable;

/** Ranking by the objective over the round's months, intervals, and ties by paired differences. */
class LeaderboardTest {

    /** One metric, profit_cumulative, over months 0 … 2; {@code atEnd[strategy][replication]}, {@code atOne} at month 1. */
    private static MetricsTable table(List<String> strategies, double[][] atOne, double[][] atEnd) {
        int reps = atEnd[0].length;
        double[][][][] values = new double[strategies.size()][reps][1][3];
        for (int s = 0; s < strategies.size(); s++) {
            for (int r = 0; r < reps; r++) {
                values[s][r][0] = new double[] {0, atOne[s][r], atEnd[s][r]};
            }
        }
        return new MetricsTable(strategies, reps, 2, List.of("profit_cumulative"), values);
    }

    private static final Map<String, String> NAMES = Map.of("t1", "Alpha", "t2", "Beta", "t3", "Gamma");

    @Test
    void teamsAreRankedByTheRoundsProfitAndTiesAreFlaggedByThePairedInterval() {
        // Beta beats Gamma by exactly 10 in every replication (paired: distinguishable although the ranges overlap);
        // Alpha and Gamma differ by +5, -5, +5, -5: tied.
        double[][] atOne = {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}};
        double[][] atEnd = {
            {100, 200, 300, 400},
            {105, 195, 305, 395},
            {110, 210, 310, 410},
            {100, 200, 300, 400}};
        Leaderboard board = Leaderboard.of(table(List.of("base", "t1", "t2", "t3"), atOne, atEnd), Objective.PROFIT, 0, NAMES);
        assertThat(board.standings()).extracting(Standing::name).containsExactly("Beta", "Alpha", "Gamma");
        assertThat(board.standings()).extracting(Standing::rank).containsExactly(1, 2, 3);
        Standing beta = board.standings().get(0);
        assertThat(beta.mean()).isEqualTo(260);
        assertThat(beta.low()).isLessThan(260);
        assertThat(beta.high()).isGreaterThan(260);
        assertThat(beta.vsBaseline()[0]).isEqualTo(10);
        assertThat(beta.vsBaseline()[1]).as("a constant paired difference has a zero-width interval").isEqualTo(10);
        assertThat(beta.tiedWith()).isEmpty();
        assertThat(board.standings().get(1).tiedWith()).containsExactly("Gamma");
        assertThat(board.standings().get(2).tiedWith()).containsExactly("Alpha");
        assertThat(board.baseline()[0]).isEqualTo(250);
    }

    @Test
    void aContinuedRoundCountsOnlyItsOwnMonths() {
        // Alpha earned more before the round (month 1) but less within it.
        double[][] atOne = {{0, 0}, {500, 500}, {0, 0}};
        double[][] atEnd = {{0, 0}, {520, 520}, {40, 40}};
        Leaderboard board = Leaderboard.of(table(List.of("base", "t1", "t2"), atOne, atEnd), Objective.PROFIT, 1, NAMES);
        assertThat(board.standings()).extracting(Standing::name).containsExactly("Beta", "Alpha");
        assertThat(board.standings().get(0).mean()).isEqualTo(40);
        assertThat(board.standings().get(1).mean()).isEqualTo(20);
    }

    @Test
    void withOneReplicationOnlyEqualResultsAreTied() {
        double[][] atOne = {{0}, {0}, {0}, {0}};
        double[][] atEnd = {{0}, {7}, {7}, {6}};
        Leaderboard board = Leaderboard.of(table(List.of("base", "t1", "t2", "t3"), atOne, atEnd), Objective.PROFIT, 0, NAMES);
        assertThat(board.standings()).extracting(Standing::name).containsExactly("Alpha", "Beta", "Gamma");
        assertThat(board.standings().get(0).tiedWith()).containsExactly("Beta");
        assertThat(board.standings().get(2).tiedWith()).isEmpty();
        assertThat(board.standings().get(0).low()).isNaN();
    }
}
