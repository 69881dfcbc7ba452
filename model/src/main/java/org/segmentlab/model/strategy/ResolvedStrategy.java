package org.segmentlab.model.strategy;

import java.util.List;
import java.util.OptionalDouble;

import org.segmentlab.model.segment.Taxonomy;
import org.segmentlab.model.treatment.Treatment;

/** A strategy bound to a taxonomy: the treatment of every segment, by segment index, and its advertising. */
public record ResolvedStrategy(String name, OptionalDouble budget, Taxonomy taxonomy, List<Treatment> bySegment,
                               Advertising advertising) {

    public ResolvedStrategy {
        bySegment = List.copyOf(bySegment);
        advertising = advertising == null ? Advertising.NONE : advertising;
        if (bySegment.size() != taxonomy.size()) {
            throw new IllegalArgumentException("need one treatment per segment: " + taxonomy.size() + ", got " + bySegment.size());
        }
    }

    /** Without an advertising campaign of its own. */
    public ResolvedStrategy(String name, OptionalDouble budget, Taxonomy taxonomy, List<Treatment> bySegment) {
        this(name, budget, taxonomy, bySegment, Advertising.NONE);
    }

    public Treatment treatmentOf(int segment) {
        return bySegment.get(segment);
    }

    /** Whether the strategy treats some segment with something other than a neutral treatment. */
    public boolean treatsAnyone() {
        return bySegment.stream().anyMatch(t -> !t.parameters().equals(Treatment.neutral("x").parameters()));
    }
}
