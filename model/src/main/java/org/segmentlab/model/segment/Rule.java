package org.segmentlab.model.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A segment's rule: it matches when any clause matches (OR), and a clause matches when all its
 * conditions hold (AND). Written in YAML as {@code when: [{frequency: {min: 6}, discountShare: {below: 0.3}}, …]}.
 */
public record Rule(List<List<Condition>> anyOf) {

    public Rule {
        if (anyOf == null || anyOf.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one clause");
        }
        List<List<Condition>> copy = new ArrayList<>();
        for (List<Condition> clause : anyOf) {
            if (clause == null || clause.isEmpty()) {
                throw new IllegalArgumentException("a rule clause needs at least one condition");
            }
            copy.add(List.copyOf(clause));
        }
        anyOf = List.copyOf(copy);
    }

    /** A rule of one clause. */
    public static Rule allOf(Condition... conditions) {
        return new Rule(List.of(List.of(conditions)));
    }

    /** A rule of several one-condition clauses. */
    public static Rule anyOf(Condition... conditions) {
        List<List<Condition>> clauses = new ArrayList<>();
        for (Condition c : conditions) {
            clauses.add(List.of(c));
        }
        return new Rule(clauses);
    }

    /** Whether a customer, as a row indexed by feature ordinal, matches. */
    public boolean matches(float[] row) {
        for (List<Condition> clause : anyOf) {
            boolean all = true;
            for (Condition c : clause) {
                if (!c.test(row[c.feature().ordinal()])) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return anyOf.stream()
                .map(clause -> clause.stream().map(Condition::toString).collect(Collectors.joining(" and ")))
                .collect(Collectors.joining(" or "));
    }
}
