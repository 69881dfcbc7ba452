package org.segmentlab.model.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.model.treatment.TreatmentParameter.ACQUISITION_BOOST;
import static org.segmentlab.model.treatment.TreatmentParameter.BAD_EXPERIENCE_MULTIPLIER;
import static org.segmentlab.model.treatment.TreatmentParameter.ADVOCACY_MULTIPLIER;
import static org.segmentlab.model.treatment.TreatmentParameter.BLOCK_DISCOUNTS;
import static org.segmentlab.model.treatment.TreatmentParameter.CHURN_MULTIPLIER;
import static org.segmentlab.model.treatment.TreatmentParameter.COST;
import static org.segmentlab.model.treatment.TreatmentParameter.DISCOUNT;
import static org.segmentlab.model.treatment.TreatmentParameter.FIXED_COST;
import static org.segmentlab.model.treatment.TreatmentParameter.LEAKAGE;
import static org.segmentlab.model.treatment.TreatmentParameter.PURCHASE_LIFT;
import static org.segmentlab.model.treatment.TreatmentParameter.RECOVERY_PROBABILITY;
import static org.segmentlab.model.treatment.TreatmentParameter.SATISFACTION_DELTA;
import static org.segmentlab.model.treatment.TreatmentParameter.SERVICE_CAP;
import static org.segmentlab.model.treatment.TreatmentParameter.SERVICE_FEE;
import static org.segmentlab.model.treatment.TreatmentParameter.TERMINATE;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The twelve treatments DESIGN.md names, {@code fix-root-cause} (fixing what the complaints reveal) and
 * {@code win-back} (an offer to the recently churned), with the
 * defaults documented in {@code docs/segments.md}.
 */
class BuiltInTreatmentsTest {

    /** The non-neutral parameters of each built-in, as the documentation table states them. */
    static final Map<String, Map<TreatmentParameter, Double>> DOCUMENTED = Map.ofEntries(
            Map.entry("none", Map.of()),
            Map.entry("loyalty-perks", Map.of(COST, 2.0, PURCHASE_LIFT, 1.05, CHURN_MULTIPLIER, 0.7,
                    SATISFACTION_DELTA, 0.02, ADVOCACY_MULTIPLIER, 1.3)),
            Map.entry("unique-offer", Map.of(COST, 1.5, PURCHASE_LIFT, 1.15, CHURN_MULTIPLIER, 0.85, SATISFACTION_DELTA, 0.01)),
            Map.entry("price-campaign", Map.of(COST, 0.5, DISCOUNT, 0.15, LEAKAGE, 0.1, CHURN_MULTIPLIER, 0.9)),
            Map.entry("service-recovery", Map.of(COST, 5.0, CHURN_MULTIPLIER, 0.8, SATISFACTION_DELTA, 0.03,
                    RECOVERY_PROBABILITY, 0.6)),
            Map.entry("no-discounts", Map.of(BLOCK_DISCOUNTS, 1.0, CHURN_MULTIPLIER, 1.3, SATISFACTION_DELTA, -0.02)),
            Map.entry("terminate", Map.of(TERMINATE, 1.0)),
            Map.entry("service-standards", Map.of(COST, 0.5, SATISFACTION_DELTA, -0.01, SERVICE_CAP, 1.0)),
            Map.entry("charge-for-extras", Map.of(SERVICE_CAP, 1.0, SERVICE_FEE, 15.0)),
            Map.entry("snow-leopard-hunt", Map.of(COST, 3.0, FIXED_COST, 8000.0, CHURN_MULTIPLIER, 0.8, ACQUISITION_BOOST, 3.0)),
            Map.entry("basic-service", Map.of(COST, 0.3, SATISFACTION_DELTA, 0.005)),
            Map.entry("keep-positive", Map.of(COST, 0.1, ACQUISITION_BOOST, -0.5)),
            Map.entry("fix-root-cause", Map.of(FIXED_COST, 6000.0, BAD_EXPERIENCE_MULTIPLIER, 0.6)),
            Map.entry("win-back", Map.of(TreatmentParameter.WIN_BACK_PROBABILITY, 0.15, TreatmentParameter.WIN_BACK_COST, 4.0)));

    static Iterable<String> names() {
        return BuiltInTreatments.names();
    }

