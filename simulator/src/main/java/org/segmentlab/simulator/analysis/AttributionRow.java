package org.segmentlab.simulator.analysis;

import java.util.Objects;

import org.segmentlab.simulator.experiment.MeanInterval;

/**
 * What one part of a strategy adds to its cumulative profit, with its 95% interval over paired replications.
 *
 * @param strategy  the non-baseline strategy
 * @param segment   a segment name, {@link TreatmentAttribution#ADVERTISING} or {@link TreatmentAttribution#INTERACTION}
 * @param treatment the strategy's treatment of the segment; empty for advertising and interaction
 * @param value     profit(strategy) − profit(strategy with that part as in the baseline); for the interaction, the
 *                  strategy's profit difference to the baseline not explained by the parts one at a time
 */
public record AttributionRow(String strategy, String segment, String treatment, MeanInterval value) {

    public AttributionRow {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(segment, "segment");
        treatment = treatment == null ? "" : treatment;
        Objects.requireNonNull(value, "value");
    }

    /** Whether this is the interaction row (what the parts do together beyond their sum). */
    public boolean isInteraction() {
        return TreatmentAttribution.INTERACTION.equals(segment) && treatment.isEmpty();
    }
}
