package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.model.treatment.TreatmentParameter;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.Mechanism;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * A switched-off mechanism runs exactly like the scenario with its parameters neutralised by hand through
 * {@code --set} paths (bit for bit: the switch is a transformation of the scenario, the engine does not know it), and
 * a switch the scenario does not use changes nothing. The shipped four-types scenario (events, promotions, word of
 * mouth, treatments with satisfaction shifts) at 3 000 customers and 12 months; a win-back and tenure variant covers
 * the treatment-level and tenure switches.
 */
class MechanismSwitchesTest {

    private static ScenarioDocument fourTypes() {
        return Scenarios.load(Path.of("..", "scenarios", "four-types.yaml")).with("market.initialCustomers", "3000")
                .with("market.potential", "30000").with("months", "12");
    }

    /** four-types with churned customers coming back, a win-back treatment in use and tenure effects. */
    private static ScenarioDocument withWinBackAndTenure() {
        return fourTypes().with("market.winBack", "{share: 0.5, delay: 2}")
                .with("treatments.back", "{base: none, winBackProbability: 0.3, winBackCost: 1}")
                .with("strategies[0].treatments.default", "back")
                .with("behaviour.tenureSpendGrowth", "0.2").with("behaviour.tenureServiceDecline", "0.1");
    }

    private static MetricsTable run(ScenarioDocument doc) {
        return Simulator.run(doc.scenario(), RunOptions.threads(2)).metrics();
    }

    /** The --set paths that neutralise a mechanism in this bound scenario: what a user would write by hand. */
    private static Map<String, String> byHand(Mechanism m, Scenario s) {
        Map<String, String> set = new LinkedHashMap<>();
        switch (m) {
            case WORD_OF_MOUTH -> {
                set.put("market.imitation", "0");
                set.put("market.referralConversion", "0");
            }
            case NEGATIVE_WORD_OF_MOUTH -> {
                set.put("market.negativeWeight", "0");
                set.put("behaviour.negativeWomChurnEffect", "0");
                set.put("behaviour.terminationDetractorProbability", "0");
            }
            case REPUTATION -> set.put("market.reputation.effect", "0");
            case SATISFACTION -> {
                set.put("behaviour.complaintImpact", "0");
                set.put("behaviour.serviceFeeSatisfactionImpact", "0");
                treatmentsWith(s, TreatmentParameter.SATISFACTION_DELTA).forEach(t -> set.put("treatments." + t + ".satisfactionDelta", "0"));
                for (int i = 0; i < s.events().size(); i++) {
                    set.put("events[" + i + "].satisfactionDelta", "0");
                }
            }
            case PRICE_RESPONSE -> {
                set.put("behaviour.discountElasticity", "0");
                set.put("behaviour.priceGapPurchaseEffect", "0");
                set.put("behaviour.priceGapChurnEffect", "0");
                set.put("behaviour.dealTraining", "0");
            }
            case FEE_RESPONSE -> set.put("behaviour.serviceFeeElasticity", "0");
            case TENURE -> {
                set.put("behaviour.tenureSpendGrowth", "0");
                set.put("behaviour.tenureServiceDecline", "0");
            }
            case EVENTS -> set.put("events", "[]");
            case PROMOTIONS -> set.put("promotions", "[]");
            case WIN_BACK -> {
                set.put("market.winBack.share", "0");
                treatmentsWith(s, TreatmentParameter.WIN_BACK_PROBABILITY).forEach(t -> set.put("treatments." + t + ".winBackProbability", "0"));
            }
            case ADVERTISING_RESPONSE -> set.put("market.advertising.lift", "0");
        }
        return set;
    }

    private static List<String> treatmentsWith(Scenario s, TreatmentParameter p) {
        List<String> names = new ArrayList<>();
        for (Treatment t : s.treatments().values()) {
            if (t.get(p) != p.neutral()) {
                names.add(t.name());
            }
        }
        return names;
    }

    private static void assertSameRun(MetricsTable actual, MetricsTable expected, String what) {
        for (String strategy : expected.strategies()) {
            for (String metric : expected.metrics()) {
                assertThat(actual.series(strategy, 0, metric)).as("%s: %s %s", what, strategy, metric)
                        .containsExactly(expected.series(strategy, 0, metric));
            }
        }
    }

    private static boolean differs(MetricsTable a, MetricsTable b) {
        for (String strategy : b.strategies()) {
            for (String metric : b.metrics()) {
                if (!java.util.Arrays.equals(a.series(strategy, 0, metric), b.series(strategy, 0, metric))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void eachSwitchOffRunsExactlyLikeItsParametersNeutralisedByHand() {
        ScenarioDocument doc = withWinBackAndTenure();
        Scenario bound = doc.scenario();
        MetricsTable full = run(doc);
        for (Mechanism m : Mechanism.values()) {
            assertThat(m.usedBy(bound)).as("%s is used by the test scenario", m.key()).isTrue();
            ScenarioDocument hand = doc;
            for (Map.Entry<String, String> e : byHand(m, bound).entrySet()) {
                hand = hand.with(e.getKey(), e.getValue());
            }
            MetricsTable off = run(doc.with("mechanisms." + m.key(), "off"));
            assertSameRun(off, run(hand), m.key() + " off");
            if (m != Mechanism.REPUTATION && m != Mechanism.FEE_RESPONSE && m != Mechanism.ADVERTISING_RESPONSE) {
                // Not ignored: the mechanism matters in this scenario (reputation barely moves in 12 months, nobody
                // is charged fees and no strategy advertises, so those three may leave the run as it was).
                assertThat(differs(off, full)).as(m.key() + " changes the run").isTrue();
            }
        }
    }

    @Test
    void wordOfMouthOffAcquiresNobodyByImitationOrReferral() {
        MetricsTable full = run(fourTypes());
        MetricsTable off = run(fourTypes().with("mechanisms.wordOfMouth", "off"));
        for (String strategy : off.strategies()) {
            assertThat(java.util.Arrays.stream(full.series(strategy, 0, "acquired_wom")).sum()).as(strategy).isPositive();
            assertThat(off.series(strategy, 0, "acquired_wom")).as(strategy).containsOnly(0.0);
            assertThat(off.series(strategy, 0, "acquired_referral")).as(strategy).containsOnly(0.0);
        }
    }

    @Test
    void aSwitchOfAMechanismTheScenarioDoesNotUseChangesNothing() {
        ScenarioDocument doc = fourTypes();
        assertThat(Mechanism.TENURE.usedBy(doc.scenario())).isFalse();
        assertThat(Mechanism.WIN_BACK.usedBy(doc.scenario())).isFalse();
        MetricsTable full = run(doc);
        assertSameRun(run(doc.with("mechanisms", "{tenure: off, winBack: off}")), full, "unused switches off");
    }
}
