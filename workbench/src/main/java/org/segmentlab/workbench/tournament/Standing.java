package org.segmentlab.workbench.tournament;

import java.util.List;

/**
 * One team's line of a leaderboard.
 *
 * @param team       the team's id
 * @param name       its name
 * @param rank       1 for the best mean; teams are ranked by mean even when tied
 * @param mean       the objective's mean over the replications
 * @param low        the 95% interval of that mean (NaN with one replication)
 * @param high       see {@code low}
 * @param vsBaseline the paired difference to the baseline: mean, low, high
 * @param tiedWith   the names of the teams it cannot be told apart from: the 95% interval of the paired difference
 *                   contains zero (with one replication, only an exactly equal result)
 */
public record Standing(String team, String name, int rank, double mean, double low, double high, double[] vsBaseline,
                       List<String> tiedWith) {

    public boolean tied() {
        return !tiedWith.isEmpty();
    }
}
