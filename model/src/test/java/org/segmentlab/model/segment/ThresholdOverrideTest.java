package org.segmentlab.model.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.segmentlab.model.feature.Feature.COMPLAINTS;
import static org.segmentlab.model.feature.Feature.FREQUENCY;
import static org.segmentlab.model.feature.Feature.MARGIN;
import static org.segmentlab.model.feature.Feature.PROMO_LIFT;
import static org.segmentlab.model.feature.Feature.SATISFACTION;
import static org.segmentlab.model.feature.Feature.TENURE;
import static org.segmentlab.model.segment.Customers.segmentOf;
import static org.segmentlab.model.segment.Customers.typical;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.segmentlab.model.DefinitionException;
import org.segmentlab.model.Problem;
import org.segmentlab.model.feature.Feature;

/**
 * {@code thresholds: {loyal.frequency.min: 6}} in a scenario: overriding a threshold by path changes who lands
 * where, touches every clause that holds that condition, leaves the original taxonomy alone, and refuses a path
 * that names nothing with a message that says what exists.
 */
class ThresholdOverrideTest {

    private final Taxonomy fourTypes = BuiltInTaxonomies.fourTypes();

    @Test
    void loweringLoyalFrequencyMakesABiMonthlyBuyerLoyal() {
        Customers.Row fourPurchases = typical().with(FREQUENCY, 4).with(SATISFACTION, 0.8).with(PROMO_LIFT, 1);
        Taxonomy lenient = fourTypes.withThreshold("loyal.frequency.min", 4);

        assertThat(segmentOf(fourTypes, fourPurchases)).isEqualTo("fence-sitter");
        assertThat(segmentOf(lenient, fourPurchases)).isEqualTo("loyal");
        assertThat(segmentOf(lenient, fourPurchases.with(FREQUENCY, 3))).isEqualTo("fence-sitter");
        assertThat(lenient.threshold("loyal.frequency.min")).contains(4f);
    }

    @Test
    void raisingTheNegativeSatisfactionBoundMakesLukewarmCustomersNegative() {
        Customers.Row lukewarm = typical().with(SATISFACTION, 0.4);
        assertThat(segmentOf(fourTypes, lukewarm)).isEqualTo("fence-sitter");
        assertThat(segmentOf(fourTypes.withThreshold("negative.satisfaction.below", 0.5), lukewarm)).isEqualTo("negative");
    }

    @Test
    void theOriginalIsUnchanged() {
        Taxonomy before = BuiltInTaxonomies.fourTypes();
        Taxonomy after = fourTypes.withThreshold("loyal.frequency.min", 2).withThreshold("loyal.promoLift.below", 2);

        assertThat(fourTypes).isEqualTo(before);
        assertThat(fourTypes.threshold("loyal.frequency.min")).contains(6f);
        assertThat(fourTypes.threshold("loyal.promoLift.below")).contains(1.5f);
        assertThat(after.threshold("loyal.frequency.min")).contains(2f);
        assertThat(after.threshold("loyal.promoLift.below")).contains(2f);
        assertThat(after).isNotEqualTo(fourTypes);
        // Nothing but the named thresholds moves: same name, segments, order and other thresholds.
        assertThat(after.name()).isEqualTo("four-types");
        assertThat(after.segmentNames()).isEqualTo(fourTypes.segmentNames());
        assertThat(after.threshold("price-sensitive.promoLift.min")).contains(1.5f);
        assertThat(after.thresholdPaths()).isEqualTo(fourTypes.thresholdPaths());
    }

    @Test
    void overridingWithTheSameValueGivesAnEqualTaxonomy() {
        assertThat(fourTypes.withThreshold("loyal.frequency.min", 6)).isEqualTo(fourTypes);
    }

    @Test
    void everyClauseHoldingTheConditionChanges() {
        // dib's mutineer is "promoLift ≥ 1.5 and (margin < 0 or complaints ≥ 2)", written as two clauses.
        Taxonomy dib = BuiltInTaxonomies.dib().withThreshold("mutineer.promoLift.min", 1.3);

        Rule mutineer = dib.segments().get(dib.indexOf("mutineer")).rule().orElseThrow();
        assertThat(mutineer.anyOf()).hasSize(2).allSatisfy(clause -> assertThat(clause)
                .filteredOn(c -> c.feature() == PROMO_LIFT)
                .singleElement().extracting(Condition::threshold).isEqualTo(1.3f));
        Customers.Row discounted = typical().with(PROMO_LIFT, 1.4);
        assertThat(segmentOf(dib, discounted.with(MARGIN, -1))).isEqualTo("mutineer");
        assertThat(segmentOf(dib, discounted.with(COMPLAINTS, 2))).isEqualTo("mutineer");
        assertThat(segmentOf(BuiltInTaxonomies.dib(), discounted.with(COMPLAINTS, 2))).isEqualTo("regular");
    }

    @Test
    void everyListedPathOfEveryBuiltInCanBeOverridden() {
        for (String name : BuiltInTaxonomies.names()) {
            Taxonomy taxonomy = BuiltInTaxonomies.byName(name).orElseThrow();
            for (String path : taxonomy.thresholdPaths()) {
                float moved = taxonomy.threshold(path).orElseThrow() + 0.25f;
                assertThat(taxonomy.withThreshold(path, moved).threshold(path)).as(name + " " + path).contains(moved);
            }
        }
    }

