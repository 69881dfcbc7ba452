package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.scenario.Scenario;

class ScenarioFormTest {

    private static final ShippedScenarios SHIPPED = ShippedScenarios.load();
    private static final WorkbenchSettings SETTINGS = new WorkbenchSettings("127.0.0.1", 0, 200_000, 1, 1, 5_000, "v");

    private static Scenario shipped(String name) {
        return new ScenarioRequest(name, null, Map.of()).resolve(SHIPPED);
    }

    private static LeverCatalogue.Lever lever(ScenarioForm form, String path) {
        return form.levers().stream().filter(x -> x.path().equals(path)).findFirst().orElseThrow(
                () -> new AssertionError("no lever " + path + " among " + form.paths()));
    }

    @Test
    void everyThresholdOfAFilledSegmentHasALeverWithItsValue() {
        Scenario s = shipped("discount-trap");
        ScenarioForm form = ScenarioForm.of(s, SETTINGS);
        for (String path : s.taxonomy().thresholdPaths()) {
            LeverCatalogue.Lever lever = lever(form, "thresholds." + path);
            assertThat(Float.parseFloat(lever.value())).isEqualTo(s.taxonomy().threshold(path).orElseThrow());
            assertThat(Double.parseDouble(lever.value())).isBetween(lever.min(), lever.max());
        }
    }

    @Test
    void thresholdsOfSegmentsNobodyFallsIntoAreNotOffered() {
        // circles-pareto's circle taxonomy: every threshold has a filled segment; four-types' sample fills all four.
        // A scenario whose strict rule catches nobody: loyal needs 1000 purchases in the window.
        Scenario strict = new ScenarioRequest("four-types", null, Map.of("thresholds.loyal.frequency.min", "1000"))
                .resolve(SHIPPED);
        assertThat(FilledSegments.of(strict)).doesNotContain("loyal").contains("negative");
        assertThat(ScenarioForm.of(strict, SETTINGS).paths()).noneMatch(p -> p.startsWith("thresholds.loyal."))
                .contains("thresholds.negative.complaints.min");
    }

    @Test
    void theGridOffersTheScenariosTreatmentsWithTheirParameters() {
        Scenario s = shipped("four-types");
        ScenarioForm form = ScenarioForm.of(s, SETTINGS);
        List<String> names = form.treatments().stream().map(TreatmentChoices.Choice::name).toList();
        assertThat(names).contains("none", "loyalty-perks", "price-campaign", "service-recovery")
                // another taxonomy's lesson
                .doesNotContain("charge-for-extras", "snow-leopard-hunt");
        TreatmentChoices.Choice perks = form.treatments().stream().filter(c -> c.name().equals("loyalty-perks")).findFirst()
                .orElseThrow();
        assertThat(perks.description()).isNotBlank();
        assertThat(perks.parameters()).contains("churn × 0.7");
        assertThat(form.segments()).containsExactlyElementsOf(s.taxonomy().segmentNames());
        assertThat(form.strategies().get(0).treatments()).containsEntry("loyal", "none"); // via default: none
        assertThat(form.strategies().get(1).path()).isEqualTo("strategies[1]");
        assertThat(form.strategies().get(1).treatments()).containsEntry("negative", "service-recovery");
    }

    @Test
    void everyLeverStartsInsideItsRangeWithALabelAUnitRuleAndHelp() {
        for (String name : SHIPPED.names()) {
            for (LeverCatalogue.Lever lever : ScenarioForm.of(shipped(name), SETTINGS).levers()) {
                String what = name + " " + lever.path();
                assertThat(lever.help()).as(what).isNotBlank();
                assertThat(lever.label()).as(what).isNotBlank().isNotEqualTo(lever.path());
                if (lever.kind().equals("range")) {
                    assertThat(Double.parseDouble(lever.value())).as(what).isBetween(lever.min(), lever.max());
                    assertThat(lever.step()).as(what).isPositive();
                }
            }
        }
    }

    @Test
    void ratioThresholdsMoveInSmallStepsAroundOne() {
        LeverCatalogue.Lever ratio = lever(ScenarioForm.of(shipped("vampires"), SETTINGS), "thresholds.vampire.serviceToMargin.min");
        assertThat(ratio.value()).isEqualTo("1");
        assertThat(ratio.step()).isEqualTo(0.05);
        assertThat(ratio.min()).isZero();
    }

    @Test
    void discountLeversAreThoseOfTheDiscountsGiven() {
        List<String> paths = ScenarioForm.of(shipped("discount-trap"), SETTINGS).paths();
        assertThat(paths).contains("treatments.price-campaign.discount", "treatments.leaky-campaign.leakage",
                "behaviour.discountElasticity", "promotions");
        Scenario none = new ScenarioRequest("four-types", null, Map.of("strategies[1].treatments.price-sensitive", "none"))
                .resolve(SHIPPED);
        assertThat(ScenarioForm.of(none, SETTINGS).paths()).noneMatch(p -> p.endsWith(".discount"));
    }

    @Test
    void mechanismLeversFollowWhatTheScenarioUses() {
        // no strategy charges a fee or fires anyone in four-types; vampires charges, fire-the-mutineers fires
        assertThat(ScenarioForm.of(shipped("four-types"), SETTINGS).paths())
                .doesNotContain("behaviour.serviceFeeElasticity", "behaviour.terminationDetractorProbability",
                        "behaviour.tenureSpendGrowth");
        assertThat(ScenarioForm.of(shipped("vampires"), SETTINGS).paths()).contains("behaviour.serviceFeeElasticity");
        assertThat(ScenarioForm.of(shipped("fire-the-mutineers"), SETTINGS).paths())
                .contains("behaviour.terminationDetractorProbability");
        assertThat(ScenarioForm.of(shipped("rep-departure"), SETTINGS).paths())
                .contains("events[0].month", "events[0].share", "archetypes.key-account.repAttached");
    }

    @Test
    void replicationsAreAChoiceOfOneFiveOrTen() {
        LeverCatalogue.Lever r = lever(ScenarioForm.of(shipped("four-types"), SETTINGS), "replications");
        assertThat(r.kind()).isEqualTo("choice");
        assertThat(r.choices()).containsExactly("1", "5", "10");
        assertThat(lever(ScenarioForm.of(shipped("four-types"), SETTINGS), "seed").kind()).isEqualTo("box");
    }
}
