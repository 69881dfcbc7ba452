package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.segment.Comparison;
import org.segmentlab.model.strategy.Strategy;

/** {@link ScenarioDocument#with}: overriding values by path, and where problems with overrides are reported. */
class ScenarioDocumentOverrideTest {

    private static final ScenarioDocument FOUR_TYPES = Scenarios.load(TestScenarios.SHIPPED.resolve("four-types.yaml"));
    private static final ScenarioDocument MINIMAL = Scenarios.load(TestScenarios.GOOD.resolve("minimal.yaml"));
    private static final ScenarioDocument INLINE = Scenarios.load(TestScenarios.GOOD.resolve("inline-taxonomy.yaml"));

    @Test
    void overridesANumberAndLeavesTheOriginalAlone() {
        ScenarioDocument changed = FOUR_TYPES.with("market.imitation", "0.4");
        assertThat(changed.scenario().market().imitation()).isEqualTo(0.4);
        assertThat(FOUR_TYPES.scenario().market().imitation()).isEqualTo(0.25);
        assertThat(changed.source()).isEqualTo(FOUR_TYPES.source());
    }

    @Test
    void setsAWholeDistributionFromAFlowMapping() {
        Scenario s = FOUR_TYPES.with("archetypes[0].churn", "{dist: beta, alpha: 2, beta: 30}").scenario();
        assertThat(s.archetypes().get(0).churn()).isEqualTo(new Distribution.Beta(2, 30));
    }

    @Test
    void addressesNamedItemsByName() {
        Scenario s = FOUR_TYPES.with("archetypes.loyal.share", "0.25").with("archetypes.fence-sitter.share", "0.30")
                .with("strategies.textbook.budget", "1000").with("archetypes.negative.churn.beta", "20").scenario();
        assertThat(s.archetypes().get(0).share()).isEqualTo(0.25);
        assertThat(s.archetypes().get(1).share()).isEqualTo(0.30);
        assertThat(s.strategies().get(1).budget().getAsDouble()).isEqualTo(1000);
        assertThat(s.archetypes().get(3).churn()).isEqualTo(new Distribution.Beta(3, 20));
    }

    @Test
    void mapsTakeTheRestOfThePathAsTheirKey() {
        Scenario s = FOUR_TYPES.with("thresholds.loyal.frequency.min", "8")
                .with("thresholds.price-sensitive.promoLift.min", "2.5")
                .with("truth.negative", "fence-sitter")
                .with("strategies.textbook.treatments.price-sensitive", "no-discounts").scenario();
        assertThat(s.taxonomy().threshold("loyal.frequency.min")).contains(8f);
        assertThat(s.taxonomy().threshold("price-sensitive.promoLift.min")).contains(2.5f);
        assertThat(s.truth()).containsEntry("negative", "fence-sitter");
        assertThat(s.strategies().get(1).treatments()).containsEntry("price-sensitive", "no-discounts");
    }

    @Test
    void createsKeysAndOptionalMappingsThatAreNotThereYet() {
        Scenario s = MINIMAL.with("economics.currency", "USD").with("behaviour.complaintMemory", "6")
                .with("market.imitation", "0.3")
                .with("treatments.gentle.base", "price-campaign").with("treatments.gentle.discount", "0.05")
                .with("strategies.baseline.treatments.default", "gentle").scenario();
        assertThat(s.economics().currency()).isEqualTo("USD");
        assertThat(s.economics().grossMargin()).isEqualTo(Economics.DEFAULT.grossMargin());
        assertThat(s.behaviour().complaintMemory()).isEqualTo(6);
        assertThat(s.market().imitation()).isEqualTo(0.3);
        assertThat(s.treatments().get("gentle").discount()).isEqualTo(0.05);
        assertThat(s.treatments().get("gentle").leakage()).isEqualTo(0.1);
        assertThat(s.strategies().get(0).treatments()).containsEntry(Strategy.DEFAULT, "gentle");
    }

    @Test
    void reachesIntoAnInlineTaxonomy() {
        Scenario s = INLINE.with("taxonomy.segments.middle.when[1].frequency.min", "12")
                .with("taxonomy.segments[0].when.margin.above", "5").scenario();
        assertThat(s.taxonomy().segments().get(1).rule().orElseThrow().anyOf().get(1))
                .containsExactly(org.segmentlab.model.segment.Condition.of(Feature.FREQUENCY, Comparison.MIN, 12));
        assertThat(s.taxonomy().segments().get(0).rule().orElseThrow().anyOf().get(0))
                .contains(org.segmentlab.model.segment.Condition.of(Feature.MARGIN, Comparison.ABOVE, 5));
    }

    @Test
    void replacesWholeSections() {
        assertThat(FOUR_TYPES.with("events", "[]").scenario().events()).isEmpty();
        assertThat(FOUR_TYPES.with("taxonomy", "circles").with("truth", "{}").with("thresholds", "{}").with("strategies[1].treatments", "{circle-1: loyalty-perks}")
                .scenario().taxonomy().name()).isEqualTo("circles");
    }

