package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * The page's preview: a sample of the market with everything that counts a whole business scaled with it, its counts
 * and amounts scaled back up. It must tell the full run's story — the same numbers within the noise of a sample of
 * its size — including where fixed costs and budgets decide the lesson.
 */
class PreviewSampleTest {

    private static final int SAMPLE = 5_000;
    private static final int SEEDS = 8;

    private static Scenario shipped(String name, int months) {
        return Scenarios.load(Path.of("..", "scenarios", name + ".yaml"))
                .with("months", Integer.toString(months)).with("replications", "1").scenario();
    }

    private static Scenario withSeed(Scenario s, long seed) {
        return new Scenario(s.name(), s.description(), seed, s.months(), s.replications(), s.market(), s.economics(),
                s.behaviour(), s.archetypes(), s.taxonomy(), s.truth(), s.treatments(), s.strategies(), s.events(),
                s.initialPopulation(), s.promotions(), s.observation(), s.mechanismsOff());
    }

    /**
     * For each strategy and metric at the last month: the full run lies within the spread of {@value #SEEDS} scaled
     * previews (other seeds): |full − mean| ≤ 4 · sd · √(1 + 1/n), a prediction interval for one more draw.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"four-types, 12", "snow-leopard-hunt, 24"})
    void aScaledPreviewPredictsTheFullRun(String name, int months) {
        Scenario full = shipped(name, months);
        RunResult whole = Simulator.run(full, RunOptions.threads(2));
        List<String> metrics = List.of("active", "revenue", "profit_cumulative", "treatment_cost", "acquired_total",
                "retention_initial", "top20_share");
        for (String strategy : whole.metrics().strategies()) {
            for (String metric : metrics) {
                SummaryStatistics previews = new SummaryStatistics();
                for (int k = 0; k < SEEDS; k++) {
                    PreviewSample sample = PreviewSample.of(withSeed(full, 1_000 + k), SAMPLE);
                    RunResult scaled = sample.scaledUp(Simulator.run(sample.scenario(), RunOptions.threads(2)));
                    previews.addValue(scaled.metrics().value(strategy, 0, metric, months));
                }
                double truth = whole.metrics().value(strategy, 0, metric, months);
                double tolerance = 4 * previews.getStandardDeviation() * Math.sqrt(1 + 1.0 / SEEDS);
                assertThat(Math.abs(truth - previews.getMean()))
                        .as("%s %s %s: full %.4g, previews %.4g ± %.3g", name, strategy, metric, truth,
                                previews.getMean(), previews.getStandardDeviation())
                        .isLessThanOrEqualTo(tolerance);
            }
        }
    }

    @Test
    void everythingThatCountsTheWholeBusinessShrinksWithTheSample() {
        Scenario full = shipped("four-types", 12);
        PreviewSample sample = PreviewSample.of(full, SAMPLE);
        Scenario s = sample.scenario();
        double f = SAMPLE / 100_000.0;
        assertThat(sample.factor()).isEqualTo(f);
        assertThat(s.market().initialCustomers()).isEqualTo(SAMPLE);
        assertThat(s.market().potential()).isEqualTo(Math.round(full.market().potential() * f));
        assertThat(s.replications()).isEqualTo(1);
        assertThat(s.strategies().get(1).budget().getAsDouble()).isEqualTo(250_000 * f);
        assertThat(s.market().advertising().saturation()).isEqualTo(full.market().advertising().saturation() * f);
        Scenario hunt = shipped("snow-leopard-hunt", 12);
        Treatment team = PreviewSample.of(hunt, 3_000).scenario().treatments().get("snow-leopard-hunt");
        assertThat(team.fixedCost()).isEqualTo(20_000 * 0.1);
        // per-customer money does not change
        assertThat(s.market().acquisitionCost()).isEqualTo(full.market().acquisitionCost());
        assertThat(s.treatments().get("loyalty-perks").cost()).isEqualTo(full.treatments().get("loyalty-perks").cost());
    }

    @Test
    void aScenarioNoLargerThanTheSampleHasNoPreview() {
        Scenario small = Scenarios.load(Path.of("..", "scenarios", "four-types.yaml"))
                .with("market.initialCustomers", "5000").with("market.potential", "50000").scenario();
        assertThat(PreviewSample.applies(small, SAMPLE)).isFalse();
        assertThat(PreviewSample.applies(shipped("four-types", 12), SAMPLE)).isTrue();
        assertThatThrownBy(() -> PreviewSample.of(small, SAMPLE)).isInstanceOf(IllegalArgumentException.class);
    }
}
