package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.simulator.engine.EngineRuns.assertSameRun;
import static org.segmentlab.simulator.engine.EngineRuns.run;

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

    /** The --set paths that neutralise a mechanism in this bound scenario: what a user would write by hand. */
    private static Map<String, String> byHand(Mechanism m, Scenario s) {
        return switch (m) {
            case WORD_OF_MOUTH -> zero("market.imitation", "market.referralConversion");
            case NEGATIVE_WORD_OF_MOUTH -> zero("market.negativeWeight", "behaviour.negativeWomChurnEffect",
                    "behaviour.terminationDetractorProbability");
            case REPUTATION -> zero("market.reputation.effect");
            case SATISFACTION -> {
                List<String> keys = new ArrayList<>(List.of("behaviour.complaintImpact", "behaviour.serviceFeeSatisfactionImpact"));
                treatmentsWith(s, TreatmentParameter.SATISFACTION_DELTA).forEach(t -> keys.add("treatments." + t + ".satisfactionDelta"));
                for (int i = 0; i < s.events().size(); i++) {
                    keys.add("events[" + i + "].satisfactionDelta");
                }
                yield zero(keys.toArray(String[]::new));
            }
            case PRICE_RESPONSE -> zero("behaviour.discountElasticity", "behaviour.priceGapPurchaseEffect",
                    "behaviour.priceGapChurnEffect", "behaviour.dealTraining");
            case FEE_RESPONSE -> zero("behaviour.serviceFeeElasticity");
            case TENURE -> zero("behaviour.tenureSpendGrowth", "behaviour.tenureServiceDecline");
            case EVENTS -> Map.of("events", "[]");
            case PROMOTIONS -> Map.of("promotions", "[]");
            case WIN_BACK -> {
                List<String> keys = new ArrayList<>(List.of("market.winBack.share"));
                treatmentsWith(s, TreatmentParameter.WIN_BACK_PROBABILITY).forEach(t -> keys.add("treatments." + t + ".winBackProbability"));
                yield zero(keys.toArray(String[]::new));
            }
            case ADVERTISING_RESPONSE -> zero("market.advertising.lift");
        };
    }

    /** Each path set to 0, in order. */
    private static Map<String, String> zero(String... paths) {
        Map<String, String> set = new LinkedHashMap<>();
        for (String p : paths) {
            set.put(p, "0");
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
