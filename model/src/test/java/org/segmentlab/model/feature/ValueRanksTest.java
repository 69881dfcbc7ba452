package org.segmentlab.model.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import org.junit.jupiter.api.Test;

/** The rule's building blocks; the paths that use it are checked together in the simulator's ValueRankContractTest. */
class ValueRanksTest {

    @Test
    void rankIsTheTieStartOverTheOthersAndOneAlone() {
        assertThat(ValueRanks.rank(0, 1)).isEqualTo(1f);
        assertThat(ValueRanks.rank(0, 5)).isZero();
        assertThat(ValueRanks.rank(4, 5)).isEqualTo(1f);
        assertThat(ValueRanks.rank(1, 4)).isEqualTo(1 / 3f);
    }

    @Test
    void nothingToRankWritesNothing() {
        float[] rank = {7f};
        ValueRanks.rank(new float[] {3f}, 0, rank);
        assertThat(rank).containsExactly(7f);
    }

    @Test
    void nanRevenueAndShortArraysAreRefused() {
        assertThatThrownBy(() -> ValueRanks.rank(new float[] {1f, Float.NaN}, 2, new float[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> ValueRanks.rank(new float[] {1f}, 2, new float[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeRevenueCountsAsZero() {
        float[] rank = new float[3];
        ValueRanks.rank(new float[] {-5f, -0f, 0f}, 3, rank);
        assertThat(rank).containsExactly(0f, 0f, 0f);
    }

    /** The sort key orders like the revenue (negative as 0) and ties exactly when the revenues are equal. */
    @Property(tries = 2000)
    void sortKeyOrdersLikeTheRevenue(@ForAll float a, @ForAll float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) {
            return;
        }
        float x = Math.max(0f, a);
        float y = Math.max(0f, b);
        assertThat(Integer.compare(ValueRanks.sortKey(a), ValueRanks.sortKey(b))).isEqualTo(Float.compare(x + 0f, y + 0f));
        assertThat(ValueRanks.sortKey(a)).isNotNegative();
    }
}
