package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.simulator.engine.ScenarioFixture.constant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.model.treatment.TreatmentParameter;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Event;
import org.segmentlab.simulator.scenario.EventType;
import org.segmentlab.simulator.scenario.Promotions;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * Every treatment parameter and every event moves the metrics it should, in the right direction. Strategies run on
 * common random numbers, so a comparison against the baseline isolates the mechanism: most differences here are
 * exact consequences of one mechanism on identical draws, not statistical claims.
 */
class MechanismTest {

    private static Treatment custom(String name, TreatmentParameter p, double v) {
        return Treatment.neutral(name).with(p, v);
    }

    private static double last(MetricsTable m, String strategy, String metric) {
        return m.value(strategy, 0, metric, m.months());
    }

    private static double sum(MetricsTable m, String strategy, String metric) {
        double s = 0;
        for (double v : m.series(strategy, 0, metric)) {
            s += v;
        }
        return s;
    }

    @Test
    void aStrategyThatChangesNothingReproducesTheBaselineExactly() {
        ScenarioFixture f = ScenarioFixture.lively();
        f.strategy("baseline", Map.of("default", "none"));
        f.strategy("explicit-none", Map.of("loyal", "none", "negative", "none", "price-sensitive", "none", "fence-sitter", "none"));
        f.strategy("perks", Map.of("loyal", "loyalty-perks"));
        f.events.add(new Event(EventType.SERVICE_OUTAGE, 4, 2, 0.5, 1.2, 0.9, -0.1, 0.2));
        MetricsTable m = f.metrics();
        for (String metric : m.metrics()) {
            assertThat(m.series("explicit-none", 0, metric)).as(metric).containsExactly(m.series("baseline", 0, metric));
        }
        assertThat(m.series("perks", 0, "revenue")).isNotEqualTo(m.series("baseline", 0, "revenue"));
    }

    @Test
    void identicalStrategiesStayIdenticalWhileTheMarketGrowsUnderSalesAndABindingBudget() {
        // The columns grow when acquisitions outrun them; the month's price gaps and budget decisions, written before
        // acquisition and read at churn, must survive the growth for whichever strategy grows first.
        ScenarioFixture f = ScenarioFixture.lively();
        f.months = 24;
        f.innovation = 0.02;
        f.strategy("campaign", 3000, Map.of("price-sensitive", "price-campaign", "loyal", "loyalty-perks"));
        f.strategy("same-campaign", 3000, Map.of("price-sensitive", "price-campaign", "loyal", "loyalty-perks"));
        Scenario s = f.build().withPromotions(new Promotions(new Promotions.Periodic(3, 1, 0.2, 1), List.of()));
        RunResult r = Simulator.run(s, RunOptions.threads(2));
        double[] adopters = r.metrics().series("campaign", 0, "adopters_cumulative");
        assertThat(adopters[adopters.length - 1]).as("rows grow past the first columns").isGreaterThan(2 * f.initialCustomers);
        for (String metric : r.metrics().metrics()) {
            assertThat(r.metrics().series("same-campaign", 0, metric)).as(metric)
                    .containsExactly(r.metrics().series("campaign", 0, metric));
        }
    }

    @Test
    void acquisitionsEnterFromNewNotFromTheFirstSegment() {
        ScenarioFixture f = ScenarioFixture.lively();
        f.innovation = 0.02;
        f.strategy("baseline", Map.of());
        RunResult r = f.run();
        int k = r.segments().size();
        long[][][] transitions = r.detail("baseline", 0).transitions();
        assertThat(transitions[1]).hasNumberOfRows(k + 1);
        for (int t = 1; t <= f.months; t++) {
            long entered = java.util.Arrays.stream(transitions[t][k]).sum();
            // Customers acquired in month t are first classified at month t's classification.
            assertThat(entered).as("month %d", t).isEqualTo((long) r.metrics().value("baseline", 0, "acquired_total", t));
            long moved = 0;
            for (int s = 0; s < k; s++) {
                moved += java.util.Arrays.stream(transitions[t][s]).sum();
                assertThat(transitions[t][s][k]).as("nobody moves into new").isZero();
            }
            // Every row but "new" is a customer active before the month who is still active after it.
            assertThat(moved + entered).as("month %d", t).isEqualTo((long) r.metrics().value("baseline", 0, "active", t));
        }
    }

