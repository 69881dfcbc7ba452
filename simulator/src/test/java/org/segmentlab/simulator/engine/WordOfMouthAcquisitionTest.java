package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.segmentlab.simulator.engine.EngineRuns.resource;
import static org.segmentlab.simulator.engine.EngineRuns.run;
import static org.segmentlab.simulator.engine.EngineRuns.sum;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.ScenarioDocument;

/**
 * Issue 14, items 1–3: referrals convert, negative word of mouth damps every channel smoothly (no gate), and a
 * reputation stock built slowly and lost fast scales advertising and referrals. Strategies and the κ variants share
 * their random numbers, so most comparisons are of one mechanism on identical draws.
 */
class WordOfMouthAcquisitionTest {

    static ScenarioDocument market() {
        return resource("word-of-mouth-market.yaml");
    }


    @Test
    void referralsConvertUnderAStrategyThatTreatsNoOne() {
        MetricsTable m = run(market());
        double referrals = sum(m, "baseline", "referrals");
        double converted = sum(m, "baseline", "acquired_referral");
        assertThat(referrals).as("referrals made").isPositive();
        assertThat(converted).as("referrals > 0 imply acquired_referral > 0 (κ = 1)").isPositive();
        // Each month's referrals convert with probability referralConversion × damping × exp(effect·(ρ − ρ₀)), ρ the
        // reputation at the start of the month: the expected count, summed over the run, with a binomial tolerance.
        double expected = 0;
        double variance = 0;
        double start = m.value("baseline", 0, "reputation", 0);
        for (int t = 1; t <= m.months(); t++) {
            double p = 0.2 * m.value("baseline", 0, "wom_damping", t)
                    * Math.exp(2 * (m.value("baseline", 0, "reputation", t - 1) - start));
            expected += m.value("baseline", 0, "referrals", t) * p;
            variance += m.value("baseline", 0, "referrals", t) * p * (1 - p);
        }
        assertThat(converted).as("referral customers against referrals × conversion × damping × reputation")
                .isCloseTo(expected, within(4 * Math.sqrt(variance)));
        double cost = sum(m, "baseline", "acquisition_cost");
        double others = sum(m, "baseline", "acquired_ads") + sum(m, "baseline", "acquired_wom");
        assertThat(cost).as("acquisition cost: 40 per ad or imitation customer, 15 per referral customer")
                .isCloseTo(40 * others + 15 * converted, within(1e-6));
    }

    @Test
    void acquisitionsFallStrictlyAsNegativeWordOfMouthWeighsMore() {
        double[] kappas = {0, 0.5, 1, 1.5, 2};
        double[] total = new double[kappas.length];
        double[] ads = new double[kappas.length];
        for (int k = 0; k < kappas.length; k++) {
            MetricsTable m = run(market().with("market.negativeWeight", Double.toString(kappas[k])));
            total[k] = sum(m, "baseline", "acquired_total");
            ads[k] = sum(m, "baseline", "acquired_ads");
            if (k > 0) {
                assertThat(total[k]).as("acquisitions at κ = %s below κ = %s", kappas[k], kappas[k - 1]).isLessThan(total[k - 1]);
                assertThat(ads[k]).as("advertising acquisitions at κ = %s below κ = %s", kappas[k], kappas[k - 1])
                        .isLessThan(ads[k - 1]);
            }
        }
        assertThat(total[2] / total[4]).as("κ = 1 against κ = 2: no gate, every detractor costs").isGreaterThan(1.03);
    }

    @Test
    void theDampingIsExpOfMinusKappaTimesTheDetractorShare() {
        MetricsTable m = run(market().with("market.negativeWeight", "1.5"));
        for (int t = 1; t <= m.months(); t++) {
            double promoters = m.value("baseline", 0, "promoters", t);
            double detractors = m.value("baseline", 0, "detractors", t);
            double evaluated = (promoters - detractors) / m.value("baseline", 0, "net_wom", t);
            assertThat(m.value("baseline", 0, "wom_damping", t)).as("damping in month %d", t)
                    .isCloseTo(Math.exp(-1.5 * detractors / evaluated), within(1e-9));
        }
    }

    @Test
    void moreDetractorsMeanFewerAdvertisingAcquisitions() {
        // A service outage in month 6 makes a third of the customers complain: detractors jump, every channel is damped.
        ScenarioDocument calm = market().with("market.reputation.effect", "0");
        ScenarioDocument storm = calm.with("events", "[{type: service-outage, month: 6, duration: 3, share: 0.3, "
                + "complaintProbability: 0.9, satisfactionDelta: -0.2}]");
        MetricsTable a = run(calm);
        MetricsTable b = run(storm);
        assertThat(sum(b, "baseline", "detractors", 6, 8)).as("detractors in the storm").isGreaterThan(2 * sum(a, "baseline", "detractors", 6, 8));
        assertThat(sum(b, "baseline", "acquired_ads", 6, 8)).as("advertising acquisitions in the storm, damped")
                .isLessThan(0.95 * sum(a, "baseline", "acquired_ads", 6, 8));
        assertThat(sum(b, "baseline", "acquired_referral", 6, 8)).as("referral acquisitions in the storm, damped")
                .isLessThan(sum(a, "baseline", "acquired_referral", 6, 8));
    }

