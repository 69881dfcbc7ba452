package org.segmentlab.workbench.tournament;

import java.util.Map;

/**
 * A revealed round: how it started, its months, the leaderboard, the debrief and the entries every team played.
 *
 * @param played team id → the entry it played (the reveal)
 * @param names  team id → name at the time of the round
 */
public record RoundResult(int round, RoundMode start, int fromMonth, int toMonth, Leaderboard leaderboard,
                          Debrief debrief, Map<String, TeamEntry> played, Map<String, String> names) {
}
