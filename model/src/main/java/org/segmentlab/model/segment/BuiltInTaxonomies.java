package org.segmentlab.model.segment;

import static org.segmentlab.model.feature.Feature.COMPLAINTS;
import static org.segmentlab.model.feature.Feature.COST_TO_SERVE;
import static org.segmentlab.model.feature.Feature.FREQUENCY;
import static org.segmentlab.model.feature.Feature.MARGIN;
import static org.segmentlab.model.feature.Feature.PROMO_LIFT;
import static org.segmentlab.model.feature.Feature.REFERRALS;
import static org.segmentlab.model.feature.Feature.SATISFACTION;
import static org.segmentlab.model.feature.Feature.SERVICE_TO_MARGIN;
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
     * <li>{@code loyal}: {@code frequency ≥ 6}, {@code satisfaction ≥ 0.6} and {@code promoLift < 1.5} (buys about
     *     every other month, is satisfied, and buys about as much at full price as on promotion);</li>
     * <li>{@code price-sensitive}: {@code promoLift ≥ 1.5} (buys half as much again in months with a discount);</li>
     * <li>{@code fence-sitter}: everyone else (the default).</li>
     * </ol>
     */
    public static final String FOUR_TYPES = "four-types";

    /**
     * {@code dib}: Allan Dib's customer types, first match wins:
     * <ol>
     * <li>{@code snow-leopard}: {@code valueRank ≥ 0.97} and {@code margin > 0} (the rare, very profitable top 3%);</li>
     * <li>{@code mutineer}: {@code promoLift ≥ 1.5} and ({@code margin < 0} or {@code complaints ≥ 2})
     *     (promotion-driven, and costs more than it brings or complains);</li>
     * <li>{@code vampire}: {@code costToServe ≥ 120} and {@code serviceToMargin ≥ 1} (ten or more requests a year,
     *     costing more than the margin the customer earns);</li>
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
                        Condition.of(SATISFACTION, MIN, 0.6),
                        Condition.of(PROMO_LIFT, BELOW, 1.5))),
                Segment.of("price-sensitive", Rule.allOf(
                        Condition.of(PROMO_LIFT, MIN, 1.5))),
                Segment.fallback("fence-sitter"));
    }

    public static Taxonomy dib() {
        return Taxonomy.of(DIB,
                Segment.of("snow-leopard", Rule.allOf(
                        Condition.of(VALUE_RANK, MIN, 0.97),
                        Condition.of(MARGIN, ABOVE, 0))),
                Segment.of("mutineer", new Rule(List.of(
                        List.of(Condition.of(PROMO_LIFT, MIN, 1.5), Condition.of(MARGIN, BELOW, 0)),
                        List.of(Condition.of(PROMO_LIFT, MIN, 1.5), Condition.of(COMPLAINTS, MIN, 2))))),
                Segment.of("vampire", Rule.allOf(
                        Condition.of(COST_TO_SERVE, MIN, 120),
                        Condition.of(SERVICE_TO_MARGIN, MIN, 1))),
                Segment.of("tribe", Rule.allOf(
                        Condition.of(REFERRALS, MIN, 1),
                        Condition.of(SATISFACTION, MIN, 0.7))),
                Segment.fallback("regular"));
    }

    /**
     * Threshold paths of earlier versions whose condition a built-in taxonomy no longer has, with what to write
     * instead: discountShare measured how often a customer was offered a discount, not how they respond to one.
     */
    private static final Map<String, String> RETIRED = Map.of(
            FOUR_TYPES + ":loyal.discountShare.below", "loyal.promoLift.below",
            FOUR_TYPES + ":price-sensitive.discountShare.min", "price-sensitive.promoLift.min",
            DIB + ":mutineer.discountShare.min", "mutineer.promoLift.min");

    /** What to write instead of a threshold path a built-in taxonomy no longer has, if the path is a retired one. */
    public static Optional<String> retiredThreshold(String taxonomy, String path) {
        String instead = RETIRED.get(taxonomy + ":" + path);
        return Optional.ofNullable(instead).map(p -> "'" + path + "' is retired: discountShare counts purchases in months "
                + "a discount was offered, so it measures exposure to discounts, not the response to them; the "
                + taxonomy + " rule now reads promoLift (purchases per discounted month ÷ per full-price month), so write "
                + p + " instead (default " + plain(byName(taxonomy).orElseThrow().threshold(p).orElseThrow()) + ")");
    }

    private static String plain(float v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Float.toString(v);
    }

    public static Taxonomy circles() {
        return Taxonomy.of(CIRCLES,
                Segment.of("circle-1", Rule.allOf(Condition.of(VALUE_RANK, MIN, 0.8))),
                Segment.of("circle-2", Rule.allOf(Condition.of(VALUE_RANK, MIN, 0.5))),
                Segment.of("circle-3", Rule.allOf(Condition.of(VALUE_RANK, MIN, 0.2))),
                Segment.fallback("circle-4"));
    }
}