    @Test
    void churnMultiplierBelowOneRaisesRetention() {
        ScenarioFixture f = ScenarioFixture.lively();
        f.treatments.put("keep", custom("keep", TreatmentParameter.CHURN_MULTIPLIER, 0.5));
        f.strategy("baseline", Map.of()).strategy("keep", Map.of("default", "keep"));
        MetricsTable m = f.metrics();
        assertThat(last(m, "keep", "retention_initial")).isGreaterThan(last(m, "baseline", "retention_initial") + 0.02);
        assertThat(sum(m, "keep", "churned")).isLessThan(sum(m, "baseline", "churned"));
    }

    @Test
    void purchaseLiftRaisesRevenueAndDiscountsCostMargin() {
        ScenarioFixture f = ScenarioFixture.lively();
        f.treatments.put("lift", custom("lift", TreatmentParameter.PURCHASE_LIFT, 1.5));
        f.treatments.put("sale", custom("sale", TreatmentParameter.DISCOUNT, 0.2));
        f.strategy("baseline", Map.of()).strategy("lift", Map.of("default", "lift")).strategy("sale", Map.of("default", "sale"));
        MetricsTable m = f.metrics();
        assertThat(m.value("lift", 0, "revenue", 1)).isGreaterThan(1.3 * m.value("baseline", 0, "revenue", 1));
        assertThat(sum(m, "sale", "discount_cost")).isPositive();
        assertThat(sum(m, "baseline", "discount_cost")).isZero();
        // Price-sensitive customers buy more on discount, but a 20% discount still costs margin.
        assertThat(m.value("sale", 0, "gross_margin", 1)).isGreaterThan(m.value("baseline", 0, "gross_margin", 1));
        assertThat(m.value("sale", 0, "profit", 1)).isLessThan(m.value("baseline", 0, "profit", 1));
    }

    @Test
    void leakageLowersTheMarginOfTheLoyal() {
        ScenarioFixture f = ScenarioFixture.lively();
        f.treatments.put("tight", custom("tight", TreatmentParameter.DISCOUNT, 0.2));
        f.treatments.put("leaky", custom("leaky", TreatmentParameter.DISCOUNT, 0.2).with(TreatmentParameter.LEAKAGE, 0.5));
        f.strategy("tight", Map.of("price-sensitive", "tight")).strategy("leaky", Map.of("price-sensitive", "leaky"));
        RunResult r = f.run();
        int loyal = r.segments().indexOf("loyal");
        assertThat(r.detail("leaky", 0).lifetimeValue()[loyal]).isLessThan(r.detail("tight", 0).lifetimeValue()[loyal]);
        assertThat(sum(r.metrics(), "leaky", "discount_cost")).isGreaterThan(sum(r.metrics(), "tight", "discount_cost"));
    }

    @Test
    void blockDiscountsStopsLeakedDiscounts() {
        ScenarioFixture f = ScenarioFixture.lively();
        f.treatments.put("leaky", custom("leaky", TreatmentParameter.DISCOUNT, 0.2).with(TreatmentParameter.LEAKAGE, 1.0));
        f.strategy("leak-to-all", Map.of("price-sensitive", "leaky"))
                .strategy("leak-blocked", Map.of("price-sensitive", "leaky", "loyal", "no-discounts",
                        "fence-sitter", "no-discounts", "negative", "no-discounts"));
        RunResult r = f.run();
        int loyal = r.segments().indexOf("loyal");
        assertThat(r.detail("leak-blocked", 0).lifetimeValue()[loyal]).isGreaterThan(r.detail("leak-to-all", 0).lifetimeValue()[loyal]);
        assertThat(r.metrics().value("leak-blocked", 0, "discount_cost", 1)).isLessThan(r.metrics().value("leak-to-all", 0, "discount_cost", 1));
    }

    @Test
    void terminateEndsEveryoneInTheSegmentAtOnce() {
        ScenarioFixture f = ScenarioFixture.lively();
        f.strategy("baseline", Map.of()).strategy("fire", Map.of("negative", "terminate"));
        MetricsTable m = f.metrics();
        assertThat(m.value("fire", 0, "terminated", 1)).isEqualTo(m.value("fire", 0, "segment.negative", 0)).isPositive();
        for (int t = 1; t <= m.months(); t++) {
            assertThat(m.value("fire", 0, "terminated", t)).isEqualTo(m.value("fire", 0, "segment.negative", t - 1));
            assertThat(m.value("baseline", 0, "terminated", t)).isZero();
        }
    }

