package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.segmentlab.simulator.engine.EngineRuns.run;
import static org.segmentlab.simulator.engine.EngineRuns.sum;
import static org.segmentlab.simulator.engine.WordOfMouthAcquisitionTest.market;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.metrics.AcquisitionChannel;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.ScenarioDocument;

/**
 * Issue 14, items 4–6: advertising as a decision (diminishing returns, targeting at a cost, spend in the profit),
 * tenure (spend grows and service falls with tenure) and win-back (the churned come back to the pool; an offer brings
 * them sooner), each with its direction, and identical results for any thread count with everything on.
 */
class LongRunTest {

    private static ScenarioDocument withCampaign(ScenarioDocument doc, String advertising) {
        return doc.with("strategies", "[{name: baseline, treatments: {default: none}}, "
                + "{name: campaign, advertising: " + advertising + ", treatments: {default: none}}]");
    }

    @Test
    void advertisingSpendBuysCustomersWithDiminishingReturnsAndIsPaidFromProfit() {
        double[] spends = {0, 20000, 40000, 80000};
        double[] ads = new double[spends.length];
        for (int k = 0; k < spends.length; k++) {
            MetricsTable m = run(withCampaign(market().with("market.reputation.effect", "0"), Double.toString(spends[k])));
            ads[k] = sum(m, "campaign", "acquired_ads", 1, 3);
            assertThat(m.value("campaign", 0, "advertising_cost", 2)).isEqualTo(spends[k]);
            for (int t = 1; t <= m.months(); t++) {
                double profit = m.value("campaign", 0, "gross_margin", t) - m.value("campaign", 0, "discount_cost", t)
                        - m.value("campaign", 0, "service_cost", t) - m.value("campaign", 0, "treatment_cost", t)
                        - m.value("campaign", 0, "acquisition_cost", t) - m.value("campaign", 0, "advertising_cost", t);
                assertThat(m.value("campaign", 0, "profit", t)).as("profit in month %d includes the spend", t)
                        .isCloseTo(profit, within(1e-6 * Math.abs(profit) + 1e-6));
            }
        }
        // The campaign adds p·(1 − exp(−S/20000)) to p: 0.63p, 0.86p, 0.98p. Each doubling buys less than the last.
        double first = ads[1] - ads[0];
        double second = ads[2] - ads[1];
        double third = ads[3] - ads[2];
        assertThat(first).as("customers bought by the first 20 000 a month").isGreaterThan(0.4 * ads[0]);
        assertThat(second).as("by the next 20 000").isLessThan(first).isPositive();
        assertThat(third).as("by the next 40 000").isLessThan(second);
    }

    @Test
    void targetingTiltsNewCustomersTowardTheTargetsAtTheCostOfReach() {
        ScenarioDocument doc = market().with("market.reputation.effect", "0");
        RunResult broad = Simulator.run(withCampaign(doc, "{spend: 40000}").scenario(), RunOptions.threads(2));
        RunResult aimed = Simulator.run(withCampaign(doc, "{spend: 40000, targets: [devoted], tilt: 4}").scenario(),
                RunOptions.threads(2));
        assertThat(sum(aimed.metrics(), "campaign", "acquired_ads", 1, 3)).as("a targeted euro reaches fewer people")
                .isLessThan(sum(broad.metrics(), "campaign", "acquired_ads", 1, 3));
        assertThat(devotedShareOfNew(aimed, 3)).as("share of devoted among the customers acquired in months 1-3")
                .isGreaterThan(devotedShareOfNew(broad, 3) + 0.05);
    }

    /** Share of the truly devoted (truth loyal) among customers acquired in months 1..to who are active at month to. */
    private static double devotedShareOfNew(RunResult r, int to) {
        RunDetail d = r.detail("campaign", 0);
        long[][] rows = d.confusion()[to];
        int loyal = r.segments().indexOf("loyal");
        // The month-0 customers are the same in both runs; count everyone active, minus the initial ones, by truth.
        RunDetail base = r.detail("baseline", 0);
        double devoted = total(rows[loyal]) - total(base.confusion()[to][loyal]);
        double all = 0;
        for (int s = 0; s < rows.length; s++) {
            all += total(rows[s]) - total(base.confusion()[to][s]);
        }
        return devoted / all;
    }

