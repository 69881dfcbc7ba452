package org.segmentlab.model.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.segmentlab.model.treatment.TreatmentParameter.ACQUISITION_BOOST;
import static org.segmentlab.model.treatment.TreatmentParameter.BLOCK_DISCOUNTS;
import static org.segmentlab.model.treatment.TreatmentParameter.CHURN_MULTIPLIER;
import static org.segmentlab.model.treatment.TreatmentParameter.COST;
import static org.segmentlab.model.treatment.TreatmentParameter.DISCOUNT;
import static org.segmentlab.model.treatment.TreatmentParameter.SATISFACTION_DELTA;
import static org.segmentlab.model.treatment.TreatmentParameter.SERVICE_CAP;
import static org.segmentlab.model.treatment.TreatmentParameter.TERMINATE;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.segmentlab.model.DefinitionException;
import org.segmentlab.model.Problem;

/** Treatments as a scenario overrides them: range checks with every bad value at once, immutability, flags. */
class TreatmentTest {

    @Test
    void everyBadValueIsReportedAtOnceWithItsKey() {
        Map<TreatmentParameter, Double> bad = new LinkedHashMap<>();
        bad.put(DISCOUNT, 1.2);
        bad.put(CHURN_MULTIPLIER, -1.0);
        bad.put(TERMINATE, 0.5);
        bad.put(SATISFACTION_DELTA, -1.5);
        bad.put(COST, Double.NaN);
        bad.put(ACQUISITION_BOOST, 2.0); // fine
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> Treatment.of("mine", bad));
        assertThat(e.problems()).containsExactly(
                new Problem("discount", "must be between 0 and 0.95, got 1.2"),
                new Problem("churnMultiplier", "must be between 0 and 100, got -1"),
                new Problem("terminate", "must be true or false, got 0.5"),
                new Problem("satisfactionDelta", "must be between -1 and 1, got -1.5"),
                new Problem("cost", "must be a finite number, got NaN"));
    }

    @Test
    void largeRangesAreWrittenWithoutExponents() {
        assertThat(SERVICE_CAP.check(2e6)).isEqualTo("must be between 0 and 1000000, got 2000000");
        assertThat(COST.check(-0.5)).isEqualTo("must be between 0 and 1000000000, got -0.5");
        assertThat(COST.check(Double.POSITIVE_INFINITY)).isEqualTo("must be a finite number, got Infinity");
    }

    @ParameterizedTest
    @EnumSource(TreatmentParameter.class)
    void theBoundsAndTheNeutralValueAreAllowed(TreatmentParameter p) {
        assertThat(p.check(p.min())).isNull();
        assertThat(p.check(p.max())).isNull();
        assertThat(p.check(p.neutral())).isNull();
        assertThat(p.check(p.max() + Math.ulp(p.max()) * 2)).isNotNull();
        assertThat(p.check(p.min() - Math.max(Math.ulp(p.min()), 1e-9))).isNotNull();
        assertThat(p.description()).isNotBlank();
    }

    /** What the schema, the docs table and the wiring test derive from a declaration is there and consistent. */
    @ParameterizedTest
    @EnumSource(TreatmentParameter.class)
    void everyDeclarationIsComplete(TreatmentParameter p) {
        assertThat(p.check(p.probe())).as(p.key() + " probe allowed").isNull();
        assertThat(p.probe()).as(p.key() + " probe is not neutral").isNotEqualTo(p.neutral());
        assertThat(p.unit()).as(p.key() + " unit").isNotBlank();
        assertThat(p.help()).as(p.key() + " help is a sentence").matches("[A-Za-z`].*[.]");
        assertThat(p.description()).doesNotContain("`");
        for (String need : p.needs()) {
            assertThat(need).as(p.key() + " need").matches("[A-Za-z\\[\\]0-9.]+: \\S.*");
            String key = need.substring(0, need.indexOf(':'));
            if (!key.contains(".")) {
                TreatmentParameter other = TreatmentParameter.byKey(key).orElseThrow(
                        () -> new AssertionError(p.key() + " needs an unknown parameter " + key));
                assertThat(other).as(p.key() + " needs another parameter").isNotEqualTo(p);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TreatmentParameter.class, names = {"TERMINATE", "BLOCK_DISCOUNTS"})
    void flagsAcceptOnlyZeroAndOne(TreatmentParameter flag) {
        assertThat(flag.isFlag()).isTrue();
        assertThat(flag.check(0)).isNull();
        assertThat(flag.check(1)).isNull();
        assertThat(flag.check(0.5)).isEqualTo("must be true or false, got 0.5");
        assertThat(flag.check(2)).isEqualTo("must be true or false, got 2.0");
        assertThat(flag.check(-1)).isEqualTo("must be true or false, got -1.0");
    }

    @Test
    void onlyTerminateAndBlockDiscountsAreFlags() {
        assertThat(Arrays.stream(TreatmentParameter.values()).filter(TreatmentParameter::isFlag))
                .containsExactlyInAnyOrder(TERMINATE, BLOCK_DISCOUNTS);
    }

    @Test
    void flagsReadAsBooleans() {
        Treatment t = Treatment.neutral("t").with(Map.of(TERMINATE, 1.0, BLOCK_DISCOUNTS, 1.0));
        assertThat(t.terminates()).isTrue();
        assertThat(t.blocksDiscounts()).isTrue();
        assertThat(t.with(TERMINATE, 0).terminates()).isFalse();
    }

    @Test
    void withReturnsANewTreatmentAndLeavesTheOriginalAlone() {
        Treatment base = Treatment.of("perks", Map.of(COST, 2.0));
        Treatment cheaper = base.with(COST, 1.0);
        Treatment discounted = base.with(Map.of(DISCOUNT, 0.1, CHURN_MULTIPLIER, 0.9));

        assertThat(base.cost()).isEqualTo(2.0);
        assertThat(base.discount()).isZero();
        assertThat(cheaper.cost()).isEqualTo(1.0);
        assertThat(discounted.cost()).isEqualTo(2.0);
        assertThat(discounted.discount()).isEqualTo(0.1);
        assertThat(discounted.churnMultiplier()).isEqualTo(0.9);
        assertThat(cheaper.name()).isEqualTo("perks");
    }

    @Test
    void aRefusedOverrideChangesNothing() {
        Treatment base = Treatment.of("perks", Map.of(COST, 2.0));
        assertThatThrownBy(() -> base.with(Map.of(COST, 3.0, DISCOUNT, 5.0))).isInstanceOf(DefinitionException.class);
        assertThat(base.cost()).isEqualTo(2.0);
        assertThat(base.discount()).isZero();
    }

    @Test
    void parametersNotGivenAreNeutral() {
        Treatment t = Treatment.of("t", Map.of(DISCOUNT, 0.2));
        for (TreatmentParameter p : TreatmentParameter.values()) {
            assertThat(t.get(p)).as(p.key()).isEqualTo(p == DISCOUNT ? 0.2 : p.neutral());
        }
        assertThat(t.parameters().keySet()).containsExactly(TreatmentParameter.values());
        assertThat(t).hasToString("t{discount=0.2}");
    }

    @Test
    void renamedKeepsTheParameters() {
        Treatment campaign = BuiltInTreatments.byName("price-campaign").orElseThrow();
        Treatment mine = campaign.renamed("summer-sale");
        assertThat(mine.name()).isEqualTo("summer-sale");
        assertThat(mine.parameters()).isEqualTo(campaign.parameters());
        assertThat(mine).isNotEqualTo(campaign);
        assertThat(mine.renamed("price-campaign")).isEqualTo(campaign).hasSameHashCodeAs(campaign);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aTreatmentNeedsAName(String name) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> Treatment.neutral(name));
        assertThat(e.problems()).containsExactly(new Problem("name", "a treatment needs a name"));
        assertThatThrownBy(() -> Treatment.neutral(null)).isInstanceOf(DefinitionException.class);
        assertThatThrownBy(() -> Treatment.neutral("ok").renamed(name)).isInstanceOf(DefinitionException.class);
    }

    @Test
    void scenarioKeysAreUniqueAndFoundByKey() {
        List<String> keys = Arrays.stream(TreatmentParameter.values()).map(TreatmentParameter::key).toList();
        assertThat(new HashSet<>(keys)).hasSameSizeAs(keys);
        for (TreatmentParameter p : TreatmentParameter.values()) {
            assertThat(TreatmentParameter.byKey(p.key())).contains(p);
        }
        assertThat(TreatmentParameter.byKey("Discount")).isEmpty();
        assertThat(TreatmentParameter.allowedKeys()).isEqualTo(String.join(", ", keys));
        // The DESIGN.md treatment vocabulary, as scenario keys.
        assertThat(keys).contains("cost", "discount", "purchaseLift", "churnMultiplier", "satisfactionDelta",
                "advocacyMultiplier", "serviceCap", "serviceFee", "recoveryProbability", "terminate", "acquisitionBoost",
                "leakage");
    }
}