    @Test
    void serviceRecoveryLowersDetractors() {
        ScenarioFixture f = ScenarioFixture.lively();
        f.strategy("baseline", Map.of()).strategy("recover", Map.of("default", "service-recovery"));
        MetricsTable m = f.metrics();
        assertThat(sum(m, "recover", "detractors")).isLessThan(0.8 * sum(m, "baseline", "detractors"));
        assertThat(last(m, "recover", "satisfaction_mean")).isGreaterThan(last(m, "baseline", "satisfaction_mean"));
    }

    @Test
    void satisfactionAndAdvocacyTreatmentsRaiseWordOfMouth() {
        ScenarioFixture f = ScenarioFixture.lively();
        f.negativeWeight = 0.1; // so that positive word of mouth outweighs the detractors and brings customers
        f.treatments.put("delight", custom("delight", TreatmentParameter.SATISFACTION_DELTA, 0.05));
        f.treatments.put("advocate", custom("advocate", TreatmentParameter.ADVOCACY_MULTIPLIER, 2));
        f.strategy("baseline", Map.of()).strategy("delight", Map.of("default", "delight")).strategy("advocate", Map.of("default", "advocate"));
        MetricsTable m = f.metrics();
        assertThat(last(m, "delight", "satisfaction_mean")).isGreaterThan(last(m, "baseline", "satisfaction_mean"));
        assertThat(last(m, "delight", "net_wom")).isGreaterThan(last(m, "baseline", "net_wom"));
        assertThat(m.value("advocate", 0, "referrals", 1)).isGreaterThan(1.5 * m.value("baseline", 0, "referrals", 1));
        assertThat(sum(m, "advocate", "acquired_wom")).isGreaterThan(sum(m, "baseline", "acquired_wom"));
    }

    @Test
    void serviceCapsDeclineOrChargeExtraRequests() {
        ScenarioFixture f = ScenarioFixture.lively();
        f.strategy("baseline", Map.of()).strategy("standards", Map.of("default", "service-standards"))
                .strategy("charge", Map.of("default", "charge-for-extras"));
        MetricsTable m = f.metrics();
        assertThat(m.value("standards", 0, "service_cost", 1)).isLessThan(m.value("baseline", 0, "service_cost", 1));
        assertThat(m.value("charge", 0, "service_fees", 1)).isPositive();
        assertThat(m.value("baseline", 0, "service_fees", 1)).isZero();
        // A fee deters some of the requests it would charge (serviceFeeElasticity): fewer are served than without a
        // cap, more than when extra requests are declined.
        assertThat(m.value("charge", 0, "service_cost", 1)).isLessThan(m.value("baseline", 0, "service_cost", 1));
        assertThat(m.value("charge", 0, "service_cost", 1)).isGreaterThan(m.value("standards", 0, "service_cost", 1));
        // Without deterrence, every extra request is made, served and charged.
        Scenario plain = f.build();
        MetricsTable undeterred = Simulator.run(plain.withBehaviour(plain.behaviour().withoutPriceFeeAndTerminationResponses()),
                RunOptions.threads(2)).metrics();
        assertThat(undeterred.value("charge", 0, "service_cost", 1)).isEqualTo(undeterred.value("baseline", 0, "service_cost", 1));
    }

    @Test
    void fixedCostIsChargedOncePerMonthAndBoostRaisesAdvertisingAcquisition() {
        ScenarioFixture f = ScenarioFixture.lively();
        f.treatments.put("hunt", Treatment.neutral("hunt").with(Map.of(TreatmentParameter.FIXED_COST, 5000.0,
                TreatmentParameter.ACQUISITION_BOOST, 3.0)));
        f.strategy("baseline", Map.of()).strategy("hunt", Map.of("loyal", "hunt", "fence-sitter", "hunt"));
        MetricsTable m = f.metrics();
        assertThat(m.value("hunt", 0, "treatment_cost", 1)).isEqualTo(5000.0);
        assertThat(sum(m, "hunt", "acquired_ads")).isGreaterThan(1.5 * sum(m, "baseline", "acquired_ads"));
    }