    private static long total(long[] row) {
        long n = 0;
        for (long c : row) {
            n += c;
        }
        return n;
    }

    @Test
    void customersOfLongerStandingSpendMoreAndNeedLessService() {
        ScenarioDocument doc = market().with("market.referralConversion", "0").with("market.imitation", "0")
                .with("market.innovation", "0");
        MetricsTable off = run(doc);
        MetricsTable on = run(doc.with("behaviour.tenureSpendGrowth", "0.2").with("behaviour.tenureServiceDecline", "0.3"));
        // Nobody new arrives: everyone's tenure is one year (the burn-in) plus t/12. Spend × (1 + 0.2·(1 + t/12)).
        double ratioEarly = on.value("baseline", 0, "revenue", 1) / off.value("baseline", 0, "revenue", 1);
        double ratioLate = on.value("baseline", 0, "revenue", 24) / off.value("baseline", 0, "revenue", 24);
        assertThat(ratioEarly).as("revenue ratio in month 1, about 1.2").isBetween(1.1, 1.3);
        assertThat(ratioLate).as("revenue ratio in month 24, about 1.6").isGreaterThan(ratioEarly + 0.2);
        assertThat(on.value("baseline", 0, "service_cost", 24)).as("service cost in month 24, demand × 0.7^3 ≈ 0.34")
                .isLessThan(0.45 * off.value("baseline", 0, "service_cost", 24));
    }

    @Test
    void churnedCustomersComeBackAfterTheDelayAndAWinBackOfferBringsThemSooner() {
        ScenarioDocument doc = market().with("market.winBack", "{share: 0.4, delay: 6}");
        MetricsTable m = run(doc);
        for (int t = 1; t <= 6; t++) {
            assertThat(m.value("baseline", 0, "acquired_winback", t)).as("nobody back before the delay, month %d", t).isZero();
        }
        assertThat(sum(m, "baseline", "acquired_winback")).as("ex-customers back through the market").isPositive();
        MetricsTable offer = run(doc.with("strategies", "[{name: baseline, treatments: {default: none}}, "
                + "{name: win-back, treatments: {default: win-back}}]"));
        double byOffer = sum(offer, "win-back", "acquired_winback", 1, 6);
        assertThat(byOffer).as("the offer brings ex-customers back within the delay").isPositive();
        assertThat(sum(offer, "win-back", "treatment_cost")).as("offers cost (4 per contact)").isPositive();
        double churned = sum(offer, "win-back", "churned", 1, 5);
        // Of those churned in months 1-5, 40% are open; the offer takes 15% of them a month for up to 6 months.
        assertThat(byOffer / churned).as("share of the early churned back by month 6 through the offer").isBetween(0.05, 0.3);
        for (int t = 1; t <= offer.months(); t++) {
            assertThat(offer.value("win-back", 0, "acquired_total", t)).isEqualTo(offer.value("win-back", 0, "acquired_ads", t)
                    + offer.value("win-back", 0, "acquired_wom", t) + offer.value("win-back", 0, "acquired_referral", t)
                    + offer.value("win-back", 0, "acquired_winback", t));
            if (t > 1) {
                assertThat(offer.value("win-back", 0, "retention_initial", t)).as("a return is not retention")
                        .isLessThanOrEqualTo(offer.value("win-back", 0, "retention_initial", t - 1));
            }
        }
    }

