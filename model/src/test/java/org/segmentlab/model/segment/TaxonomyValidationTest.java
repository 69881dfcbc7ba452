package org.segmentlab.model.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.segmentlab.model.feature.Feature.DISCOUNT_SHARE;
import static org.segmentlab.model.feature.Feature.FREQUENCY;
import static org.segmentlab.model.feature.Feature.SATISFACTION;
import static org.segmentlab.model.segment.Comparison.ABOVE;
import static org.segmentlab.model.segment.Comparison.BELOW;
import static org.segmentlab.model.segment.Comparison.MAX;
import static org.segmentlab.model.segment.Comparison.MIN;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.segmentlab.model.DefinitionException;
import org.segmentlab.model.Problem;

/**
 * A taxonomy written by hand (inline in a scenario) is checked when built: each mistake is reported with the
 * path a loader turns into {@code file:line:column}, and every mistake at once, not just the first.
 */
class TaxonomyValidationTest {

    private static final Rule FREQUENT = Rule.allOf(Condition.of(FREQUENCY, MIN, 6));

    @Test
    void noSegments() {
        assertThat(problems(List.of())).containsExactly(new Problem(
                "segments", "a taxonomy needs at least one segment (the last one is the default)"));
        assertThat(problems(null)).containsExactly(new Problem(
                "segments", "a taxonomy needs at least one segment (the last one is the default)"));
    }

    @Test
    void aSingleDefaultSegmentIsATaxonomyThatPutsEveryoneThere() {
        Taxonomy everyone = Taxonomy.of("one", Segment.fallback("all"));
        assertThat(everyone.classify(Customers.typical().values())).isZero();
        assertThat(everyone.thresholdPaths()).isEmpty();
    }

    @Test
    void aRuleOnTheLastSegment() {
        assertThat(problems(List.of(Segment.of("loyal", FREQUENT), Segment.of("other", FREQUENT)))).containsExactly(new Problem(
                "segments[1].when", "the last segment 'other' is the default and must not have a rule"));
    }

    @Test
    void aSegmentBeforeTheLastWithoutARule() {
        assertThat(problems(List.of(Segment.fallback("loyal"), Segment.fallback("other")))).containsExactly(new Problem(
                "segments[0].when", "segment 'loyal' needs a rule; only the last segment is the default"));
    }