    @Test
    void theNamesInDocumentationOrder() {
        assertThat(BuiltInTreatments.names()).containsExactly("none", "loyalty-perks", "unique-offer", "price-campaign",
                "service-recovery", "no-discounts", "terminate", "service-standards", "charge-for-extras",
                "snow-leopard-hunt", "basic-service", "keep-positive", "fix-root-cause", "win-back");
        assertThat(BuiltInTreatments.all().keySet()).containsExactlyElementsOf(BuiltInTreatments.names());
        assertThat(BuiltInTreatments.byName("loyalty_perks")).isEmpty();
        assertThat(BuiltInTreatments.byName("discount")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("names")
    void eachExistsUnderItsNameWithItsDocumentedParameters(String name) {
        Treatment t = BuiltInTreatments.byName(name).orElseThrow();
        assertThat(t.name()).isEqualTo(name);
        assertThat(BuiltInTreatments.all().get(name)).isEqualTo(t);
        assertThat(nonNeutral(t)).as(name).isEqualTo(DOCUMENTED.get(name));
        for (TreatmentParameter p : TreatmentParameter.values()) {
            assertThat(p.check(t.get(p))).as(name + "." + p.key()).isNull();
        }
    }

    @Test
    void noneHasNoEffect() {
        Treatment none = BuiltInTreatments.byName("none").orElseThrow();
        assertThat(none.parameters()).isEqualTo(Treatment.neutral("x").parameters());
        assertThat(none.cost()).isZero();
        assertThat(none.discount()).isZero();
        assertThat(none.purchaseLift()).isEqualTo(1.0);
        assertThat(none.churnMultiplier()).isEqualTo(1.0);
        assertThat(none.advocacyMultiplier()).isEqualTo(1.0);
        assertThat(none.serviceCap()).isEqualTo(1e6);
        assertThat(none.terminates()).isFalse();
        assertThat(none.blocksDiscounts()).isFalse();
        assertThat(none).hasToString("none{}");
    }

    @Test
    void everyOtherBuiltInDoesSomething() {
        BuiltInTreatments.all().forEach((name, t) -> {
            if (!name.equals("none")) {
                assertThat(nonNeutral(t)).as(name).isNotEmpty();
            }
        });
    }

    @Test
    void theTextbookTreatmentsPullTheRightLevers() {
        assertThat(BuiltInTreatments.byName("terminate").orElseThrow().terminates()).isTrue();
        assertThat(BuiltInTreatments.byName("no-discounts").orElseThrow().blocksDiscounts()).isTrue();
        // The discount trap: a price campaign leaks to other segments unless blocked.
        Treatment campaign = BuiltInTreatments.byName("price-campaign").orElseThrow();
        assertThat(campaign.discount()).isPositive();
        assertThat(campaign.leakage()).isPositive();
        // Hunting snow leopards: four times the advertising acquisition (boost 3 = 1 + 3), at a fixed monthly cost.
        Treatment hunt = BuiltInTreatments.byName("snow-leopard-hunt").orElseThrow();
        assertThat(1 + hunt.acquisitionBoost()).isEqualTo(4.0);
        assertThat(hunt.fixedCost()).isPositive();
        // Circle 4: acquire half as many.
        assertThat(1 + BuiltInTreatments.byName("keep-positive").orElseThrow().acquisitionBoost()).isEqualTo(0.5);
        // Retention treatments lower churn; stopping discounts raises it.
        for (String retaining : new String[] {"loyalty-perks", "unique-offer", "service-recovery", "snow-leopard-hunt"}) {
            assertThat(BuiltInTreatments.byName(retaining).orElseThrow().churnMultiplier()).as(retaining).isLessThan(1);
        }
        assertThat(BuiltInTreatments.byName("no-discounts").orElseThrow().churnMultiplier()).isGreaterThan(1);
    }

    @Test
    void overridingABuiltInInAScenarioLeavesTheBuiltInAlone() {
        // treatments: {price-campaign: {discount: 0.15, leakage: 0.1, cost: 1.5}} as in DESIGN.md
        Treatment overridden = BuiltInTreatments.byName("price-campaign").orElseThrow().with(Map.of(COST, 1.5));
        assertThat(overridden.cost()).isEqualTo(1.5);
        assertThat(BuiltInTreatments.byName("price-campaign").orElseThrow().cost()).isEqualTo(0.5);
    }

    static Map<TreatmentParameter, Double> nonNeutral(Treatment t) {
        Map<TreatmentParameter, Double> m = new EnumMap<>(TreatmentParameter.class);
        t.parameters().forEach((p, v) -> {
            if (v != p.neutral()) {
                m.put(p, v);
            }
        });
        return m;
    }
}
