package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * The engine's stage times (what {@code EngineBenchmark -Dsegmentlab.engine.stageTimes=true} prints): every part of the
 * month that works on customers is timed, under its name in the schedule's order, from the month timing began; on one
 * thread the chunk stages fit inside the chunk passes that ran them; untimed, nothing is told.
 */
class StageTimesTest {
    private static final List<String> CHUNK_STAGES = List.of("assignment", "events", "purchases", "service",
            "satisfaction", "word of mouth", "ledger", "churn", "window revenue", "features", "classification");

    /** Four types at 3,000 customers: a chunk, a budget-free strategy, the ranking every month. */
    private static Scenario fourTypes() {
        return Scenarios.load(Path.of("..", "scenarios", "four-types.yaml"))
                .with("market.initialCustomers", "3000").with("market.potential", "30000").scenario();
    }

    @Test
    void everyPartOfTheMonthIsTimedInTheSchedulesOrder() {
        try (MarketSimulation run = MarketSimulation.start(fourTypes(), 0, "textbook", 1)) {
            assertThat(run.stageTimes()).as("not timed").isEmpty();
            run.timeStages(true);
            assertThat(run.stageTimes().values()).as("nothing timed before a month").containsOnly(0.0);
            for (int m = 0; m < 6; m++) {
                run.advance();
            }
            Map<String, Double> times = run.stageTimes();
            assertThat(times.keySet()).startsWith(CHUNK_STAGES.toArray(String[]::new))
                    .contains("acquisition (month-wide)", "ranking (month-wide)", "chunk passes (wall)");
            for (String stage : List.of("purchases", "satisfaction", "ledger", "churn", "window revenue", "features",
                    "classification", "acquisition (month-wide)", "ranking (month-wide)")) {
                assertThat(times.get(stage)).as(stage).isPositive();
            }
            double inStages = CHUNK_STAGES.stream().mapToDouble(times::get).sum();
            assertThat(inStages).as("chunk stages within the passes that ran them (one thread)")
                    .isPositive().isLessThanOrEqualTo(times.get("chunk passes (wall)"));

            run.timeStages(false);
            run.advance();
            assertThat(run.stageTimes()).as("timing stopped").isEmpty();
        }
    }

    @Test
    void timingStartsAfreshAndOnlyCountsTheMonthsAfterIt() {
        try (MarketSimulation run = MarketSimulation.start(fourTypes(), 0, "textbook", 2)) {
            run.timeStages(true);
            run.advance();
            double oneMonth = run.stageTimes().get("purchases");
            run.advance();
            assertThat(run.stageTimes().get("purchases")).as("a second month adds to the first").isGreaterThan(oneMonth);
            run.timeStages(true);
            assertThat(run.stageTimes().values()).as("cleared").containsOnly(0.0);
        }
    }
}
