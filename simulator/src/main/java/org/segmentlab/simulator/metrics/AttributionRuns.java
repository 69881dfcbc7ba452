package org.segmentlab.simulator.metrics;

import java.util.List;

/**
 * The attribution variants a run simulated beside its strategies, or {@link #NOT_RUN} when the run skipped them
 * (they cost one extra strategy run each). A run that attributed but whose strategies all equal the baseline has
 * {@code ran} true and no variants.
 *
 * @param ran      whether the run simulated the variants
 * @param variants in strategy order, then segment order, then the advertising variant of the strategy (if any)
 */
public record AttributionRuns(boolean ran, List<VariantProfit> variants) {
    /** A run without attribution. */
    public static final AttributionRuns NOT_RUN = new AttributionRuns(false, List.of());

    public AttributionRuns {
        variants = List.copyOf(variants);
        if (!ran && !variants.isEmpty()) {
            throw new IllegalArgumentException("variants of a run that did not attribute");
        }
    }
}