    @Test
    void aTypoInTheSegmentNamesTheTaxonomyAndItsSegments() {
        assertThat(problem(() -> fourTypes.withThreshold("royal.frequency.min", 4))).isEqualTo(new Problem(
                "royal.frequency.min",
                "unknown segment 'royal' in taxonomy 'four-types'; allowed: negative, loyal, price-sensitive, fence-sitter"));
    }

    @Test
    void aTypoInTheFeatureListsTheFeatures() {
        assertThat(problem(() -> fourTypes.withThreshold("loyal.frequncy.min", 4))).isEqualTo(new Problem(
                "loyal.frequncy.min",
                "unknown feature 'frequncy'; allowed: recency, frequency, monetary, discountShare, satisfaction, "
                        + "complaints, referrals, costToServe, margin, tenure, valueRank, promoLift, serviceToMargin"));
    }

    @Test
    void aTypoInTheComparisonListsTheComparisons() {
        assertThat(problem(() -> fourTypes.withThreshold("loyal.frequency.atLeast", 4))).isEqualTo(new Problem(
                "loyal.frequency.atLeast", "unknown comparison 'atLeast'; allowed: min, max, above, below"));
    }

    @Test
    void aConditionTheSegmentLacksListsItsThresholds() {
        assertThat(problem(() -> fourTypes.withThreshold("loyal.frequency.max", 20))).isEqualTo(new Problem(
                "loyal.frequency.max",
                "segment 'loyal' has no condition frequency.max; its thresholds are: loyal.frequency.min, loyal.satisfaction.min, loyal.promoLift.below"));
        assertThat(problem(() -> fourTypes.withThreshold("loyal.tenure.min", 12))).isEqualTo(new Problem(
                "loyal.tenure.min",
                "segment 'loyal' has no condition tenure.min; its thresholds are: loyal.frequency.min, loyal.satisfaction.min, loyal.promoLift.below"));
    }

    @Test
    void theDefaultSegmentHasNoThresholds() {
        assertThat(problem(() -> fourTypes.withThreshold("fence-sitter.frequency.min", 1))).isEqualTo(new Problem(
                "fence-sitter.frequency.min", "segment 'fence-sitter' is the default and has no thresholds"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"loyal.frequency", "frequency", "", "loyal.frequency.min.x"})
    void aPathIsThreeParts(String path) {
        assertThat(problem(() -> fourTypes.withThreshold(path, 4))).isEqualTo(new Problem(
                path, "a threshold path is segment.feature.comparison, e.g. loyal.frequency.min"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aThresholdMustBeFinite(double value) {
        assertThat(problem(() -> fourTypes.withThreshold("loyal.frequency.min", value))).isEqualTo(new Problem(
                "loyal.frequency.min", "a threshold must be a finite number, got " + value));
    }

    @Test
    void aThresholdBeyondFloatRangeIsADefinitionProblemToo() {
        // Thresholds are held as floats: 1e300 is finite as a double but not as a float.
        assertThat(problem(() -> fourTypes.withThreshold("loyal.frequency.min", -1e300))).isEqualTo(new Problem(
                "loyal.frequency.min", "a threshold must be between -3.4028235E38 and 3.4028235E38 (thresholds are floats), got -1.0E300"));
        assertThat(fourTypes.withThreshold("loyal.frequency.min", 1e30).threshold("loyal.frequency.min")).contains(1e30f);
    }

    @Test
    void anOverrideThatContradictsItsClauseIsRefusedWithTheClausePath() {
        Taxonomy tenureBand = Taxonomy.of("bands",
                Segment.of("mid", Rule.allOf(Condition.of(TENURE, Comparison.MIN, 12), Condition.of(TENURE, Comparison.BELOW, 36))),
                Segment.fallback("other"));
        assertThat(segmentOf(tenureBand.withThreshold("mid.tenure.below", 13), typical().with(TENURE, 12))).isEqualTo("mid");
        assertThat(problem(() -> tenureBand.withThreshold("mid.tenure.below", 12))).isEqualTo(new Problem(
                "segments[0].when[0].tenure", "the lower bound 12.0 is not below the upper bound 12.0: the condition can never hold"));
    }

    @Test
    void thresholdPathsListEachPathOnceEvenWhenHeldByManyClauses() {
        Taxonomy t = Taxonomy.of("t",
                Segment.of("a", new Rule(List.of(
                        List.of(Condition.of(FREQUENCY, Comparison.MIN, 2), Condition.of(SATISFACTION, Comparison.ABOVE, 0.5)),
                        List.of(Condition.of(FREQUENCY, Comparison.MIN, 3), Condition.of(Feature.REFERRALS, Comparison.MIN, 1))))),
                Segment.fallback("b"));
        assertThat(t.thresholdPaths()).containsExactly("a.frequency.min", "a.satisfaction.above", "a.referrals.min");
        // threshold(path) reports the first clause's value; an override sets them all to one value.
        assertThat(t.threshold("a.frequency.min")).contains(2f);
        Taxonomy overridden = t.withThreshold("a.frequency.min", 5);
        assertThat(overridden.segments().get(0).rule().orElseThrow().anyOf())
                .allSatisfy(clause -> assertThat(clause.get(0).threshold()).isEqualTo(5f));
    }

    private static Problem problem(Runnable definition) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, definition::run);
        assertThat(e).as("expected a DefinitionException").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }
}
