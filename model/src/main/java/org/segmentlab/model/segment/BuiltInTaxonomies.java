package org.segmentlab.model.segment;

import static org.segmentlab.model.feature.Feature.COMPLAINTS;
import static org.segmentlab.model.feature.Feature.COST_TO_SERVE;
import static org.segmentlab.model.feature.Feature.DISCOUNT_SHARE;
import static org.segmentlab.model.feature.Feature.FREQUENCY;
import static org.segmentlab.model.feature.Feature.MARGIN;
import static org.segmentlab.model.feature.Feature.REFERRALS;
import static org.segmentlab.model.feature.Feature.SATISFACTION;
import static org.segmentlab.model.feature.Feature.VALUE_RANK;
import static org.segmentlab.model.segment.Comparison.ABOVE;
import static org.segmentlab.model.segment.Comparison.BELOW;
import static org.segmentlab.model.segment.Comparison.MIN;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The taxonomies that ship with SegmentLab. Each threshold's origin is in {@code docs/segments.md};
 * features are over the trailing window (12 months by default). Any threshold can be overridden by path.
 */
public final class BuiltInTaxonomies {

    /**
     * {@code four-types}: the practitioner's four customer types, first match wins:
     * <ol>
     * <li>{@code negative}: {@code complaints ≥ 1} or {@code satisfaction < 0.3} (a bad experience, or below the
     *     default detractor threshold);</li>
     * <li>{@code loyal}: {@code frequency ≥ 6} and {@code discountShare < 0.3} (buys about every other month, mostly
     *     at full price);</li>
     * <li>{@code price-sensitive}: {@code discountShare ≥ 0.5} (most purchases on discount);</li>
     * <li>{@code fence-sitter}: everyone else (the default).</li>
     * </ol>
     */
    public static final String FOUR_TYPES = "four-types";

    /**
     * {@code dib}: Allan Dib's customer types, first match wins:
     * <ol>
     * <li>{@code snow-leopard}: {@code valueRank ≥ 0.97} and {@code margin > 0} (the rare, very profitable top 3%);</li>
     * <li>{@code mutineer}: {@code discountShare ≥ 0.5} and ({@code margin < 0} or {@code complaints ≥ 2})
     *     (demands discounts and costs more than it brings, or complains);</li>
     * <li>{@code vampire}: {@code costToServe ≥ 120} (ten or more service requests a year at 12 per request);</li>
     * <li>{@code tribe}: {@code referrals ≥ 1} and {@code satisfaction ≥ 0.7} (satisfied advocates who refer);</li>
     * <li>{@code regular}: everyone else (the default).</li>
     * </ol>
     */
    public static final String DIB = "dib";

    /**
     * {@code circles}: value tiers by {@code valueRank} (percentile of revenue among active customers):
     * {@code circle-1} ≥ 0.8 (the top 20%, Pareto), {@code circle-2} ≥ 0.5, {@code circle-3} ≥ 0.2,
     * {@code circle-4} the rest (the default).
     */
    public static final String CIRCLES = "circles";

    private static final Map<String, Supplier<Taxonomy>> BUILT_IN = Map.of(
            FOUR_TYPES, BuiltInTaxonomies::fourTypes,
            DIB, BuiltInTaxonomies::dib,
            CIRCLES, BuiltInTaxonomies::circles);

    private BuiltInTaxonomies() {
    }

    public static List<String> names() {
        return List.of(FOUR_TYPES, DIB, CIRCLES);
    }

    public static Optional<Taxonomy> byName(String name) {
        Supplier<Taxonomy> s = BUILT_IN.get(name);
        return s == null ? Optional.empty() : Optional.of(s.get());
    }

    public static Taxonomy fourTypes() {
        return Taxonomy.of(FOUR_TYPES,
                Segment.of("negative", Rule.anyOf(
                        Condition.of(COMPLAINTS, MIN, 1),
                        Condition.of(SATISFACTION, BELOW, 0.3))),
                Segment.of("loyal", Rule.allOf(
                        Condition.of(FREQUENCY, MIN, 6),
                        Condition.of(DISCOUNT_SHARE, BELOW, 0.3))),
                Segment.of("price-sensitive", Rule.allOf(
                        Condition.of(DISCOUNT_SHARE, MIN, 0.5))),
                Segment.fallback("fence-sitter"));
    }

    public static Taxonomy dib() {
        return Taxonomy.of(DIB,
                Segment.of("snow-leopard", Rule.allOf(
                        Condition.of(VALUE_RANK, MIN, 0.97),
                        Condition.of(MARGIN, ABOVE, 0))),
                Segment.of("mutineer", new Rule(List.of(
                        List.of(Condition.of(DISCOUNT_SHARE, MIN, 0.5), Condition.of(MARGIN, BELOW, 0)),
                        List.of(Condition.of(DISCOUNT_SHARE, MIN, 0.5), Condition.of(COMPLAINTS, MIN, 2))))),
                Segment.of("vampire", Rule.allOf(
                        Condition.of(COST_TO_SERVE, MIN, 120))),
                Segment.of("tribe", Rule.allOf(
                        Condition.of(REFERRALS, MIN, 1),
                        Condition.of(SATISFACTION, MIN, 0.7))),
                Segment.fallback("regular"));
    }

    public static Taxonomy circles() {
        return Taxonomy.of(CIRCLES,
                Segment.of("circle-1", Rule.allOf(Condition.of(VALUE_RANK, MIN, 0.8))),
                Segment.of("circle-2", Rule.allOf(Condition.of(VALUE_RANK, MIN, 0.5))),
                Segment.of("circle-3", Rule.allOf(Condition.of(VALUE_RANK, MIN, 0.2))),
                Segment.fallback("circle-4"));
    }
}
