package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.simulator.engine.EngineRuns.run;
import static org.segmentlab.simulator.engine.ScenarioFixture.beta;
import static org.segmentlab.simulator.engine.ScenarioFixture.constant;
import static org.segmentlab.simulator.engine.ScenarioFixture.gamma;
import static org.segmentlab.simulator.engine.ScenarioFixture.lognormalMedian;
import static org.segmentlab.simulator.engine.WordOfMouthAcquisitionTest.market;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.model.treatment.TreatmentParameter;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * Issue 15: the metrics the profit bridge splits customer-months with ({@code active_ads}, {@code active_wom},
 * {@code active_referral}, {@code active_winback}) and the fixed part of the treatment cost
 * ({@code treatment_fixed_cost}).
 */
class ActiveByChannelTest {
    private static final String[] CHANNELS = {"ads", "wom", "referral", "winback"};

    @Test
    void activeCustomersSplitExactlyIntoMonthZeroCustomersAndTheChannelsThatBroughtTheRest() {
        // Every channel is open: advertising, imitation, referrals and ex-customers coming back after two months.
        MetricsTable m = run(market().with("market.potential", "60000").with("market.initialCustomers", "6000")
                .with("market.winBack", "{share: 0.5, delay: 2}").with("months", "12"));
        int initial = 6000;
        for (String strategy : m.strategies()) {
            for (int t = 0; t <= m.months(); t++) {
                double byChannel = 0;
                for (String c : CHANNELS) {
                    double active = m.value(strategy, 0, "active_" + c, t);
                    byChannel += active;
                    if (t == 0) {
                        assertThat(active).as("nobody was acquired in the run at month 0 (%s)", c).isZero();
                        continue;
                    }
                    // A channel's active customers grow only by that channel's acquisitions (churn only removes).
                    double grew = active - m.value(strategy, 0, "active_" + c, t - 1);
                    assertThat(grew).as("%s %s month %d: growth of active_%s against acquired_%s", strategy, c, t, c, c)
                            .isLessThanOrEqualTo(m.value(strategy, 0, "acquired_" + c, t));
                }
                double monthZero = Math.round(m.value(strategy, 0, "retention_initial", t) * initial);
                assertThat(m.value(strategy, 0, "active", t)).as("%s month %d: active = month-0 customers + channels", strategy, t)
                        .isEqualTo(monthZero + byChannel);
            }
            for (String c : CHANNELS) {
                assertThat(m.value(strategy, 0, "active_" + c, m.months())).as("%s: customers from %s still active", strategy, c)
                        .isPositive();
            }
        }
    }

    @Test
    void withoutChurnEveryCustomerAnAdvertOrImitationBroughtIsStillCountedUnderThatChannel() {
        ScenarioFixture f = ScenarioFixture.of(50_000, 5_000, 10);
        f.innovation = 0.004;
        f.imitation = 0.3;
        // Promoters who talk: imitation follows word of mouth.
        f.add(ScenarioFixture.archetype("buyer", 1).purchaseRate(gamma(2, 0.5)).spend(lognormalMedian(40, 0.5))
                .satisfaction(constant(0.9)).advocacy(beta(3, 7)));
        MetricsTable m = f.metrics();
        double ads = 0;
        double wom = 0;
        for (int t = 1; t <= m.months(); t++) {
            ads += m.value("baseline", 0, "acquired_ads", t);
            wom += m.value("baseline", 0, "acquired_wom", t);
            assertThat(m.value("baseline", 0, "active_ads", t)).as("month %d", t).isEqualTo(ads);
            assertThat(m.value("baseline", 0, "active_wom", t)).as("month %d", t).isEqualTo(wom);
            assertThat(m.value("baseline", 0, "active_referral", t)).isZero();
            assertThat(m.value("baseline", 0, "active_winback", t)).isZero();
        }
        assertThat(ads).as("advertising brought customers").isPositive();
        assertThat(wom).as("imitation brought customers").isPositive();
    }

    @Test
    void theFixedMonthlyCostIsReportedAsThePartOfTheTreatmentCostItIs() {
        ScenarioFixture f = ScenarioFixture.of(20_000, 4_000, 4);
        f.add(ScenarioFixture.archetype("steady", 1).purchaseRate(gamma(4, 0.4)).spend(lognormalMedian(60, 0.8))
                .churn(beta(1, 40)).serviceDemand(gamma(1, 0.3)).satisfaction(constant(0.9)), "loyal");
        f.treatments.put("club", Treatment.neutral("club").with(Map.of(TreatmentParameter.FIXED_COST, 5000.0,
                TreatmentParameter.COST, 2.0)));
        f.strategy("baseline", Map.of()).strategy("club", Map.of("loyal", "club", "fence-sitter", "club"));
        MetricsTable m = f.metrics();
        assertThat(m.value("club", 0, "treatment_fixed_cost", 0)).isZero();
        for (int t = 1; t <= m.months(); t++) {
            assertThat(m.value("club", 0, "treatment_fixed_cost", t)).isEqualTo(5000.0);
            assertThat(m.value("club", 0, "treatment_cost", t)).as("per-customer costs on top of the fixed cost")
                    .isGreaterThan(5000.0);
            assertThat(m.value("baseline", 0, "treatment_fixed_cost", t)).isZero();
        }
    }
}
