package org.segmentlab.model.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.segmentlab.model.DefinitionException;
import org.segmentlab.model.Problem;
import org.segmentlab.model.feature.Feature;

/**
 * A taxonomy refuses a clause that no customer can ever match (almost surely a typo such as min and max
 * swapped) and accepts every clause that some customer can match. Checked by brute force: with thresholds
 * on the grid {0, 1, 2}, a clause is satisfiable exactly when one of a few witness values satisfies it.
 */
class ClauseContradictionPropertyTest {

    private static final float[] WITNESSES = {-1f, 0f, 0.5f, 1f, 1.5f, 2f, 3f};

    @Provide
    Arbitrary<List<Condition>> oneFeatureClauses() {
        Arbitrary<Condition> condition = Combinators.combine(
                Arbitraries.of(Comparison.class), Arbitraries.of(0f, 1f, 2f))
                .as((comparison, threshold) -> new Condition(Feature.FREQUENCY, comparison, threshold));
        return condition.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 500)
    void acceptedExactlyWhenSomeCustomerCanMatch(@ForAll("oneFeatureClauses") List<Condition> clause) {
        boolean satisfiable = false;
        for (float w : WITNESSES) {
            satisfiable |= clause.stream().allMatch(c -> c.test(w));
        }
        if (satisfiable) {
            assertThatCode(() -> taxonomyWith(clause)).as("clause %s can match", clause).doesNotThrowAnyException();
        } else {
            DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> taxonomyWith(clause));
            assertThat(e).as("clause %s can never match", clause).isNotNull();
            assertThat(e.problems()).extracting(Problem::path).containsExactly("segments[0].when[0].frequency");
        }
    }

    /**
     * Regression: a strict bound that does not bind (above 1, when min 2 is tighter) once made
     * {@code above 1, min 2, max 2} — matched by frequency 2 — look contradictory.
     */
    @Example
    void aLooserStrictBoundDoesNotMakeAnEqualityClauseContradictory() {
        List<Condition> clause = List.of(
                Condition.of(Feature.FREQUENCY, Comparison.ABOVE, 1),
                Condition.of(Feature.FREQUENCY, Comparison.MIN, 2),
                Condition.of(Feature.FREQUENCY, Comparison.MAX, 2));
        assertThatCode(() -> taxonomyWith(clause)).doesNotThrowAnyException();
        assertThat(taxonomyWith(clause).classify(row(2f))).isZero();
    }

    private static Taxonomy taxonomyWith(List<Condition> clause) {
        return Taxonomy.of("t", Segment.of("a", new Rule(List.of(clause))), Segment.fallback("b"));
    }

    private static float[] row(float frequency) {
        float[] row = new float[Feature.all().size()];
        row[Feature.FREQUENCY.ordinal()] = frequency;
        return row;
    }
}
