package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segmentlab.model.treatment.TreatmentParameter;
import org.segmentlab.simulator.scenario.BehaviourParameter;
import org.segmentlab.simulator.scenario.DeclaredValue;
import org.segmentlab.simulator.scenario.EventParameter;
import org.segmentlab.simulator.scenario.MarketParameter;
import org.segmentlab.simulator.scenario.ObservationParameter;

class LeverCatalogueTest {

    @Test
    void aLeverHasAPlainLabelAUnitAndTheSchemasHelp() {
        LeverCatalogue.Lever leak = LeverCatalogue.lever("treatments.price-campaign.leakage", "Treatments", "price-campaign",
                0.1, null, "EUR", 200_000);
        assertThat(leak.label()).isEqualTo("price-campaign: share of discounts leaking to non-targeted customers");
        assertThat(leak.unit()).startsWith("share");
        assertThat(leak.share()).isTrue();
        assertThat(leak.help()).startsWith("Monthly probability that the discount also reaches");
        assertThat(leak.max()).isEqualTo(1);

        LeverCatalogue.Lever cost = LeverCatalogue.lever("treatments.member-care.cost", "Treatments", "member-care", 2,
                null, "EUR", 200_000);
        assertThat(cost.unit()).isEqualTo("EUR per customer-month");
        assertThat(cost.max()).isEqualTo(10);
        assertThat(cost.value()).isEqualTo("2");
    }

    @Test
    void aThresholdIsNamedInWordsAndShownAsItsShortestFloat() {
        LeverCatalogue.Lever t = LeverCatalogue.lever("thresholds.loyal.discountShare.below", "Segment thresholds", null,
                0.3f, null, "EUR", 200_000);
        assertThat(t.label()).isEqualTo("loyal: share of purchases made in months offered a discount, 0-1 (confounded with exposure: see promoLift), less than");
        assertThat(t.value()).isEqualTo("0.3");
    }

    @Test
    void pathsOutsideTheCatalogueHaveNoControl() {
        assertThat(LeverCatalogue.covers("market.negativeWeight")).isTrue();
        assertThat(LeverCatalogue.covers("events[3].duration")).isTrue();
        assertThat(LeverCatalogue.covers("market.reputation.loss")).isFalse();
        assertThat(LeverCatalogue.covers("treatments.x.base")).isFalse();
    }

    /** The page shows an event's effect whenever the event uses it: every declared event value needs a control. */
    @Test
    void everyEventValueHasAControl() {
        for (EventParameter p : EventParameter.values()) {
            assertThat(LeverCatalogue.covers("events[0]." + p.key())).as("a lever for events[].%s", p.key()).isTrue();
        }
        LeverCatalogue.Lever price = LeverCatalogue.lever("events[0].competitorPrice", "Events", "Price war (month 4)",
                0.8, null, "EUR", 200_000);
        assertThat(price.share()).isTrue();
        assertThat(price.max()).isEqualTo(1);
        assertThat(price.help()).startsWith("A competitor's price");
    }

    /**
     * A treatment parameter's control comes from its declaration: every number a treatment can set has one, labelled
     * from the declaration, with the slider its range calls for (the same sliders the page had when they were listed).
     */
    @Test
    void everyTreatmentNumberHasAControlFromItsDeclaration() {
        for (TreatmentParameter p : TreatmentParameter.values()) {
            assertThat(LeverCatalogue.covers("treatments.vip." + p.key())).as("a lever for %s", p.key()).isEqualTo(!p.isFlag());
        }
        LeverCatalogue.Lever lift = LeverCatalogue.lever("treatments.vip.purchaseLift", "Treatments", "vip", 1, null,
                "EUR", 200_000);
        assertThat(lift.label()).isEqualTo("vip: " + TreatmentParameter.PURCHASE_LIFT.label());
        assertThat(lift.unit()).isEqualTo("×");
        assertThat(lift.max()).isEqualTo(3); // a multiplier: at least 3
        assertThat(LeverCatalogue.lever("treatments.vip.satisfactionDelta", "Treatments", "vip", 0.02, null, "EUR", 1000)
                .min()).isEqualTo(-1);
        assertThat(LeverCatalogue.lever("treatments.vip.winBackMonths", "Treatments", "vip", 6, null, "EUR", 1000)
                .unit()).isEqualTo("months");
        assertThat(LeverCatalogue.lever("treatments.vip.discount", "Treatments", "vip", 0.2, null, "EUR", 1000)
                .max()).isEqualTo(0.95); // a share, capped by the declared maximum
        assertThat(LeverCatalogue.lever("treatments.vip.acquisitionBoost", "Treatments", "vip", 1, null, "EUR", 1000)
                .min()).isLessThan(0); // a relative change may go down
    }

    /**
     * A market, behaviour or observation value gets its control from its declaration: each one declared with a control
     * has a lever at its path with the declared label; one without has none.
     */
    @Test
    void marketBehaviourAndObservationValuesHaveTheControlsTheirDeclarationsGive() {
        List<DeclaredValue> declared = new ArrayList<>();
        declared.addAll(List.of(BehaviourParameter.values()));
        declared.addAll(List.of(ObservationParameter.values()));
        for (DeclaredValue p : declared) {
            String path = p instanceof BehaviourParameter b ? b.path() : ((ObservationParameter) p).path();
            assertThat(LeverCatalogue.covers(path)).as("a lever for %s", path).isEqualTo(p.control().isPresent());
            p.control().ifPresent(c -> assertThat(LeverCatalogue.lever(path, "Behaviour", null, p.defaultValue(), null, "EUR",
                    1000).label()).isEqualTo(c.label()));
        }
        for (MarketParameter p : MarketParameter.values()) {
            if (p.control().isPresent()) {
                assertThat(LeverCatalogue.lever(p.path(), "Market", null, 1, null, "EUR", 1000).label())
                        .isEqualTo(p.control().get().label());
            }
        }
        LeverCatalogue.Lever voice = LeverCatalogue.lever("observation.voiceRate", "Behaviour", null, 0.5, null, "EUR", 1000);
        assertThat(voice.share()).isTrue();
        assertThat(voice.help()).startsWith("Probability a bad experience is voiced as a complaint");
        LeverCatalogue.Lever cost = LeverCatalogue.lever("market.acquisitionCost", "Market", null, 40, null, "USD", 1000);
        assertThat(cost.unit()).isEqualTo("USD per customer");
        // Listed entries keep their own sliders: Bass p is a small monthly probability, not a 0–1 share.
        assertThat(LeverCatalogue.lever("market.innovation", "Market", null, 0.002, null, "EUR", 1000).max()).isLessThan(0.1);
    }

    @Test
    void valuesAreShownAsAPersonWritesThem() {
        assertThat(LeverCatalogue.number(20000.0)).isEqualTo("20000");
        assertThat(LeverCatalogue.number(0.0001)).isEqualTo("0.0001");
        assertThat(LeverCatalogue.number(0.15)).isEqualTo("0.15");
        assertThat(LeverCatalogue.niceCeiling(7)).isEqualTo(10);
        assertThat(LeverCatalogue.niceCeiling(750_000)).isEqualTo(1_000_000);
        assertThat(LeverCatalogue.niceCeiling(150)).isEqualTo(200);
    }
}
