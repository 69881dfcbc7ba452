package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.scenario.Scenario;

class ScenarioRequestTest {

    private static final ShippedScenarios SHIPPED = ShippedScenarios.load();

    private static Scenario resolve(Map<String, String> overrides) {
        return new ScenarioRequest("four-types", null, overrides).resolve(SHIPPED);
    }

    @Test
    void thePotentialFollowsThePopulation() {
        Scenario s = resolve(Map.of("market.initialCustomers", "20000"));
        assertThat(s.market().initialCustomers()).isEqualTo(20_000);
        assertThat(s.market().potential()).isEqualTo(200_000); // four-types: 100 000 of 1 000 000
    }

    @Test
    void anExplicitPotentialWins() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("market.initialCustomers", "20000");
        o.put("market.potential", "50000");
        assertThat(resolve(o).market().potential()).isEqualTo(50_000);
    }

    @Test
    void gridCellsSlidersAndThresholdsAreOverrides() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("strategies[1].treatments.loyal", "terminate");
        o.put("treatments.price-campaign.leakage", "0.4");
        o.put("thresholds.loyal.frequency.min", "4");
        o.put("strategies[1].budget", "1000");
        Scenario s = resolve(o);
        assertThat(s.strategies().get(1).treatments()).containsEntry("loyal", "terminate");
        assertThat(s.treatments().get("price-campaign").leakage()).isEqualTo(0.4);
        assertThat(s.taxonomy().threshold("loyal.frequency.min")).contains(4f);
        assertThat(s.strategies().get(1).budget().getAsDouble()).isEqualTo(1000);
    }

    @Test
    void everyBadValueIsReportedAtItsField() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("market.imitation", "-1");
        o.put("months", "twelve");
        o.put("market.nonsense", "1");
        RequestException e = assertThrows(RequestException.class, () -> resolve(o));
        assertThat(e.problems()).extracting(FieldProblem::field)
                .contains("market.imitation", "months", "market.nonsense");
    }

    @Test
    void aNotANumberPopulationIsReportedThere() {
        RequestException e = assertThrows(RequestException.class, () -> resolve(Map.of("market.initialCustomers", "lots")));
        assertThat(e.problems()).extracting(FieldProblem::field).containsOnly("market.initialCustomers");
    }

    @Test
    void exactlyOneSourceIsRequired() {
        assertThat(assertThrows(RequestException.class, () -> new ScenarioRequest(null, null, null).resolve(SHIPPED))
                .problems().get(0).field()).isEqualTo(FieldProblem.SCENARIO);
        assertThat(assertThrows(RequestException.class, () -> new ScenarioRequest("four-types", "name: x", null).resolve(SHIPPED))
                .problems().get(0).field()).isEqualTo(FieldProblem.SCENARIO);
    }

    @Test
    void anUploadIsValidatedAsAFileWithLines() {
        RequestException e = assertThrows(RequestException.class,
                () -> new ScenarioRequest(null, "name: [unclosed\n", null).resolve(SHIPPED));
        FieldProblem p = e.problems().get(0);
        assertThat(p.field()).isEqualTo(FieldProblem.UPLOAD);
        assertThat(p.source()).isEqualTo("upload.yaml");
        assertThat(p.line()).isPositive();
    }
}
