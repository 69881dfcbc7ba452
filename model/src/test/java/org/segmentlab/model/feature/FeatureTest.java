package org.segmentlab.model.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The feature names are part of the scenario format (DESIGN.md, "Observable features"): they must not drift. */
class FeatureTest {

    @Test
    void scenarioKeysAreTheDesignNamesInOrder() {
        assertThat(Feature.all()).extracting(Feature::key).containsExactly("recency", "frequency", "monetary",
                "discountShare", "satisfaction", "complaints", "referrals", "costToServe", "margin", "tenure", "valueRank",
                "promoLift", "serviceToMargin");
        assertThat(Feature.allowedKeys()).isEqualTo("recency, frequency, monetary, discountShare, satisfaction, "
                + "complaints, referrals, costToServe, margin, tenure, valueRank, promoLift, serviceToMargin");
    }

    @Test
    void foundByTheirKeyOnly() {
        for (Feature f : Feature.all()) {
            assertThat(Feature.byKey(f.key())).contains(f);
            assertThat(f.unit()).isNotBlank();
        }
        assertThat(Feature.byKey("discount_share")).isEmpty();
        assertThat(Feature.byKey("DISCOUNT_SHARE")).isEmpty();
        assertThat(Feature.byKey("Frequency")).isEmpty();
    }

    @Test
    void unitsForAxisLabels() {
        assertThat(Feature.RECENCY.unit()).isEqualTo("months");
        assertThat(Feature.TENURE.unit()).isEqualTo("months");
        assertThat(Feature.MONETARY.unit()).isEqualTo("currency");
        assertThat(Feature.MARGIN.unit()).isEqualTo("currency");
        assertThat(Feature.COST_TO_SERVE.unit()).isEqualTo("currency");
        assertThat(Feature.DISCOUNT_SHARE.unit()).isEqualTo("share");
        assertThat(Feature.VALUE_RANK.unit()).isEqualTo("percentile 0-1");
    }

    @Test
    void theListOfFeaturesIsReadOnly() {
        assertThatThrownBy(() -> Feature.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
