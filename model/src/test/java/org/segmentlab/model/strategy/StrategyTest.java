package org.segmentlab.model.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.segmentlab.model.DefinitionException;
import org.segmentlab.model.Problem;
import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.model.segment.Taxonomy;
import org.segmentlab.model.treatment.BuiltInTreatments;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.model.treatment.TreatmentParameter;

/** Strategies as written in a scenario, resolved against a taxonomy and the known treatments before a run. */
class StrategyTest {

    private static final Taxonomy FOUR_TYPES = BuiltInTaxonomies.fourTypes();
    private static final Map<String, Treatment> BUILT_INS = BuiltInTreatments.all();

    private static String treatmentOf(ResolvedStrategy s, String segment) {
        return s.treatmentOf(s.taxonomy().indexOf(segment)).name();
    }

    @Test
    void theTextbookStrategyOfTheDesign() {
        Map<String, String> treatments = new LinkedHashMap<>();
        treatments.put("loyal", "loyalty-perks");
        treatments.put("fence-sitter", "unique-offer");
        treatments.put("price-sensitive", "price-campaign");
        treatments.put("negative", "service-recovery");
        ResolvedStrategy textbook = new Strategy("textbook", OptionalDouble.of(50000), treatments).resolve(FOUR_TYPES, BUILT_INS);

        assertThat(textbook.name()).isEqualTo("textbook");
        assertThat(textbook.budget()).hasValue(50000);
        assertThat(textbook.bySegment()).extracting(Treatment::name)
                .containsExactly("service-recovery", "loyalty-perks", "price-campaign", "unique-offer");
        assertThat(textbook.treatsAnyone()).isTrue();
    }

    @Test
    void defaultFillsEverySegmentNotNamed() {
        ResolvedStrategy s = Strategy.of("s", Map.of("loyal", "loyalty-perks", "default", "basic-service"))
                .resolve(FOUR_TYPES, BUILT_INS);
        assertThat(s.bySegment()).extracting(Treatment::name)
                .containsExactly("basic-service", "loyalty-perks", "basic-service", "basic-service");
    }

    @Test
    void withoutDefaultUnnamedSegmentsGetNone() {
        ResolvedStrategy s = Strategy.of("s", Map.of("negative", "service-recovery")).resolve(FOUR_TYPES, BUILT_INS);
        assertThat(treatmentOf(s, "negative")).isEqualTo("service-recovery");
        assertThat(treatmentOf(s, "loyal")).isEqualTo("none");
        assertThat(treatmentOf(s, "fence-sitter")).isEqualTo("none");
    }

    @Test
    void theBaselineTreatsNoOne() {
        ResolvedStrategy baseline = Strategy.of("baseline", Map.of("default", "none")).resolve(FOUR_TYPES, BUILT_INS);
        assertThat(baseline.bySegment()).extracting(Treatment::name).containsOnly("none");
        assertThat(baseline.treatsAnyone()).isFalse();
        assertThat(baseline.budget()).isEmpty();
        assertThat(Strategy.of("empty", Map.of()).resolve(FOUR_TYPES, BUILT_INS).treatsAnyone()).isFalse();
    }

    @Test
    void aStrategyResolvesAgainstAnyTaxonomy() {
        ResolvedStrategy dib = Strategy.of("dib", Map.of("mutineer", "no-discounts", "vampire", "charge-for-extras",
                "snow-leopard", "snow-leopard-hunt", "tribe", "loyalty-perks")).resolve(BuiltInTaxonomies.dib(), BUILT_INS);
        assertThat(dib.bySegment()).extracting(Treatment::name)
                .containsExactly("snow-leopard-hunt", "no-discounts", "charge-for-extras", "loyalty-perks", "none");
    }

    @Test
    void scenarioTreatmentsAreResolvedByName() {
        Map<String, Treatment> known = new LinkedHashMap<>(BUILT_INS);
        known.put("summer-sale", BUILT_INS.get("price-campaign").renamed("summer-sale").with(TreatmentParameter.DISCOUNT, 0.3));
        ResolvedStrategy s = Strategy.of("s", Map.of("price-sensitive", "summer-sale")).resolve(FOUR_TYPES, known);
        assertThat(s.treatmentOf(FOUR_TYPES.indexOf("price-sensitive")).discount()).isEqualTo(0.3);
    }