    @Test
    void aBadValueIsLocatedAtTheOverride() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> FOUR_TYPES.with("market.imitation", "12").scenario());
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("--set market.imitation");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.toString()).isEqualTo("--set market.imitation:1:1: market.imitation: must be between 0 and 10, got 12");
        });
    }

    @Test
    void aBadPartOfAFlowValueIsLocatedInsideIt() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> FOUR_TYPES.with("archetypes[1].churn", "{dist: beta, alpha: 2, beta: -1}").scenario());
        assertThat(e.problems()).extracting(LocatedProblem::toString)
                .containsExactly("--set archetypes[1].churn:1:30: archetypes[1].churn.beta: must be > 0, got -1");
    }

    @Test
    void fileProblemsComeFirstThenOverrides() {
        ScenarioDocument bad = Scenarios.load(TestScenarios.BAD.resolve("shares-do-not-sum-to-one.yaml"));
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> bad.with("months", "0").with("market.innovation", "2").scenario());
        assertThat(e.problems()).extracting(LocatedProblem::source).containsExactly(
                bad.source(), "--set months", "--set market.innovation");
    }

    @Test
    void anOverrideCanFixAFile() {
        ScenarioDocument bad = Scenarios.load(TestScenarios.BAD.resolve("shares-do-not-sum-to-one.yaml"));
        assertThat(bad.with("archetypes.casual.share", "0.5").scenario().archetypes()).hasSize(2);
    }

    @Test
    void anEmptyValueIsNull() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> FOUR_TYPES.with("months", "").scenario());
        assertThat(e.getMessage()).isEqualTo("--set months:1:1: months: must be a whole number between 1 and 1200, got null (nothing)");
    }

    @Test
    void unknownKeysInThePathAreRefusedAtOnce() {
        assertThat(refused(FOUR_TYPES, "market.imitaton", "1")).isEqualTo("--set market.imitaton: market.imitaton: unknown key "
                + "'imitaton'; did you mean 'imitation'? allowed: potential, initialCustomers, innovation, imitation, "
                + "negativeWeight, acquisitionCost, referralLean, referralConversion, referralCost, reputation, advertising, winBack");
        assertThat(refused(FOUR_TYPES, "monhts", "1")).contains("monhts: unknown key 'monhts'; did you mean 'months'?");
        assertThat(refused(FOUR_TYPES, "archetypes[0].chrun", "0.1")).contains("archetypes[0].chrun: unknown key 'chrun'; did you mean 'churn'?");
        assertThat(refused(FOUR_TYPES, "treatments.price-campaign.discont", "0.1")).contains("did you mean 'discount'?");
        assertThat(refused(FOUR_TYPES, "archetypes[0].spend.medain", "3")).contains("did you mean 'median'?");
    }

    @Test
    void unknownItemsAreRefusedAtOnce() {
        assertThat(refused(FOUR_TYPES, "archetypes.loyl.share", "1"))
                .isEqualTo("--set archetypes.loyl.share: archetypes.loyl: unknown archetype 'loyl'; did you mean 'loyal'? "
                        + "allowed: loyal, fence-sitter, price-sensitive, negative");
        assertThat(refused(FOUR_TYPES, "strategies.textbok.budget", "1")).contains("unknown strategy 'textbok'; did you mean 'textbook'?");
        assertThat(refused(FOUR_TYPES, "archetypes[4].share", "1")).contains("archetypes[4]: is out of range: archetypes has 4 items, [0] to [3]");
        assertThat(refused(FOUR_TYPES, "events.first.month", "1")).contains("events: is a list; address its items by index, e.g. events[0]");
        assertThat(refused(MINIMAL, "taxonomy.segments[0].name", "x")).contains("taxonomy.segments: is not in the scenario; set it as a whole list");
    }

    @Test
    void pathsThatGoPastAValueAreRefused() {
        assertThat(refused(FOUR_TYPES, "months.value", "1")).contains("months: is a single value; it has no 'value'");
        assertThat(refused(FOUR_TYPES, "archetypes[0].badExperience.value", "0.1"))
                .contains("archetypes[0].badExperience: is a bare number; set the whole distribution");
        assertThat(refused(FOUR_TYPES, "taxonomy.segments[0].name", "x")).contains("taxonomy: is a built-in name");
        assertThat(refused(FOUR_TYPES, "market[0]", "1")).contains("market: is a mapping; address its keys by name, not [0]");
    }

    @Test
    void malformedPathsAreRefused() {
        assertThat(refused(FOUR_TYPES, "", "1")).contains("the path is empty");
        assertThat(refused(FOUR_TYPES, "market..imitation", "1")).contains("a key is missing at character 8");
        assertThat(refused(FOUR_TYPES, "archetypes[x].share", "1")).contains("a list index is written [0], [1], …; got '[x]'");
        assertThat(refused(FOUR_TYPES, "archetypes[0", "1")).contains("got '[0'");
        assertThat(refused(FOUR_TYPES, "market.", "1")).contains("expected '.' and a key");
    }

    @Test
    void valuesThatAreNotYamlAreRefusedWithTheirPosition() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> FOUR_TYPES.with("archetypes[0].churn", "{dist: beta, alpha: 2"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("--set archetypes[0].churn");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).startsWith("YAML syntax error");
        });
        assertThat(refused(FOUR_TYPES, "archetypes[0].churn", "*beta")).contains("YAML aliases are not supported (*beta)");
    }

    private static String refused(ScenarioDocument doc, String path, String value) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> doc.with(path, value));
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.source()).isEqualTo("--set " + path));
        return e.getMessage();
    }

    @Test
    void loadingAFileNamesItAsGiven() {
        Path file = TestScenarios.GOOD.resolve("minimal.yaml");
        assertThat(Scenarios.load(file).source()).isEqualTo(file.toString());
    }
}
