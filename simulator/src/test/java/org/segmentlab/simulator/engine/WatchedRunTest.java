package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * A watched run (the workbench's charts filling month by month): told after every month with the results so far,
 * which are the final run's months; and watching changes no result, for any thread count.
 */
class WatchedRunTest {

    private static final int MONTHS = 7;

    /** Four types at 3,000 customers, three replications, a few months; its event early enough to fall in them. */
    private static Scenario fourTypes() {
        return Scenarios.load(Path.of("..", "scenarios", "four-types.yaml"))
                .with("market.initialCustomers", "3000").with("market.potential", "30000")
                .with("replications", "3").with("months", Integer.toString(MONTHS))
                .with("events[0].month", "2").scenario();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void watchingChangesNoResult(int threads) {
        Scenario s = fourTypes();
        RunResult plain = Simulator.run(s, RunOptions.threads(threads));
        RunResult watched = Simulator.run(s, RunOptions.threads(threads).withMonths(partial -> partial.result()));
        assertThat(watched.metrics()).isEqualTo(plain.metrics());
        assertThat(Simulator.run(s, RunOptions.threads(1)).metrics()).isEqualTo(plain.metrics());
    }

    @Test
    void aPhasedRunWatchedIsThePhasedRun() {
        Scenario s = fourTypes();
        List<StrategyPhase> phases = List.of(new StrategyPhase("textbook", 4, Strategy.of("x", Map.of("default", "none"))));
        RunResult plain = Simulator.run(s, phases, RunOptions.threads(2));
        RunResult watched = Simulator.run(s, phases, RunOptions.threads(2).withMonths(partial -> partial.result()));
        assertThat(watched.metrics()).isEqualTo(plain.metrics());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void everyMonthOfEveryReplicationIsToldInOrderWithTheResultsSoFar(int threads) {
        Scenario s = fourTypes();
        List<int[]> told = new ArrayList<>();
        List<RunResult> seen = new ArrayList<>();
        RunResult done = Simulator.run(s, RunOptions.threads(threads).withMonths(partial -> {
            told.add(new int[] {partial.replication(), partial.month()});
            seen.add(partial.result());
        }));
        assertThat(told).hasSize(3 * MONTHS);
        for (int i = 0; i < told.size(); i++) {
            assertThat(told.get(i)).as("call " + i).containsExactly(i / MONTHS, i % MONTHS + 1);
        }
        MetricsTable whole = done.metrics();
        // During the first replication: its months so far, every strategy, equal to the final run's first months.
        for (int t = 1; t <= MONTHS; t++) {
            MetricsTable partial = seen.get(t - 1).metrics();
            assertThat(partial.months()).isEqualTo(t);
            assertThat(partial.replications()).isEqualTo(1);
            assertThat(partial.strategies()).isEqualTo(whole.strategies());
            for (String strategy : whole.strategies()) {
                for (String metric : whole.metrics()) {
                    assertThat(partial.series(strategy, 0, metric)).as(strategy + " " + metric + " at month " + t)
                            .isEqualTo(Arrays.copyOf(whole.series(strategy, 0, metric), t + 1));
                }
            }
        }
        // After it: the finished replications over all months; the last call holds the whole run's metrics.
        assertThat(seen.get(MONTHS + 2).metrics().replications()).isEqualTo(1);
        assertThat(seen.get(2 * MONTHS - 1).metrics().replications()).isEqualTo(2);
        assertThat(seen.get(3 * MONTHS - 1).metrics()).isEqualTo(whole);
    }

    @Test
    void aCallSeesACopyThatTheRunDoesNotChangeAfterwards() {
        Scenario s = fourTypes();
        List<RunResult> seen = new ArrayList<>();
        List<double[]> atTheTime = new ArrayList<>();
        Simulator.run(s, RunOptions.threads(1).withMonths(partial -> {
            RunResult r = partial.result();
            seen.add(r);
            atTheTime.add(r.metrics().series("textbook", 0, "active").clone());
        }));
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i).metrics().series("textbook", 0, "active")).isEqualTo(atTheTime.get(i));
        }
    }
}
