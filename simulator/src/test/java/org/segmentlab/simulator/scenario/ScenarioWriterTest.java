package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The writer's output is complete and reads back to the same scenario, also for awkward values. */
class ScenarioWriterTest {

    private static final String BASE = MinimalScenario.yaml("writer");

    private static Scenario roundTrip(Scenario s) {
        return Scenarios.parse(ScenarioWriter.toYaml(s), "written").scenario();
    }

    private static ScenarioDocument base() {
        return Scenarios.parse(BASE, "base.yaml");
    }

    @Test
    void fillsInEveryDefaultAndTheTaxonomy() {
        String yaml = ScenarioWriter.toYaml(base().scenario());
        assertThat(yaml).contains("description: \"\"", "seed: 1", "months: 36", "replications: 1",
                "currency: EUR", "grossMargin: 0.35", "serviceCostPerRequest: 12", "complaintMemory: 3",
                "satisfaction: 0.7", "taxonomy:\n  name: four-types\n  segments:", "truth: {}", "events: []",
                "treatments:\n  none:\n    cost: 0", "promotions: []", "observation:\n  surveyRate: 1\n  surveyNoise: 0\n  voiceRate: 1",
                "dealTraining: 0", "terminationDetractorMonths: 6");
        // Built-ins nobody uses or changes stay out; every parameter of a listed one is written.
        assertThat(yaml).doesNotContain("loyalty-perks").contains("terminate: false", "serviceCap: 1000000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Plain", "with: colon", "#hash", "quote \" and \\ backslash", "tab\there", "line\nbreak",
            "yes", "null", "true", "~", "  leading space", "ünïcödé — ok", "\u0007bell", "123", "- dash", "{braces}", "'single'"})
    void stringsSurviveTheRoundTrip(String name) {
        ScenarioDocument d = base().with("name", ScenarioWriter.string(name)).with("description", ScenarioWriter.string(name));
        Scenario s = d.scenario();
        assertThat(s.name()).isEqualTo(name);
        assertThat(roundTrip(s)).isEqualTo(s);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 1e-9, 2.5e-7, 0.30000000000000004, 123456789.123, 1e12, 9.999999999999999e11, 4.9e-324, 1.0 / 3})
    void numbersSurviveTheRoundTrip(double v) {
        String text = ScenarioWriter.number(v);
        Scenario s = base().with("archetypes[0].spend", "{dist: uniform, min: 0, max: " + text + "}").scenario();
        assertThat(((Distribution.Uniform) s.archetypes().get(0).spend()).max()).isEqualTo(v);
        assertThat(roundTrip(s)).isEqualTo(s);
    }

    @Test
    void everyDistributionFormSurvives() {
        List<String> forms = List.of(
                "{dist: constant, value: 3}", "{dist: uniform, min: 1, max: 2}", "{dist: normal, mean: 5, sd: 2, min: 0}",
                "{dist: normal, mean: 5, sd: 2, min: 0, max: 7.5}", "{dist: lognormal, mu: 3.3, sigma: 0.9}",
                "{dist: lognormal, median: 37, sigma: 0.9}", "{dist: gamma, shape: 2, scale: 3}", "{dist: gamma, shape: 2, rate: 3}",
                "{dist: beta, alpha: 2, beta: 5}", "{dist: poisson, mean: 4}", "{dist: exponential, mean: 4}",
                "{dist: empirical, values: [1, 2, 4]}", "{dist: empirical, values: [1, 2, 4], weights: [1, 0, 3]}",
                "{dist: categorical, values: [1, 2], probabilities: [0.25, 0.75]}");
        for (String form : forms) {
            Scenario s = base().with("archetypes[0].spend", form).scenario();
            assertThat(roundTrip(s)).as(form).isEqualTo(s);
        }
    }

    @Test
    void writesTreatmentsTheScenarioChangesEvenWhenUnused() {
        Scenario s = base().with("treatments", "{terminate: {cost: 1}, mine: {base: price-campaign, discount: 0.2}}").scenario();
        String yaml = ScenarioWriter.toYaml(s);
        assertThat(yaml).contains("  terminate:\n", "  mine:\n", "discount: 0.2").doesNotContain("price-campaign:");
        assertThat(roundTrip(s)).isEqualTo(s);
    }

    @Test
    void lognormalMedianIsWrittenWhenExact() {
        Scenario s = base().with("archetypes[0].spend", "{dist: lognormal, median: 60, sigma: 0.8}").scenario();
        assertThat(ScenarioWriter.toYaml(s)).contains("spend: {dist: lognormal, median: 60, sigma: 0.8}");
    }

    @Test
    void thresholdsAreWrittenAtFloatPrecisionAndReadBackExactly() {
        Scenario s = base().with("thresholds", "{loyal.frequency.min: 6.3, negative.satisfaction.below: 0.1234567}").scenario();
        assertThat(ScenarioWriter.toYaml(s)).contains("frequency: {min: 6.3}");
        assertThat(roundTrip(s)).isEqualTo(s);
    }
}