    @Test
    void reputationIsLostFastAndRebuiltSlowly() {
        // A scandal: the reputation drops by 0.3 in month 6, while the word of mouth stays what it was.
        MetricsTable m = run(market().with("events", "[{type: price-war, month: 6, share: 0, reputationDelta: -0.3}]"));
        double before = m.value("baseline", 0, "reputation", 5);
        double after = m.value("baseline", 0, "reputation", 6);
        assertThat(before - after).as("the scandal's drop").isBetween(0.25, 0.35);
        // Rebuilt toward each month's word of mouth: 0.1 of the gap a month while the word of mouth is above the stock,
        // 0.3 when below. Checked month by month, since the path depends on the month's word of mouth (random).
        int rising = 0;
        for (int t = 7; t <= m.months(); t++) {
            double stock = m.value("baseline", 0, "reputation", t - 1);
            double wom = m.value("baseline", 0, "net_wom", t);
            double rate = wom > stock ? 0.1 : 0.3;
            assertThat(m.value("baseline", 0, "reputation", t)).as("reputation in month %d", t)
                    .isCloseTo(stock + rate * (wom - stock), within(1e-12));
            rising += wom > stock ? 1 : 0;
        }
        assertThat(rising).as("months after the scandal with the word of mouth above the stock").isGreaterThanOrEqualTo(3);
        // Slowly: three months on, less than half the drop is back (at 0.1 a month from a word of mouth near the old
        // stock, 1 − 0.9³ ≈ 27%).
        assertThat(m.value("baseline", 0, "reputation", 9)).as("reputation three months after the scandal")
                .isLessThan(after + (before - after) / 2);
        // Lost fast: when the word of mouth turns bad (an outage), the reputation follows at loss 0.3 a month.
        MetricsTable outage = run(market().with("events", "[{type: service-outage, month: 6, duration: 6, share: 0.4, "
                + "complaintProbability: 0.9}]"));
        double from = outage.value("baseline", 0, "reputation", 5);
        double net = outage.value("baseline", 0, "net_wom", 7);
        double gone = (from - outage.value("baseline", 0, "reputation", 7)) / (from - net);
        assertThat(gone).as("share of the gap to the bad word of mouth closed in two months (1 − 0.7² ≈ 0.5)").isGreaterThan(0.4);
    }

    @Test
    void reputationScalesAdvertisingAndReferralsAndOffChangesNothingElse() {
        String scandal = "[{type: price-war, month: 3, share: 0, reputationDelta: -0.3}]";
        MetricsTable on = run(market().with("events", scandal));
        MetricsTable off = run(market().with("events", scandal).with("market.reputation.effect", "0"));
        assertThat(sum(on, "baseline", "acquired_ads", 3, 12)).as("advertising acquisitions after a scandal, reputation on < off")
                .isLessThan(0.8 * sum(off, "baseline", "acquired_ads", 3, 12));
        assertThat(sum(on, "baseline", "acquired_referral", 3, 12)).as("referral acquisitions after a scandal, on < off")
                .isLessThan(0.8 * sum(off, "baseline", "acquired_referral", 3, 12));
        // The stock is measured with the effect off too: the scandal shows in it either way.
        for (MetricsTable m : new MetricsTable[] {on, off}) {
            assertThat(m.value("baseline", 0, "reputation", 2) - m.value("baseline", 0, "reputation", 3))
                    .as("the scandal's drop").isGreaterThan(0.25);
        }
        assertThat(off.value("baseline", 0, "acquired_ads", 1)).as("in month 1 the reputation is still ρ₀: nothing differs")
                .isEqualTo(on.value("baseline", 0, "acquired_ads", 1));
    }

    @Test
    void withBothOffTheImitationChannelIsTheBassChannel() {
        // κ = 0 and no referral conversion: acquisitions are p + q·V⁺/M of the pool, as in the Bass model.
        MetricsTable m = run(market().with("market.negativeWeight", "0").with("market.referralConversion", "0")
                .with("market.reputation.effect", "0"));
        assertThat(sum(m, "baseline", "acquired_referral")).isZero();
        for (int t = 1; t <= m.months(); t++) {
            assertThat(m.value("baseline", 0, "wom_damping", t)).isEqualTo(1.0);
        }
    }
}
