package org.segmentlab.model.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.feature.FeatureTable;
import org.segmentlab.model.segment.Comparison;
import org.segmentlab.model.segment.Condition;
import org.segmentlab.model.segment.Rule;
import org.segmentlab.model.segment.Segment;
import org.segmentlab.model.segment.Taxonomy;

/**
 * Generators for the classifier properties: random <em>valid</em> taxonomies and feature tables whose values
 * hit the taxonomy's thresholds exactly, their float neighbours, NaN and signed zeros often enough to matter.
 */
final class RandomTaxonomies {

    /** Thresholds users actually write (the built-ins' values); repeated so customers land on them exactly. */
    private static final float[] COMMON = {0f, 0.2f, 0.3f, 0.5f, 0.7f, 0.8f, 0.97f, 1f, 2f, 6f, 120f};

    private RandomTaxonomies() {
    }

    static Arbitrary<Float> thresholds() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(box(COMMON))),
                net.jqwik.api.Tuple.of(2, Arbitraries.floats().between(-10f, 200f)),
                net.jqwik.api.Tuple.of(1, Arbitraries.floats().between(-1f, 2f).ofScale(2)));
    }

    static Arbitrary<Condition> conditions() {
        return Combinators.combine(Arbitraries.of(Feature.class), Arbitraries.of(Comparison.class), thresholds())
                .as(Condition::new);
    }

    /** 1..3 conditions that some value can satisfy (the taxonomy rejects contradictory clauses, as it should). */
    static Arbitrary<List<Condition>> clauses() {
        return conditions().list().ofMinSize(1).ofMaxSize(3).filter(RandomTaxonomies::satisfiable);
    }

    static Arbitrary<Rule> rules() {
        return clauses().list().ofMinSize(1).ofMaxSize(3).map(Rule::new);
    }

    /** 1..8 segments named s0, s1, …; every segment but the last has a random rule. */
    static Arbitrary<Taxonomy> taxonomies() {
        return rules().list().ofMinSize(0).ofMaxSize(7).map(rules -> {
            List<Segment> segments = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                segments.add(Segment.of("s" + i, rules.get(i)));
            }
            segments.add(Segment.fallback("s" + rules.size()));
            return new Taxonomy("random", segments);
        });
    }

    /** Sizes from empty to ~5000, with the block (1024) and word boundaries over-represented. */
    static Arbitrary<Integer> sizes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 5000)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(0, 1, 7, 8, 9, 1023, 1024, 1025, 2047, 2048, 2049, 3071, 4096, 4097)));
    }

    /**
     * Whether some value satisfies every condition of the clause, feature by feature: the greatest lower bound
     * must lie below the least upper bound, or equal it when neither binding bound is strict.
     */
    static boolean satisfiable(List<Condition> clause) {
        for (Feature f : Feature.all()) {
            float lower = Float.NEGATIVE_INFINITY;
            boolean lowerStrict = false;
            float upper = Float.POSITIVE_INFINITY;
            boolean upperStrict = false;
            for (Condition c : clause) {
                if (c.feature() != f) {
                    continue;
                }
                boolean strict = c.comparison() == Comparison.ABOVE || c.comparison() == Comparison.BELOW;
                float t = c.threshold();
                if (c.comparison() == Comparison.MIN || c.comparison() == Comparison.ABOVE) {
                    if (t > lower) {
                        lower = t;
                        lowerStrict = strict;
                    } else if (t == lower) {
                        lowerStrict |= strict;
                    }
                } else {
                    if (t < upper) {
                        upper = t;
                        upperStrict = strict;
                    } else if (t == upper) {
                        upperStrict |= strict;
                    }
                }
            }
            if (lower > upper || (lower == upper && (lowerStrict || upperStrict))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A table of {@code size} customers, filled from {@code seed}. Each value is, by chance: one of the
     * taxonomy's thresholds for that feature (equality is where {@code min}/{@code above} and
     * {@code max}/{@code below} differ), a float neighbour of one, NaN (an unknown feature), ±0, or uniform.
     */
    static FeatureTable table(Taxonomy taxonomy, int size, long seed) {
        float[][] byFeature = thresholdsByFeature(taxonomy);
        SplittableRandom rng = new SplittableRandom(seed);
        FeatureTable table = FeatureTable.ofSize(size);
        for (Feature f : Feature.all()) {
            float[] column = table.column(f);
            float[] ts = byFeature[f.ordinal()];
            for (int i = 0; i < size; i++) {
                column[i] = value(rng, ts);
            }
        }
        return table;
    }

    private static float value(SplittableRandom rng, float[] thresholds) {
        int roll = rng.nextInt(100);
        if (roll < 8) {
            return Float.NaN;
        }
        if (roll < 10) {
            return rng.nextBoolean() ? 0f : -0f;
        }
        if (roll < 45 && thresholds.length > 0) {
            return thresholds[rng.nextInt(thresholds.length)];
        }
        if (roll < 55 && thresholds.length > 0) {
            float t = thresholds[rng.nextInt(thresholds.length)];
            return rng.nextBoolean() ? Math.nextUp(t) : Math.nextDown(t);
        }
        if (roll < 75) {
            return COMMON[rng.nextInt(COMMON.length)];
        }
        return (float) (rng.nextDouble() * 210 - 10);
    }

    private static float[][] thresholdsByFeature(Taxonomy taxonomy) {
        List<List<Float>> lists = new ArrayList<>();
        for (int f = 0; f < Feature.all().size(); f++) {
            lists.add(new ArrayList<>());
        }
        for (Segment s : taxonomy.segments()) {
            s.rule().ifPresent(r -> r.anyOf().forEach(clause -> clause.forEach(
                    c -> lists.get(c.feature().ordinal()).add(c.threshold()))));
        }
        float[][] out = new float[lists.size()][];
        for (int f = 0; f < out.length; f++) {
            out[f] = new float[lists.get(f).size()];
            for (int i = 0; i < out[f].length; i++) {
                out[f][i] = lists.get(f).get(i);
            }
        }
        return out;
    }

    private static Float[] box(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
