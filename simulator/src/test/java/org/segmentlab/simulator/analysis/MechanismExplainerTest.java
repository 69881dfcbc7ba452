package org.segmentlab.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.scenario.Mechanism;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * A strategy that wins only through word of mouth (it makes customers recommend more, at no cost) is explained as
 * such: switching word of mouth off takes its whole advantage away, a mechanism the scenario lacks is not listed, and
 * the advantage is the paired difference of the last month's profit_cumulative.
 */
class MechanismExplainerTest {

    private static final String SCENARIO = String.join("\n",
            "name: advocates",
            "seed: 7",
            "months: 18",
            "replications: 3",
            "market: {potential: 40000, initialCustomers: 2000, innovation: 0.001, referralConversion: 0.2}",
            "archetypes:",
            "  - {name: a, share: 1, purchaseRate: 1, spend: 40, churn: 0.03, advocacy: 0.1, satisfaction: 0.9, badExperience: 0}",
            "treatments:",
            "  advocates: {base: none, advocacyMultiplier: 4}",
            "strategies:",
            "  - {name: plain, treatments: {default: none}}",
            "  - {name: referrals, treatments: {default: advocates}}",
            "");

    private static Scenario scenario() {
        return Scenarios.parse(SCENARIO, "advocates.yaml").scenario();
    }

    @Test
    void wordOfMouthCarriesAllOfAnAdvantageWonByReferrals() {
        List<ExplanationRow> rows = MechanismExplainer.explain(scenario(), RunOptions.threads(2), Set.of(), null);
        ExplanationRow wom = rows.stream().filter(r -> r.mechanism() == Mechanism.WORD_OF_MOUTH).findFirst().orElseThrow();
        assertThat(wom.strategy()).isEqualTo("referrals");
        assertThat(wom.advantage().mean()).isPositive();
        assertThat(wom.advantage().low()).as("the advantage is clear over 3 paired replications").isPositive();
        assertThat(wom.advantageOff().mean()).isCloseTo(0, within(1e-6 * wom.advantage().mean()));
        assertThat(wom.carried().mean()).isCloseTo(1, within(1e-6));
        assertThat(wom.carried().n()).isEqualTo(3);
        // Every row of the strategy shares the full model's advantage; the scenario has no tenure, events,
        // promotions or win-back, so they are not run.
        assertThat(rows).allSatisfy(r -> assertThat(r.advantage()).isEqualTo(wom.advantage()));
        assertThat(rows).extracting(ExplanationRow::mechanism)
                .doesNotContain(Mechanism.TENURE, Mechanism.EVENTS, Mechanism.PROMOTIONS, Mechanism.WIN_BACK);
    }

    @Test
    void onlyRestrictsTheMechanismsAndOnesAlreadyOffOrUnusedAreSkipped() {
        Scenario s = scenario();
        assertThat(MechanismExplainer.mechanismsToSwitch(s, Set.of(Mechanism.TENURE, Mechanism.REPUTATION)))
                .containsExactly(Mechanism.REPUTATION);
        assertThat(MechanismExplainer.mechanismsToSwitch(s.withMechanismsOff(Set.of(Mechanism.REPUTATION)), Set.of()))
                .contains(Mechanism.WORD_OF_MOUTH).doesNotContain(Mechanism.REPUTATION, Mechanism.TENURE);
        int[] runs = {0};
        List<ExplanationRow> rows = MechanismExplainer.explain(s, RunOptions.threads(2), Set.of(Mechanism.WORD_OF_MOUTH),
                (index, total, mechanism) -> {
                    runs[0]++;
                    assertThat(total).isEqualTo(2);
                });
        assertThat(runs[0]).isEqualTo(2);
        assertThat(rows).extracting(ExplanationRow::mechanism).containsExactly(Mechanism.WORD_OF_MOUTH);
    }

    @Test
    void theShareIsOneMinusTheRatioOfTheMeanAdvantagesWithADeltaMethodInterval() {
        MeanInterval share = MechanismExplainer.share(new double[] {100, 200, 300}, new double[] {40, 60, 110});
        assertThat(share.mean()).isCloseTo(1 - 70.0 / 200, within(1e-12));
        // Residuals (lost − R·full)/mean(full) = (−5, 10, −5)/200: sd 0.0433, t(0.975, 2) = 4.303.
        double half = 4.302652729911275 * Math.sqrt((0.025 * 0.025 + 0.05 * 0.05 + 0.025 * 0.025) / 2) / Math.sqrt(3);
        assertThat(share.high() - share.mean()).isCloseTo(half, within(1e-9));
        assertThat(share.mean() - share.low()).isCloseTo(half, within(1e-9));
        assertThat(MechanismExplainer.share(new double[] {5, -5}, new double[] {1, 1}).mean()).isNaN();
        assertThat(MechanismExplainer.share(new double[] {10}, new double[] {4}).low()).isNaN();
    }
}
