package org.segmentlab.model.segment;

import java.util.Optional;

/** A named segment of a taxonomy; every segment but the last (the default) has a rule. */
public record Segment(String name, Optional<Rule> rule) {

    public Segment {
        if (name == null || rule == null) {
            throw new IllegalArgumentException("name and rule are required (use Optional.empty() for the default segment)");
        }
    }

    public static Segment of(String name, Rule rule) {
        return new Segment(name, Optional.of(rule));
    }

    public static Segment fallback(String name) {
        return new Segment(name, Optional.empty());
    }
}