    @Test
    void duplicateSegmentNames() {
        assertThat(problems(List.of(Segment.of("loyal", FREQUENT), Segment.of("loyal", FREQUENT), Segment.fallback("other"))))
                .containsExactly(new Problem("segments[1].name", "duplicate segment name 'loyal'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1st", "-loyal", "price sensitive", "loyal.vip", "café", "_x"})
    void badSegmentNames(String name) {
        assertThat(problems(List.of(Segment.of(name, FREQUENT), Segment.fallback("other")))).containsExactly(new Problem(
                "segments[0].name", "must start with a letter and use letters, digits, '-' or '_', got '" + name + "'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "loyal", "fence-sitter", "circle_4", "Tier2"})
    void goodSegmentNames(String name) {
        assertThat(Taxonomy.of("t", Segment.of(name, FREQUENT), Segment.fallback("other")).segmentNames())
                .containsExactly(name, "other");
    }

    @Test
    void minAboveMaxInOneClause() {
        Rule swapped = new Rule(List.of(
                List.of(Condition.of(SATISFACTION, BELOW, 0.3)),
                List.of(Condition.of(FREQUENCY, MIN, 6), Condition.of(FREQUENCY, MAX, 3))));
        assertThat(problems(List.of(Segment.of("odd", swapped), Segment.fallback("other")))).containsExactly(new Problem(
                "segments[0].when[1].frequency", "the lower bound 6.0 is not below the upper bound 3.0: the condition can never hold"));
    }

    @Test
    void aboveEqualToBelowInOneClause() {
        Rule empty = Rule.allOf(Condition.of(DISCOUNT_SHARE, ABOVE, 0.5), Condition.of(DISCOUNT_SHARE, BELOW, 0.5));
        assertThat(problems(List.of(Segment.of("half", empty), Segment.fallback("other"))))
                .containsExactly(new Problem("segments[0].when[0].discountShare",
                        "the lower bound 0.5 is not below the upper bound 0.5: the condition can never hold"));
    }

    @Test
    void equalBoundsAreFineWhenBothInclusive() {
        Rule exactlySix = Rule.allOf(Condition.of(FREQUENCY, MIN, 6), Condition.of(FREQUENCY, MAX, 6));
        Taxonomy t = Taxonomy.of("t", Segment.of("six", exactlySix), Segment.fallback("other"));
        assertThat(Customers.segmentOf(t, Customers.typical().with(FREQUENCY, 6))).isEqualTo("six");
        assertThat(Customers.segmentOf(t, Customers.typical().with(FREQUENCY, 7))).isEqualTo("other");
    }

    @Test
    void boundsInDifferentClausesNeverContradict() {
        // "frequency ≥ 6 or frequency ≤ 3" is an OR, not a contradiction.
        Rule eitherEnd = Rule.anyOf(Condition.of(FREQUENCY, MIN, 6), Condition.of(FREQUENCY, MAX, 3));
        Taxonomy t = Taxonomy.of("t", Segment.of("ends", eitherEnd), Segment.fallback("middle"));
        assertThat(Customers.segmentOf(t, Customers.typical().with(FREQUENCY, 2))).isEqualTo("ends");
        assertThat(Customers.segmentOf(t, Customers.typical().with(FREQUENCY, 4))).isEqualTo("middle");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        // Three mistakes: "a" has no rule but is not last; "a" again; and the last segment has a rule.
        List<Problem> problems = problems(List.of(Segment.fallback("a"), Segment.of("a", FREQUENT)));
        assertThat(problems).containsExactly(
                new Problem("segments[0].when", "segment 'a' needs a rule; only the last segment is the default"),
                new Problem("segments[1].name", "duplicate segment name 'a'"),
                new Problem("segments[1].when", "the last segment 'a' is the default and must not have a rule"));
    }

    @Test
    void theExceptionMessageListsEveryProblemOnItsOwnLine() {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> new Taxonomy("t", List.of(
                Segment.of("9", Rule.allOf(Condition.of(FREQUENCY, MIN, 6), Condition.of(FREQUENCY, BELOW, 2))),
                Segment.fallback("9"), Segment.fallback("z"))));
        assertThat(e.getMessage()).isEqualTo(String.join("\n",
                "segments[0].name: must start with a letter and use letters, digits, '-' or '_', got '9'",
                "segments[0].when[0].frequency: the lower bound 6.0 is not below the upper bound 2.0: the condition can never hold",
                "segments[1].name: must start with a letter and use letters, digits, '-' or '_', got '9'",
                "segments[1].name: duplicate segment name '9'",
                "segments[1].when: segment '9' needs a rule; only the last segment is the default"));
        assertThat(e.problems()).hasSize(5);
    }

    @Test
    void atMost127SegmentsBecauseASegmentIsStoredInAByte() {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 127; i++) {
            segments.add(Segment.of("s" + i, FREQUENT));
        }
        segments.add(Segment.fallback("rest"));
        assertThat(problems(segments)).containsExactly(new Problem("segments", "at most 127 segments are allowed, got 128"));
        assertThat(new Taxonomy("max", segments.subList(126, 128)).size()).isEqualTo(2);
    }

    @Test
    void rulesAndSegmentsNeedTheirParts() {
        assertThatThrownBy(() -> new Rule(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a rule needs at least one clause");
        assertThatThrownBy(() -> new Rule(List.of(List.of()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a rule clause needs at least one condition");
        assertThatThrownBy(() -> Segment.of(null, FREQUENT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Condition.of(FREQUENCY, MIN, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("frequency.min: threshold must be a finite number, got NaN");
        assertThatThrownBy(() -> Condition.of(FREQUENCY, MIN, 1e300)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("frequency.min: threshold must be between -3.4028235E38 and 3.4028235E38 (thresholds are floats), got 1.0E300");
    }

    @Test
    void aTaxonomyCannotBeChangedThroughTheListItWasBuiltFrom() {
        List<Segment> segments = new ArrayList<>(List.of(Segment.of("loyal", FREQUENT), Segment.fallback("other")));
        Taxonomy t = new Taxonomy("t", segments);
        segments.add(Segment.fallback("late"));
        assertThat(t.segmentNames()).containsExactly("loyal", "other");
        assertThatThrownBy(() -> t.segments().add(Segment.fallback("x"))).isInstanceOf(UnsupportedOperationException.class);
    }

    private static List<Problem> problems(List<Segment> segments) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> new Taxonomy("t", segments));
        assertThat(e).as("expected a DefinitionException").isNotNull();
        return e.problems();
    }
}
