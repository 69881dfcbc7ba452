package org.segmentlab.workbench.tournament;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.simulator.engine.StrategyPhase;
import org.segmentlab.simulator.scenario.Event;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * What one round runs: ONE scenario whose strategies are the scenario's baseline (its first strategy, as it is)
 * and every team that has an entry, all on the same seed and replications (common random numbers). A round that
 * restarts runs {@code monthsPerRound} months from month 0. A round that continues reruns the market from its last
 * restart: each team's strategy is its entry of that round, then changes to its entry of each later round at the
 * month that round began ({@link StrategyPhase}), so the months before this round are exactly the earlier rounds'
 * months and the objective is read over this round's months only.
 *
 * @param scenario  the run
 * @param phases    the teams' later entries
 * @param fromMonth the month this round starts after (0 for a restart)
 * @param played    team id → the entry it plays this round, for the teams in the run, in join order
 */
record RoundPlan(Scenario scenario, List<StrategyPhase> phases, int fromMonth, Map<String, TeamEntry> played) {

    /**
     * @param base    the room's scenario (population and replications set)
     * @param round   this round, 1-based
     * @param starts  how each round 1 … round started ({@code starts.get(0)} is round 1, always a restart)
     */
    static RoundPlan of(Scenario base, RoomSettings settings, int round, List<RoundMode> starts, List<Team> teams) {
        int first = round;
        while (first > 1 && starts.get(first - 1) == RoundMode.CONTINUE) {
            first--;
        }
        int m = settings.monthsPerRound();
        int months = (round - first + 1) * m;
        OptionalDouble budget = OptionalDouble.of(settings.budget());
        List<Strategy> strategies = new ArrayList<>();
        strategies.add(base.strategies().get(0));
        Map<String, String> baselinePlan = base.strategies().get(0).treatments();
        List<StrategyPhase> phases = new ArrayList<>();
        Map<String, TeamEntry> played = new LinkedHashMap<>();
        for (Team team : teams) {
            if (team.playing(round).isEmpty()) {
                continue;
            }
            played.put(team.id(), team.playing(round).get());
            // A team that joined after the market's start plays the baseline's treatments until its first entry.
            Map<String, String> firstPlan = team.playing(first).map(TeamEntry::treatments).orElse(baselinePlan);
            strategies.add(new Strategy(team.id(), budget, firstPlan));
            for (int r = first + 1; r <= round; r++) {
                if (team.submitted(r)) {
                    phases.add(new StrategyPhase(team.id(), (r - first) * m + 1,
                            new Strategy(team.id(), budget, team.playing(r).get().treatments())));
                }
            }
        }
        List<Event> events = base.events().stream().filter(e -> e.month() <= months).toList();
        Scenario scenario = new Scenario(base.name(), base.description(), base.seed(), months, base.replications(),
                base.market(), base.economics(), base.behaviour(), base.archetypes(), base.taxonomy(), base.truth(),
                base.treatments(), strategies, events, base.initialPopulation(), base.promotions(), base.observation(),
                base.mechanismsOff());
        return new RoundPlan(scenario, phases, (round - first) * m, played);
    }
}
