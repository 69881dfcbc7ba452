package org.segmentlab.model.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.feature.FeatureTable;
import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.model.segment.Comparison;
import org.segmentlab.model.segment.Condition;
import org.segmentlab.model.segment.Rule;
import org.segmentlab.model.segment.Segment;
import org.segmentlab.model.segment.Taxonomy;

/** The compiled classifier at its edges: the largest taxonomy, empty tables, bad ranges, truth against prediction. */
class RuleTableClassifierTest {

    @Test
    void theLargestTaxonomyUsesEverySegmentIndexUpTo126() {
        // Segment i takes tenure ≥ 126 - i: a customer of tenure t lands in segment 126 - t (t ≤ 126), else the default.
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < Taxonomy.MAX_SEGMENTS - 1; i++) {
            segments.add(Segment.of("s" + i, Rule.allOf(Condition.of(Feature.TENURE, Comparison.MIN, 126 - i))));
        }
        segments.add(Segment.fallback("newcomer"));
        Taxonomy taxonomy = new Taxonomy("deep", segments);
        RuleTableClassifier classifier = RuleTableClassifier.of(taxonomy);

        FeatureTable table = FeatureTable.ofSize(130);
        for (int c = 0; c < table.size(); c++) {
            table.set(Feature.TENURE, c, c - 1); // tenure -1 … 128
        }
        byte[] out = new byte[table.size()];
        classifier.classify(table, out);
        for (int c = 0; c < table.size(); c++) {
            float tenure = c - 1;
            int expected = tenure < 1 ? 126 : Math.max(0, 126 - (int) tenure);
            assertThat(out[c]).as("tenure %s", tenure).isEqualTo((byte) expected);
            assertThat(classifier.classify(table.row(c))).isEqualTo(expected);
        }
        assertThat(out[0]).as("the default, index 126, is stored as a positive byte").isEqualTo((byte) 126);
    }

    @Test
    void anEmptyTableIsFine() {
        RuleTableClassifier classifier = RuleTableClassifier.of(BuiltInTaxonomies.fourTypes());
        FeatureTable empty = FeatureTable.ofSize(0);
        byte[] out = new byte[0];
        classifier.classify(empty, out);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            classifier.classify(empty, out, pool);
        } finally {
            pool.shutdownNow();
        }
        assertThat(out).isEmpty();
    }

    @Test
    void aRangeOutsideTheTableOrTheOutputIsRefused() {
        RuleTableClassifier classifier = RuleTableClassifier.of(BuiltInTaxonomies.circles());
        FeatureTable table = FeatureTable.ofSize(10);
        assertThatThrownBy(() -> classifier.classify(table, new byte[9])).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> classifier.classify(table, new byte[10], -1, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> classifier.classify(table, new byte[10], 0, 11)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> classifier.classify(table, new byte[10], 6, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void keepsTheTaxonomyItWasCompiledFrom() {
        Taxonomy dib = BuiltInTaxonomies.dib();
        assertThat(RuleTableClassifier.of(dib).taxonomy()).isSameAs(dib);
    }

    @Test
    void classifierOutputFeedsTheConfusionMatrix() {
        // circles against a truth that is the tier each customer's valueRank was drawn for.
        Taxonomy circles = BuiltInTaxonomies.circles();
        float[] valueRanks = {0.95f, 0.8f, 0.79f, 0.6f, 0.3f, 0.1f, Float.NaN};
        int[] truth = {0, 0, 0, 1, 2, 3, 3};
        FeatureTable table = FeatureTable.ofSize(valueRanks.length);
        System.arraycopy(valueRanks, 0, table.column(Feature.VALUE_RANK), 0, valueRanks.length);
        byte[] predicted = new byte[valueRanks.length];
        RuleTableClassifier.of(circles).classify(table, predicted);

        ConfusionMatrix m = ConfusionMatrix.of(circles.segmentNames(), truth, predicted, predicted.length);
        // Only 0.79 (just below the circle-1 line) is misplaced, into circle-2.
        assertThat(m.count(0, 1)).isEqualTo(1);
        assertThat(m.accuracy()).isEqualTo(6.0 / 7);
    }
}
