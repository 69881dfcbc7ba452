package org.segmentlab.model.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The columnar table the engine fills in place and the classifier streams. */
class FeatureTableTest {

    @Test
    void startsAtZeroWithOneColumnPerFeature() {
        FeatureTable t = FeatureTable.ofSize(3);
        assertThat(t.size()).isEqualTo(3);
        for (Feature f : Feature.all()) {
            assertThat(t.column(f)).containsExactly(0f, 0f, 0f);
        }
    }

    @Test
    void columnsAreLiveSoTheEngineWritesInPlace() {
        FeatureTable t = FeatureTable.ofSize(2);
        t.column(Feature.FREQUENCY)[1] = 7f;
        assertThat(t.get(Feature.FREQUENCY, 1)).isEqualTo(7f);
        t.set(Feature.MARGIN, 0, -3f);
        assertThat(t.column(Feature.MARGIN)[0]).isEqualTo(-3f);
        assertThat(t.column(Feature.RECENCY)).isNotSameAs(t.column(Feature.TENURE));
    }

    @Test
    void aRowIsACopyIndexedByFeatureOrdinal() {
        FeatureTable t = FeatureTable.ofSize(2);
        t.set(Feature.VALUE_RANK, 1, 0.9f);
        t.set(Feature.RECENCY, 1, 4f);
        float[] row = t.row(1);
        assertThat(row).hasSize(Feature.all().size());
        assertThat(row[Feature.VALUE_RANK.ordinal()]).isEqualTo(0.9f);
        assertThat(row[Feature.RECENCY.ordinal()]).isEqualTo(4f);
        row[Feature.RECENCY.ordinal()] = 99f;
        assertThat(t.get(Feature.RECENCY, 1)).isEqualTo(4f);
    }

    @Test
    void fillMarksAFeatureUnknownForEveryone() {
        FeatureTable t = FeatureTable.ofSize(4);
        t.fill(Feature.SATISFACTION, Float.NaN);
        for (float v : t.column(Feature.SATISFACTION)) {
            assertThat(v).isNaN();
        }
        assertThat(t.column(Feature.COMPLAINTS)).containsOnly(0f);
    }

    @Test
    void aNegativeSizeIsRefused() {
        assertThatThrownBy(() -> FeatureTable.ofSize(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be >= 0, got -1");
        assertThat(FeatureTable.ofSize(0).size()).isZero();
    }
}