    @Test
    void repDepartureRaisesChurnOfAttachedCustomersOnly() {
        ScenarioFixture f = ScenarioFixture.of(20_000, 20_000, 8);
        f.taxonomy = BuiltInTaxonomies.circles();
        f.add(ScenarioFixture.archetype("attached", 0.5).churn(constant(0.02)).repAttached(1).purchaseRate(constant(1)), "circle-1");
        f.add(ScenarioFixture.archetype("free", 0.5).churn(constant(0.02)).repAttached(0).purchaseRate(constant(1)), "circle-4");
        RunResult calm = f.run();
        f.events.add(new Event(EventType.REP_DEPARTURE, 3, 3, 1.0, 5.0, 1.0, 0, 0));
        RunResult departure = f.run();
        long[] calmActive = activeByTruth(calm);
        long[] departureActive = activeByTruth(departure);
        // Same draws for everyone: customers not attached to a rep are untouched, exactly.
        assertThat(departureActive[3]).isEqualTo(calmActive[3]);
        // Attached customers churn five times as fast for three months: ~ (1-0.1)^3 vs (1-0.02)^3 survive them.
        assertThat((double) departureActive[0]).isLessThan(0.85 * calmActive[0]);
    }

    /** Active customers per truth segment at the last month, from the confusion matrix rows. */
    private static long[] activeByTruth(RunResult r) {
        long[][] confusion = r.detail("baseline", 0).confusion()[r.metrics().months()];
        long[] active = new long[confusion.length];
        for (int t = 0; t < confusion.length; t++) {
            for (long c : confusion[t]) {
                active[t] += c;
            }
        }
        return active;
    }

    @Test
    void aBindingBudgetTreatsTheMostValuableFirst() {
        ScenarioFixture f = ScenarioFixture.of(10_000, 10_000, 6);
        f.taxonomy = BuiltInTaxonomies.circles();
        f.add(ScenarioFixture.archetype("rich", 0.2).purchaseRate(constant(2)).spend(constant(500)).churn(constant(0.1)), "circle-1");
        f.add(ScenarioFixture.archetype("poor", 0.8).purchaseRate(constant(2)).spend(constant(10)).churn(constant(0.1)), "circle-4");
        f.treatments.put("keep", Treatment.neutral("keep").with(Map.of(TreatmentParameter.CHURN_MULTIPLIER, 0.0,
                TreatmentParameter.COST, 1.0)));
        double budget = 2_100; // room for about the 2 000 rich customers, not for everyone
        f.strategy("baseline", budget, Map.of("default", "keep"));
        RunResult r = f.run();
        long[] active = activeByTruth(r);
        long richAtStart = 0;
        for (long c : r.detail("baseline", 0).confusion()[0][0]) {
            richAtStart += c;
        }
        // A fifth of 10 000 start rich (binomial, sd ~40): the budget covers them all but not the poor as well.
        assertThat(richAtStart).as("rich customers at month 0").isBetween(1_850L, 2_150L);
        assertThat(active[0]).as("every rich customer is treated, so none churns").isEqualTo(richAtStart);
        assertThat(active[3]).as("most poor customers are not treated and churn").isLessThan((long) (0.8 * 8_000 * 0.75));
        for (int t = 1; t <= 6; t++) {
            assertThat(r.metrics().value("baseline", 0, "treatment_cost", t)).isLessThanOrEqualTo(budget);
        }
    }

    @Test
    void priceWarAndServiceOutageHurtTheirMetrics() {
        ScenarioFixture f = ScenarioFixture.lively();
        f.strategy("baseline", Map.of());
        MetricsTable calm = f.metrics();
        ScenarioFixture war = ScenarioFixture.lively();
        war.strategy("baseline", Map.of());
        war.events.add(new Event(EventType.PRICE_WAR, 3, 2, 1.0, 2.0, 0.7, 0, 0));
        MetricsTable w = war.metrics();
        assertThat(w.value("baseline", 0, "revenue", 3)).isLessThan(0.8 * calm.value("baseline", 0, "revenue", 3));
        assertThat(w.value("baseline", 0, "churned", 3)).isGreaterThan(1.5 * calm.value("baseline", 0, "churned", 3));
        assertThat(w.value("baseline", 0, "revenue", 2)).isEqualTo(calm.value("baseline", 0, "revenue", 2));
        ScenarioFixture outage = ScenarioFixture.lively();
        outage.strategy("baseline", Map.of());
        outage.events.add(new Event(EventType.SERVICE_OUTAGE, 3, 1, 0.5, 1.0, 1.0, -0.2, 0.5));
        MetricsTable o = outage.metrics();
        assertThat(o.value("baseline", 0, "complaints", 3)).isGreaterThan(2 * calm.value("baseline", 0, "complaints", 3));
        assertThat(o.value("baseline", 0, "detractors", 3)).isGreaterThan(1.5 * calm.value("baseline", 0, "detractors", 3));
        assertThat(o.value("baseline", 0, "net_wom", 3)).isLessThan(calm.value("baseline", 0, "net_wom", 3));
    }
}
