package org.segmentlab.model.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Classifier accuracy against the simulated ground truth, as reported in every run with {@code truth:}. */
class ConfusionMatrixTest {

    private static final List<String> SEGMENTS = List.of("A", "B", "C", "D");
    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;
    private static final int D = 3;
    private static final int UNKNOWN = -1;

    /**
     * Twelve customers with a known truth, two without:
     * <pre>
     *            predicted A  B  C  D
     *   true A             5  1  0  0
     *   true B             2  3  1  0
     *   true C             0  0  0  0
     *   true D             0  0  0  0
     * </pre>
     */
    private static ConfusionMatrix handExample() {
        int[] truth = {A, A, A, A, A, A, B, B, B, B, B, B, UNKNOWN, UNKNOWN};
        byte[] predicted = {A, A, A, A, A, B, A, A, B, B, B, C, D, D};
        return ConfusionMatrix.of(SEGMENTS, truth, predicted, truth.length);
    }

    @Test
    void handComputedExample() {
        ConfusionMatrix m = handExample();
        double tolerance = 1e-12;

        assertThat(m.count(A, A)).isEqualTo(5);
        assertThat(m.count(A, B)).isEqualTo(1);
        assertThat(m.count(B, A)).isEqualTo(2);
        assertThat(m.count(B, C)).isEqualTo(1);
        // The two customers of unknown truth (predicted D) are left out.
        assertThat(m.total()).isEqualTo(12);
        assertThat(m.count(A, D) + m.count(B, D) + m.count(C, D) + m.count(D, D)).isZero();

        // accuracy = (5 + 3) / 12 = 2/3
        assertThat(m.accuracy()).isCloseTo(2.0 / 3, within(tolerance));
        // A: precision = 5 / (5 + 2) = 5/7, recall = 5 / (5 + 1) = 5/6, F1 = 2·TP / (2·TP + FP + FN) = 10/13
        assertThat(m.precision(A)).isCloseTo(5.0 / 7, within(tolerance));
        assertThat(m.recall(A)).isCloseTo(5.0 / 6, within(tolerance));
        assertThat(m.f1(A)).isCloseTo(10.0 / 13, within(tolerance));
        // B: precision = 3 / (1 + 3) = 3/4, recall = 3 / 6 = 1/2, F1 = 6 / (6 + 1 + 3) = 3/5
        assertThat(m.precision(B)).isCloseTo(0.75, within(tolerance));
        assertThat(m.recall(B)).isCloseTo(0.5, within(tolerance));
        assertThat(m.f1(B)).isCloseTo(0.6, within(tolerance));
        // C: predicted once, never true: precision 0/1 = 0, recall undefined, F1 = 0 (it counts against the score)
        assertThat(m.precision(C)).isZero();
        assertThat(m.recall(C)).isNaN();
        assertThat(m.f1(C)).isZero();
        // D: neither true nor predicted (once unknown truth is left out): no score, excluded from the mean
        assertThat(m.precision(D)).isNaN();
        assertThat(m.recall(D)).isNaN();
        assertThat(m.f1(D)).isNaN();
        // macro-F1 = (10/13 + 3/5 + 0) / 3 = (50/65 + 39/65) / 3 = 89/195 ≈ 0.4564
        assertThat(m.macroF1()).isCloseTo(89.0 / 195, within(tolerance));
    }

    @Test
    void aSegmentThatIsTrueButNeverPredictedScoresZero() {
        // Truth: one A, one B; everyone predicted A. B: recall 0, precision undefined -> F1 0.
        ConfusionMatrix m = ConfusionMatrix.ofCounts(List.of("A", "B"), new long[][] {{1, 0}, {1, 0}});
        assertThat(m.precision(B)).isNaN();
        assertThat(m.recall(B)).isZero();
        assertThat(m.f1(B)).isZero();
        // A: precision 1/2, recall 1 -> F1 2/3; macro-F1 = (2/3 + 0) / 2 = 1/3
        assertThat(m.macroF1()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(m.accuracy()).isEqualTo(0.5);
    }

    @Test
    void perfectClassificationScoresOne() {
        int[] truth = {0, 1, 2, 2, 1, 0, 0};
        byte[] predicted = {0, 1, 2, 2, 1, 0, 0};
        ConfusionMatrix m = ConfusionMatrix.of(List.of("x", "y", "z", "never"), truth, predicted, truth.length);
        assertThat(m.accuracy()).isEqualTo(1.0);
        assertThat(m.macroF1()).isEqualTo(1.0);
        for (int s = 0; s < 3; s++) {
            assertThat(m.precision(s)).isEqualTo(1.0);
            assertThat(m.recall(s)).isEqualTo(1.0);
        }
    }

    @Test
    void onlyTheFirstNCustomersAreCounted() {
        int[] truth = {0, 1, 1, 0};
        byte[] predicted = {0, 1, 0, 1};
        ConfusionMatrix m = ConfusionMatrix.of(List.of("x", "y"), truth, predicted, 2);
        assertThat(m.total()).isEqualTo(2);
        assertThat(m.accuracy()).isEqualTo(1.0);
    }

    @Test
    void nothingToScoreIsNaNNotZero() {
        ConfusionMatrix empty = ConfusionMatrix.of(List.of("x", "y"), new int[] {UNKNOWN, UNKNOWN}, new byte[] {0, 1}, 2);
        assertThat(empty.total()).isZero();
        assertThat(empty.accuracy()).isNaN();
        assertThat(empty.macroF1()).isNaN();
    }

    @Test
    void ofCountsCopiesAndChecksTheShape() {
        long[][] counts = {{3, 1}, {0, 2}};
        ConfusionMatrix m = ConfusionMatrix.ofCounts(List.of("x", "y"), counts);
        counts[0][0] = 100;
        assertThat(m.count(0, 0)).isEqualTo(3);
        assertThat(m.accuracy()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(m.segments()).containsExactly("x", "y");

        assertThatThrownBy(() -> ConfusionMatrix.ofCounts(List.of("x", "y"), new long[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("counts must be 2 x 2");
        assertThatThrownBy(() -> ConfusionMatrix.ofCounts(List.of("x", "y"), new long[][] {{1, 2, 3}, {4, 5, 6}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("counts must be 2 x 2");
    }
}
