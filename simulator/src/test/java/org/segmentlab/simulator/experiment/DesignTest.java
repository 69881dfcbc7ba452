package org.segmentlab.simulator.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Factors as written on the command line, and the points of grid, list and Latin-hypercube designs. */
class DesignTest {

    @Test
    void factorsParseListsRangesAndWholeNumberRanges() {
        assertThat(Factor.parse("market.imitation=0.1,0.2,0.3").values()).containsExactly("0.1", "0.2", "0.3");
        Factor range = Factor.parse("market.imitation=0.1..0.4:4");
        assertThat(range.isRange()).isTrue();
        assertThat(range.integer()).isFalse();
        assertThat(range.gridValues()).containsExactly("0.1", "0.2", "0.3", "0.4");
        Factor whole = Factor.parse("thresholds.loyal.frequency.min=2..12");
        assertThat(whole.integer()).isTrue();
        assertThat(whole.gridValues()).containsExactly("2", "5", "7", "10", "12");
        assertThat(Factor.parse("thresholds.loyal.frequency.min=2.0..12.0").integer()).isFalse();
        // Commas inside braces belong to a value: a list of distributions.
        assertThat(Factor.parse("archetypes.loyal.churn={dist: beta, alpha: 1, beta: 60},0.02").values())
                .containsExactly("{dist: beta, alpha: 1, beta: 60}", "0.02");
    }

    @Test
    void badFactorsSayWhatIsAllowed() {
        assertThatThrownBy(() -> Factor.parse("market.imitation")).hasMessageContaining("PATH=VALUES");
        assertThatThrownBy(() -> Factor.parse("market.imitation=0.4..0.1")).hasMessageContaining("lo < hi");
        assertThatThrownBy(() -> Factor.parse("market.imitation=a..b")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Factor.parse("market.imitation=0.1..0.2:x")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Design.grid(List.of(Factor.parse("a=1,2"), Factor.parse("a=3,4")))).hasMessageContaining("varied twice");
    }

    @Test
    void aGridIsEveryCombinationLastFactorFastest() {
        Design d = Design.grid(List.of(Factor.parse("a=1,2"), Factor.parse("b=x,y,z")));
        assertThat(d.size()).isEqualTo(6);
        List<List<String>> points = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            points.add(d.point(i));
        }
        assertThat(points).containsExactly(List.of("1", "x"), List.of("1", "y"), List.of("1", "z"),
                List.of("2", "x"), List.of("2", "y"), List.of("2", "z"));
    }

    @Test
    void aListDesignZipsTheValues() {
        Design d = Design.list(List.of(Factor.parse("a=1,2,3"), Factor.parse("b=x,y,z")));
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.point(1)).containsExactly("2", "y");
        assertThatThrownBy(() -> Design.list(List.of(Factor.parse("a=1,2"), Factor.parse("b=x,y,z"))))
                .hasMessageContaining("same number of values");
    }

    /** The defining property of a Latin hypercube: in every factor, each of the n strata holds exactly one point. */
    @Test
    void aLatinHypercubeHitsEachStratumOfEachFactorOnce() {
        int n = 50;
        Design d = Design.latinHypercube(List.of(Factor.parse("a=0.0..1.0"), Factor.parse("b=-5.0..15.0"),
                Factor.parse("c=100.0..101.0")), n, 42);
        for (int j = 0; j < 3; j++) {
            Factor f = d.factors().get(j);
            Set<Integer> strata = new HashSet<>();
            for (int i = 0; i < n; i++) {
                double x = Double.parseDouble(d.point(i).get(j));
                assertThat(x).isBetween(f.low(), f.high());
                strata.add((int) Math.floor((x - f.low()) / (f.high() - f.low()) * n));
            }
            assertThat(strata).as(f.path()).hasSize(n);
        }
        // Seeded: the same seed gives the same design, another seed another.
        Design again = Design.latinHypercube(d.factors(), n, 42);
        Design other = Design.latinHypercube(d.factors(), n, 43);
        assertThat(again.point(7)).isEqualTo(d.point(7));
        assertThat(other.point(7)).isNotEqualTo(d.point(7));
    }

    @Test
    void aWholeNumberLatinHypercubeSpreadsOverTheIntegersEvenly() {
        Design d = Design.latinHypercube(List.of(Factor.parse("k=1..10")), 20, 1);
        int[] hits = new int[11];
        for (int i = 0; i < 20; i++) {
            hits[Integer.parseInt(d.point(i).get(0))]++;
        }
        for (int k = 1; k <= 10; k++) {
            assertThat(hits[k]).as("value " + k).isEqualTo(2);
        }
    }

    @Test
    void theInterleavedOrderIsAPermutationWhosePrefixesSpreadOverTheDesign() {
        for (int n : new int[] {1, 2, 7, 200, 1024, 1025}) {
            int[] order = PointOrder.interleaved(n);
            assertThat(order).as("n=" + n).hasSize(n);
            assertThat(java.util.Arrays.stream(order).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, n).toArray());
        }
        // The first 4 of 200 points fall in the 4 quarters of the index range, the first 16 in at least 12 sixteenths.
        int[] order = PointOrder.interleaved(200);
        Set<Integer> quarters = new HashSet<>();
        Set<Integer> sixteenths = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            if (i < 4) {
                quarters.add(order[i] * 4 / 200);
            }
            sixteenths.add(order[i] * 16 / 200);
        }
        assertThat(quarters).hasSize(4);
        assertThat(sixteenths).hasSizeGreaterThanOrEqualTo(12);
    }
}