    /**
     * The win-back offer goes to every customer churned in the last six months, those who will never return (70% here)
     * included, and each contact is paid (4), although the engine stops drawing for a customer once it knows it will
     * not come back. The market brings nobody back (a delay beyond the run), so the only returns are the offer's, at
     * most the month's contacts less those returned since they churned.
     */
    @Test
    void anOfferReachesAndCostsTheExCustomersWhoNeverReturnToo() {
        MetricsTable m = run(market().with("market.winBack", "{share: 0.3, delay: 1000}")
                .with("strategies", "[{name: win-back, treatments: {default: win-back}}]"));
        for (int t = 7; t <= m.months(); t++) {
            double churnedInOfferWindow = 0;
            double returnedSince = 0;
            for (int k = 1; k <= 6; k++) {
                churnedInOfferWindow += m.value("win-back", 0, "churned", t - k);
                returnedSince += k < 6 ? m.value("win-back", 0, "acquired_winback", t - k) : 0;
            }
            assertThat(churnedInOfferWindow).isGreaterThan(1000);
            assertThat(m.value("win-back", 0, "treatment_cost", t)).as("month %d: 4 per contact", t)
                    .isBetween(4 * (churnedInOfferWindow - returnedSince), 4 * churnedInOfferWindow);
        }
    }

    @Test
    void lifetimeValueIsKeptPerAcquisitionChannel() {
        RunResult r = Simulator.run(market().with("market.winBack", "{share: 0.4, delay: 3}").scenario(), RunOptions.threads(2));
        RunDetail d = r.detail("baseline", 0);
        MetricsTable m = r.metrics();
        assertThat(d.channelCustomers()[AcquisitionChannel.INITIAL.ordinal()]).isEqualTo(10000);
        assertThat(d.channelCustomers()[AcquisitionChannel.ADVERTISING.ordinal()]).isEqualTo((long) sum(m, "baseline", "acquired_ads"));
        assertThat(d.channelCustomers()[AcquisitionChannel.REFERRAL.ordinal()]).isEqualTo((long) sum(m, "baseline", "acquired_referral"));
        assertThat(d.channelCustomers()[AcquisitionChannel.WIN_BACK.ordinal()]).isEqualTo((long) sum(m, "baseline", "acquired_winback"));
        assertThat(d.channelAcquisitionCost()[AcquisitionChannel.REFERRAL.ordinal()]).isEqualTo(15.0);
        assertThat(d.channelAcquisitionCost()[AcquisitionChannel.ADVERTISING.ordinal()]).isEqualTo(40.0);
        for (AcquisitionChannel c : AcquisitionChannel.values()) {
            assertThat(d.channelLifetimeValue()[c.ordinal()]).as("lifetime value of %s customers", c.label()).isPositive();
        }
        assertThat(d.channelLifetimeValue()[AcquisitionChannel.INITIAL.ordinal()]).as("initial customers had the whole run")
                .isGreaterThan(d.channelLifetimeValue()[AcquisitionChannel.ADVERTISING.ordinal()]);
    }

    @Test
    void everythingOnGivesTheSameBytesForAnyThreadCount() {
        ScenarioDocument doc = withCampaign(market().with("market.winBack", "{share: 0.3, delay: 2}")
                .with("behaviour.tenureSpendGrowth", "0.1").with("behaviour.tenureServiceDecline", "0.2")
                .with("events", "[{type: service-outage, month: 5, duration: 2, share: 0.2, complaintProbability: 0.5, "
                        + "reputationDelta: -0.1}]"), "{spend: 30000, targets: [devoted], tilt: 3}")
                .with("strategies[0].treatments", "{default: win-back}");
        String one = csv(Simulator.run(doc.scenario(), RunOptions.threads(1)));
        String three = csv(Simulator.run(doc.scenario(), RunOptions.threads(3)));
        assertThat(three).isEqualTo(one);
        assertThat(one).contains("acquired_winback").contains("advertising_cost");
    }

    private static String csv(RunResult r) {
        StringWriter w = new StringWriter();
        MetricsTable m = r.metrics();
        for (String s : m.strategies()) {
            for (String metric : m.metrics()) {
                for (int t = 0; t <= m.months(); t++) {
                    w.append(s).append(',').append(metric).append(',').append(Double.toString(m.value(s, 0, metric, t))).append('\n');
                }
            }
            RunDetail d = r.detail(s, 0);
            w.append(java.util.Arrays.toString(d.channelLifetimeValue())).append(java.util.Arrays.toString(d.channelCustomers()));
        }
        return w.toString();
    }
}
