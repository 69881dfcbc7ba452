package org.segmentlab.workbench.tournament;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.workbench.FieldProblem;
import org.segmentlab.workbench.RequestException;

/**
 * A team's entry for a round: one treatment for every segment of the room's taxonomy, in the taxonomy's order.
 *
 * @param treatments segment → treatment name
 */
public record TeamEntry(Map<String, String> treatments) {

    public TeamEntry {
        treatments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(treatments));
    }

    /**
     * Checks a submitted entry: exactly the room's segments, each with one of the scenario's treatments.
     *
     * @throws RequestException with a problem per bad segment, at {@code treatments.SEGMENT}
     */
    static TeamEntry checked(Map<String, String> submitted, List<String> segments, Map<String, Treatment> known) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> given = submitted == null ? Map.of() : submitted;
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String segment : segments) {
            String treatment = given.get(segment);
            String field = "treatments." + segment;
            if (treatment == null) {
                problems.add(new FieldProblem(field, "", field, 0, 0, "choose a treatment for segment '" + segment + "'"));
            } else if (!known.containsKey(treatment)) {
                problems.add(new FieldProblem(field, "", field, 0, 0, "unknown treatment '" + shortened(treatment)
                        + "'; choose one of: " + String.join(", ", known.keySet())));
            } else {
                ordered.put(segment, treatment);
            }
        }
        for (String segment : given.keySet()) {
            if (!segments.contains(segment)) {
                String field = "treatments";
                problems.add(new FieldProblem(field, "", field, 0, 0, "unknown segment '" + shortened(segment)
                        + "'; the segments are: " + String.join(", ", segments)));
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new RequestException(problems);
        }
        return new TeamEntry(ordered);
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
