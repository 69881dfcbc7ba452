package org.segmentlab.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.ScenarioException;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * What the page asks to run: a shipped scenario by name or an uploaded scenario's text, and the values the trainee
 * changed as override paths ({@code market.imitation → 0.3}, {@code strategies[1].treatments.loyal → terminate}).
 * Everything goes through the same validation as {@code segmentlab run --set}; the population control changes
 * {@code market.initialCustomers} and the potential follows in proportion unless it is set too.
 *
 * @param shipped   a name from {@link ShippedScenarios}, or null with {@code yaml}
 * @param yaml      an uploaded scenario's text, or null with {@code shipped}
 * @param overrides path → value, applied in order
 */
public record ScenarioRequest(String shipped, String yaml, Map<String, String> overrides) {

    /** How problems name an uploaded file. */
    static final String UPLOAD_NAME = "upload.yaml";
    static final String INITIAL_CUSTOMERS = "market.initialCustomers";
    static final String POTENTIAL = "market.potential";

    public ScenarioRequest {
        overrides = overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** The scenario as given, before overrides. @throws RequestException with each problem at its field */
    Scenario base(ShippedScenarios shippedScenarios) {
        try {
            return document(shippedScenarios).scenario();
        } catch (ScenarioException e) {
            throw problems(e);
        }
    }

    /**
     * A resolved request: the scenario to run and the values changed from the scenario file as {@code path=value},
     * in the order applied (with the potential scaled to a changed population), for the report's source line.
     */
    record Resolved(Scenario scenario, List<String> overrides) {
        Resolved {
            overrides = List.copyOf(overrides);
        }
    }

    /** The scenario with every override applied and validated. @throws RequestException with each problem at its field */
    Scenario resolve(ShippedScenarios shippedScenarios) {
        return resolved(shippedScenarios).scenario();
    }

    /** As {@link #resolve}, with the overrides that made it. @throws RequestException with each problem at its field */
    Resolved resolved(ShippedScenarios shippedScenarios) {
        ScenarioDocument document = document(shippedScenarios);
        Scenario base;
        try {
            base = document.scenario();
        } catch (ScenarioException e) {
            throw problems(e);
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> all = withScaledPotential(base);
        for (Map.Entry<String, String> e : all.entrySet()) {
            try {
                document = document.with(e.getKey(), e.getValue());
            } catch (ScenarioException bad) {
                problems.addAll(problems(bad, all.keySet()).problems());
            }
        }
        try {
            Scenario scenario = document.scenario();
            if (problems.isEmpty()) {
                List<String> applied = new ArrayList<>();
                all.forEach((path, value) -> applied.add(path + "=" + value.strip()));
                return new Resolved(scenario, applied);
            }
        } catch (ScenarioException e) {
            problems.addAll(problems(e, all.keySet()).problems());
        }
        throw new RequestException(problems);
    }

    private ScenarioDocument document(ShippedScenarios shippedScenarios) {
        if ((shipped == null) == (yaml == null)) {
            throw RequestException.of(FieldProblem.SCENARIO, "choose a shipped scenario or upload one (exactly one of the two)");
        }
        try {
            if (shipped != null) {
                String text = shippedScenarios.yaml(shipped).orElseThrow(() -> RequestException.of(FieldProblem.SCENARIO,
                        "no shipped scenario is called '" + shipped + "'; choose one of: " + String.join(", ", shippedScenarios.names())));
                return Scenarios.parse(text, shipped + ".yaml");
            }
            return Scenarios.parse(yaml, UPLOAD_NAME);
        } catch (ScenarioException e) {
            throw problems(e);
        }
    }

    /** The overrides, plus the potential scaled with the population when only the population was changed. */
    private Map<String, String> withScaledPotential(Scenario base) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        String customers = overrides.get(INITIAL_CUSTOMERS);
        if (customers != null && !overrides.containsKey(POTENTIAL) && base.market().initialCustomers() > 0) {
            try {
                long wanted = Long.parseLong(customers.strip());
                double ratio = (double) base.market().potential() / base.market().initialCustomers();
                all.put(POTENTIAL, Long.toString(Math.max(wanted, Math.round(wanted * ratio))));
            } catch (NumberFormatException notANumber) {
                // Left to the scenario's validation, which reports it at the population field.
            }
        }
        return all;
    }

    private RequestException problems(ScenarioException e) {
        return problems(e, overrides.keySet());
    }

    private static RequestException problems(ScenarioException e, Iterable<String> paths) {
        List<FieldProblem> out = new ArrayList<>();
        e.problems().forEach(p -> out.add(FieldProblem.of(p, paths)));
        return new RequestException(out);
    }
}
