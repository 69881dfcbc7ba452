package org.segmentlab.simulator.engine;

import java.util.ArrayList;
import java.util.List;

import org.segmentlab.model.strategy.ResolvedStrategy;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.simulator.metrics.VariantProfit;

/**
 * One attribution variant: a non-baseline strategy with one segment's treatment (or its advertising) set back to the
 * baseline's, budget and everything else kept. Its profit against the strategy's is what that part adds.
 *
 * @param strategy  the index of the strategy it derives from
 * @param segment   the segment set back, or {@link VariantProfit#ADVERTISING}
 * @param treatment the strategy's treatment of the segment (empty for advertising)
 * @param resolved  the strategy as the variant runs it
 */
record AttributionVariant(int strategy, String segment, String treatment, ResolvedStrategy resolved) {

    /**
     * The variants of every non-baseline strategy (the baseline is the first): one per segment whose resolved
     * treatment parameters differ from the baseline's treatment of it (names do not matter), then one with the
     * baseline's advertising if the strategy's differs. A strategy equal to the baseline has none.
     */
    static List<AttributionVariant> of(List<ResolvedStrategy> strategies) {
        List<AttributionVariant> variants = new ArrayList<>();
        if (strategies.isEmpty()) {
            return variants;
        }
        ResolvedStrategy baseline = strategies.get(0);
        for (int s = 1; s < strategies.size(); s++) {
            ResolvedStrategy strategy = strategies.get(s);
            for (int k = 0; k < strategy.bySegment().size(); k++) {
                Treatment own = strategy.treatmentOf(k);
                Treatment base = baseline.treatmentOf(k);
                if (!own.parameters().equals(base.parameters())) {
                    List<Treatment> bySegment = new ArrayList<>(strategy.bySegment());
                    bySegment.set(k, base);
                    variants.add(new AttributionVariant(s, strategy.taxonomy().segmentNames().get(k), own.name(),
                            new ResolvedStrategy(strategy.name(), strategy.budget(), strategy.taxonomy(), bySegment,
                                    strategy.advertising())));
                }
            }
            if (!strategy.advertising().equals(baseline.advertising())) {
                variants.add(new AttributionVariant(s, VariantProfit.ADVERTISING, "",
                        new ResolvedStrategy(strategy.name(), strategy.budget(), strategy.taxonomy(), strategy.bySegment(),
                                baseline.advertising())));
            }
        }
        return variants;
    }
}