    @Test
    void unknownSegmentsAndTreatmentsAreReportedTogetherWithWhatIsAllowed() {
        Map<String, String> treatments = new LinkedHashMap<>();
        treatments.put("loyal", "loyalty-perks");
        treatments.put("royal", "loyalty-perks");
        treatments.put("negative", "apology");
        treatments.put("default", "nothing");
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> Strategy.of("s", treatments).resolve(FOUR_TYPES, BUILT_INS));

        String allowedTreatments = "none, loyalty-perks, unique-offer, price-campaign, service-recovery, no-discounts, "
                + "terminate, service-standards, charge-for-extras, snow-leopard-hunt, basic-service, keep-positive, fix-root-cause, win-back";
        assertThat(e.problems()).containsExactly(
                new Problem("treatments.royal", "unknown segment 'royal' in taxonomy 'four-types'; "
                        + "allowed: negative, loyal, price-sensitive, fence-sitter, default"),
                new Problem("treatments.negative", "unknown treatment 'apology'; allowed: " + allowedTreatments),
                new Problem("treatments.default", "unknown treatment 'nothing'; allowed: " + allowedTreatments));
    }

    @Test
    void aSegmentOfAnotherTaxonomyIsUnknown() {
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> Strategy.of("s", Map.of("circle-1", "loyalty-perks")).resolve(FOUR_TYPES, BUILT_INS));
        assertThat(e.problems()).extracting(Problem::path).containsExactly("treatments.circle-1");
    }

    @Test
    void withoutNoneAmongTheKnownTreatmentsUnnamedSegmentsNeedADefault() {
        Map<String, Treatment> onlyPerks = Map.of("loyalty-perks", BUILT_INS.get("loyalty-perks"));
        assertThatThrownBy(() -> Strategy.of("s", Map.of("loyal", "loyalty-perks")).resolve(FOUR_TYPES, onlyPerks))
                .isInstanceOf(DefinitionException.class)
                .hasMessageStartingWith("treatments.default: unknown treatment 'none'");
        assertThat(Strategy.of("s", Map.of("default", "loyalty-perks")).resolve(FOUR_TYPES, onlyPerks).bySegment()).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, -0.01, Double.NaN, Double.POSITIVE_INFINITY})
    void aBudgetMustBeAFiniteNonNegativeAmount(double budget) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> new Strategy("s", OptionalDouble.of(budget), Map.of()));
        assertThat(e.problems()).containsExactly(new Problem("budget", "must be a finite number >= 0, got " + budget));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5, 50000, 1e12})
    void aBudgetOfZeroOrMoreIsKept(double budget) {
        ResolvedStrategy s = new Strategy("s", OptionalDouble.of(budget), Map.of()).resolve(FOUR_TYPES, BUILT_INS);
        assertThat(s.budget()).hasValue(budget);
        assertThat(new Strategy("s", null, Map.of()).budget()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void aStrategyNeedsAName(String name) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> Strategy.of(name, Map.of()));
        assertThat(e.problems()).containsExactly(new Problem("name", "a strategy needs a name"));
    }

    @Test
    void aStrategyCannotBeChangedThroughItsMap() {
        Map<String, String> treatments = new LinkedHashMap<>(Map.of("loyal", "loyalty-perks"));
        Strategy s = Strategy.of("s", treatments);
        treatments.put("negative", "terminate");
        assertThat(s.treatments()).containsOnlyKeys("loyal");
        assertThatThrownBy(() -> s.treatments().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aResolvedStrategyHasOneTreatmentPerSegment() {
        assertThatThrownBy(() -> new ResolvedStrategy("s", OptionalDouble.empty(), FOUR_TYPES, List.of(BUILT_INS.get("none"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need one treatment per segment: 4, got 1");
    }
}
