package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.scenario.Scenario;

class RunLimitsTest {

    private static final ShippedScenarios SHIPPED = ShippedScenarios.load();

    private static Scenario fourTypes(String customers, String potential, String months) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("market.initialCustomers", customers);
        o.put("market.potential", potential);
        o.put("months", months);
        return new ScenarioRequest("four-types", null, o).resolve(SHIPPED);
    }

    @Test
    void atTheCapIsAllowedAboveIsRefused() {
        RunLimits limits = new RunLimits(10_000);
        limits.check(fourTypes("10000", "100000", "24"));
        RequestException e = assertThrows(RequestException.class, () -> limits.check(fourTypes("10001", "100000", "24")));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("market.initialCustomers");
        assertThat(e.problems().get(0).message()).contains("at most 10000 customers");
    }

    @Test
    void thePotentialIsCappedAtTenTimes() {
        RequestException e = assertThrows(RequestException.class,
                () -> new RunLimits(10_000).check(fourTypes("10000", "100001", "24")));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("market.potential");
    }

    @Test
    void growthTowardThePotentialIsWorkEvenWithNoCustomersAtMonthZero() {
        // The old estimate counted 0 customers × months: zero work.
        Map<String, String> o = new LinkedHashMap<>();
        o.put("market.initialCustomers", "0");
        o.put("market.potential", "100000");
        o.put("market.innovation", "1");
        o.put("months", "120");
        Scenario s = new ScenarioRequest("four-types", null, o).resolve(SHIPPED);
        RequestException e = assertThrows(RequestException.class, () -> new RunLimits(10_000).check(s));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("months");
        assertThat(e.problems().get(0).message()).contains("up to 24000000 customer-months");
    }

    @Test
    void tooMuchWorkIsRefusedAtMonths() {
        // 10 000 × (1200 + 12) × 2 strategies is far above 600 × 10 000.
        RequestException e = assertThrows(RequestException.class,
                () -> new RunLimits(10_000).check(fourTypes("10000", "100000", "1200")));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("months");
    }
}
