package org.segmentlab.model.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.segmentlab.model.DefinitionException;
import org.segmentlab.model.Problem;
import org.segmentlab.model.segment.Taxonomy;
import org.segmentlab.model.treatment.Treatment;

/**
 * A strategy as written: segment name → treatment name, where the key {@code default} covers every segment
 * not named, an optional monthly budget for treatment costs (when it binds, the most valuable
 * customers are treated first) and an optional advertising campaign. Resolve it against a taxonomy and the known
 * treatments before a run.
 */
public record Strategy(String name, OptionalDouble budget, Map<String, String> treatments, Advertising advertising) {

    /** The key that gives the treatment of every segment the strategy does not name. */
    public static final String DEFAULT = "default";

    public Strategy {
        if (name == null || name.isBlank()) {
            throw DefinitionException.of("name", "a strategy needs a name");
        }
        budget = budget == null ? OptionalDouble.empty() : budget;
        if (budget.isPresent() && !(budget.getAsDouble() >= 0 && Double.isFinite(budget.getAsDouble()))) {
            throw DefinitionException.of("budget", "must be a finite number >= 0, got " + budget.getAsDouble());
        }
        treatments = treatments == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(treatments));
        advertising = advertising == null ? Advertising.NONE : advertising;
    }

    /** A strategy without an advertising campaign of its own. */
    public Strategy(String name, OptionalDouble budget, Map<String, String> treatments) {
        this(name, budget, treatments, Advertising.NONE);
    }

    public static Strategy of(String name, Map<String, String> treatments) {
        return new Strategy(name, OptionalDouble.empty(), treatments);
    }

    /**
     * The treatment of each segment of the taxonomy, by segment index. Unknown segment or treatment names
     * are reported together, each with what is allowed.
     */
    public ResolvedStrategy resolve(Taxonomy taxonomy, Map<String, Treatment> known) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : treatments.entrySet()) {
            String segment = e.getKey();
            if (!segment.equals(DEFAULT) && taxonomy.indexOf(segment) < 0) {
                problems.add(new Problem("treatments." + segment, "unknown segment '" + segment + "' in taxonomy '"
                        + taxonomy.name() + "'; allowed: " + String.join(", ", taxonomy.segmentNames()) + ", " + DEFAULT));
            }
            if (!known.containsKey(e.getValue())) {
                problems.add(new Problem("treatments." + segment, "unknown treatment '" + e.getValue() + "'; allowed: "
                        + String.join(", ", known.keySet())));
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        String fallback = treatments.getOrDefault(DEFAULT, "none");
        Treatment[] bySegment = new Treatment[taxonomy.size()];
        for (int s = 0; s < bySegment.length; s++) {
            String treatmentName = treatments.getOrDefault(taxonomy.segments().get(s).name(), fallback);
            Treatment t = known.get(treatmentName);
            if (t == null) {
                throw DefinitionException.of("treatments." + DEFAULT, "unknown treatment '" + treatmentName + "'; allowed: "
                        + String.join(", ", known.keySet()));
            }
            bySegment[s] = t;
        }
        return new ResolvedStrategy(name, budget, taxonomy, List.of(bySegment), advertising);
    }
}
