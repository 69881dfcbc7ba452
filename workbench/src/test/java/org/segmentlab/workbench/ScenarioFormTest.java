package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segmentlab.model.treatment.BuiltInTreatments;
import org.segmentlab.simulator.scenario.Scenario;

class ScenarioFormTest {

    private static final ShippedScenarios SHIPPED = ShippedScenarios.load();
    private static final WorkbenchSettings SETTINGS = new WorkbenchSettings("127.0.0.1", 0, 200_000, 1, 1, 20_000, "v");

    @Test
    void everyThresholdOfTheTaxonomyHasASliderWithItsValue() {
        Scenario s = new ScenarioRequest("discount-trap", null, Map.of()).resolve(SHIPPED);
        ScenarioForm form = ScenarioForm.of(s, SETTINGS);
        for (String path : s.taxonomy().thresholdPaths()) {
            ScenarioForm.Slider slider = form.sliders().stream().filter(x -> x.path().equals("thresholds." + path))
                    .findFirst().orElseThrow();
            assertThat((float) slider.value()).isEqualTo(s.taxonomy().threshold(path).orElseThrow());
            assertThat(slider.value()).isBetween(slider.min(), slider.max());
        }
    }

    @Test
    void theGridOffersEveryBuiltInTreatmentAndShowsTheResolvedChoice() {
        Scenario s = new ScenarioRequest("four-types", null, Map.of()).resolve(SHIPPED);
        ScenarioForm form = ScenarioForm.of(s, SETTINGS);
        assertThat(form.treatments()).containsAll(BuiltInTreatments.names());
        assertThat(form.segments()).containsExactlyElementsOf(s.taxonomy().segmentNames());
        assertThat(form.strategies().get(0).treatments()).containsEntry("loyal", "none"); // via default: none
        assertThat(form.strategies().get(1).path()).isEqualTo("strategies[1]");
        assertThat(form.strategies().get(1).treatments()).containsEntry("negative", "service-recovery");
    }

    @Test
    void everySliderStartsInsideItsRange() {
        for (String name : SHIPPED.names()) {
            Scenario s = new ScenarioRequest(name, null, Map.of()).resolve(SHIPPED);
            for (ScenarioForm.Slider slider : ScenarioForm.of(s, SETTINGS).sliders()) {
                assertThat(slider.value()).as(name + " " + slider.path()).isBetween(slider.min(), slider.max());
                assertThat(slider.step()).as(name + " " + slider.path()).isPositive();
            }
        }
    }

    @Test
    void ratioThresholdsMoveInSmallStepsAroundOne() {
        Scenario s = new ScenarioRequest("vampires", null, Map.of()).resolve(SHIPPED);
        ScenarioForm.Slider ratio = ScenarioForm.of(s, SETTINGS).sliders().stream()
                .filter(x -> x.path().equals("thresholds.vampire.serviceToMargin.min")).findFirst().orElseThrow();
        assertThat(ratio.value()).isEqualTo(1.0);
        assertThat(ratio.step()).isEqualTo(0.05);
        assertThat(ratio.min()).isZero();
    }

    @Test
    void discountSlidersAreThoseOfTheDiscountsGiven() {
        Scenario trap = new ScenarioRequest("discount-trap", null, Map.of()).resolve(SHIPPED);
        java.util.List<String> paths = ScenarioForm.of(trap, SETTINGS).sliders().stream().map(ScenarioForm.Slider::path).toList();
        assertThat(paths).contains("treatments.price-campaign.discount", "treatments.leaky-campaign.leakage");
        Scenario none = new ScenarioRequest("four-types", null, Map.of("strategies[1].treatments.price-sensitive", "none"))
                .resolve(SHIPPED);
        assertThat(ScenarioForm.of(none, SETTINGS).sliders()).noneMatch(x -> x.path().endsWith(".discount"));
    }

    @Test
    void sliderEndsAreRoundNumbers() {
        assertThat(ScenarioForm.niceCeiling(7)).isEqualTo(10);
        assertThat(ScenarioForm.niceCeiling(750_000)).isEqualTo(1_000_000);
        assertThat(ScenarioForm.niceCeiling(150)).isEqualTo(200);
        assertThat(ScenarioForm.niceCeiling(3)).isEqualTo(5);
    }
}
