package org.segmentlab.simulator.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.segmentlab.model.strategy.Advertising;
import org.segmentlab.model.strategy.ResolvedStrategy;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.simulator.scenario.Market;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * A resolved strategy flattened into one primitive array per treatment parameter, indexed by segment, plus the
 * treatment {@code none} at index {@link #untreated()} for customers a binding budget leaves out. Built once per run.
 */
final class TreatmentTable {
    final String strategyName;
    final int segments;
    final double[] cost;
    final double[] discount;
    final boolean[] blocksDiscounts;
    final double[] purchaseLift;
    final double[] churnMultiplier;
    final double[] satisfactionDelta;
    final double[] advocacyMultiplier;
    final double[] serviceCap;
    final double[] serviceFee;
    final double[] recoveryProbability;
    final boolean[] terminates;
    /** Win-back offers to ex-customers who churned from the segment: take-up, months offered, cost per contact. */
    final double[] winBackProbability;
    final int[] winBackMonths;
    final double[] winBackCost;
    /** Whether some segment's ex-customers get a win-back offer. */
    final boolean winsBack;
    /** Segments whose treatment leaks its discount, with that discount and the leak probability. */
    final int[] leakSegment;
    final double[] leakDiscount;
    final double[] leakProbability;
    /** Fixed monthly cost of every distinct treatment in use. */
    final double fixedCost;
    /** Market-wide multiplier on bad experiences: the product over the distinct treatments in use (root causes fixed). */
    final double badExperienceMultiplier;
    /** Relative change of advertising acquisition per archetype (from acquisitionBoost and the truth mapping). */
    final double[] archetypeBoost;
    final double budget;
    /** The strategy's advertising spend per month, and what it adds to the innovation (diminishing returns). */
    final double advertisingSpend;
    final double campaignInnovation;
    /** Per archetype: its weight multiplier among the campaign's new customers (the targeting tilt). */
    final double[] campaignTilt;
    /** A phased strategy: the plan that takes over from month {@link #nextFrom} on, or null (this plan to the end). */
    private TreatmentTable next;
    private int nextFrom = Integer.MAX_VALUE;
    /** The first month of this plan: 1, or the month a phase takes over. */
    private int phaseStart = 1;

    TreatmentTable(ResolvedStrategy strategy, Scenario scenario) {
        strategyName = strategy.name();
        segments = strategy.taxonomy().size();
        int n = segments + 1;
        cost = new double[n];
        discount = new double[n];
        blocksDiscounts = new boolean[n];
        purchaseLift = new double[n];
        churnMultiplier = new double[n];
        satisfactionDelta = new double[n];
        advocacyMultiplier = new double[n];
        serviceCap = new double[n];
        serviceFee = new double[n];
        recoveryProbability = new double[n];
        terminates = new boolean[n];
        winBackProbability = new double[n];
        winBackMonths = new int[n];
        winBackCost = new double[n];
        boolean winBack = false;
        List<Integer> leaks = new ArrayList<>();
        Set<String> inUse = new LinkedHashSet<>();
        double fixed = 0;
        double badExperience = 1;
        for (int s = 0; s < n; s++) {
            Treatment t = s < segments ? strategy.treatmentOf(s) : Treatment.neutral("none");
            cost[s] = t.cost();
            discount[s] = t.discount();
            blocksDiscounts[s] = t.blocksDiscounts();
            purchaseLift[s] = t.purchaseLift();
            churnMultiplier[s] = t.churnMultiplier();
            satisfactionDelta[s] = t.satisfactionDelta();
            advocacyMultiplier[s] = t.advocacyMultiplier();
            serviceCap[s] = t.serviceCap();
            serviceFee[s] = t.serviceFee();
            recoveryProbability[s] = t.recoveryProbability();
            terminates[s] = t.terminates();
            winBackProbability[s] = t.winBackProbability();
            winBackMonths[s] = t.winBackMonths();
            winBackCost[s] = t.winBackCost();
            winBack |= winBackProbability[s] > 0;
            if (s < segments) {
                if (t.leakage() > 0 && t.discount() > 0) {
                    leaks.add(s);
                }
                if (inUse.add(t.name())) {
                    fixed += t.fixedCost();
                    badExperience *= t.badExperienceMultiplier();
                }
            }
        }
        fixedCost = fixed;
        winsBack = winBack;
        badExperienceMultiplier = badExperience;
        leakSegment = leaks.stream().mapToInt(Integer::intValue).toArray();
        leakDiscount = new double[leakSegment.length];
        leakProbability = new double[leakSegment.length];
        for (int k = 0; k < leakSegment.length; k++) {
            Treatment t = strategy.treatmentOf(leakSegment[k]);
            leakDiscount[k] = t.discount();
            leakProbability[k] = t.leakage();
        }
        archetypeBoost = new double[scenario.archetypes().size()];
        for (int a = 0; a < archetypeBoost.length; a++) {
            String truth = scenario.truth().get(scenario.archetypes().get(a).name());
            int s = truth == null ? -1 : strategy.taxonomy().indexOf(truth);
            archetypeBoost[a] = s < 0 ? 0 : strategy.treatmentOf(s).acquisitionBoost();
        }
        budget = strategy.budget().isPresent() ? strategy.budget().getAsDouble() : Double.POSITIVE_INFINITY;
        Advertising ad = strategy.advertising();
        Market.AdvertisingResponse response = scenario.market().advertising();
        advertisingSpend = ad.spend();
        double reach = ad.targeted() ? ad.spend() / (1 + response.targetingPremium()) : ad.spend();
        campaignInnovation = ad.spend() == 0 ? 0
                : scenario.market().innovation() * response.lift() * -Math.expm1(-reach / response.saturation());
        campaignTilt = new double[archetypeBoost.length];
        for (int a = 0; a < campaignTilt.length; a++) {
            campaignTilt[a] = ad.targets().contains(scenario.archetypes().get(a).name()) ? ad.tilt() : 1;
        }
    }

    /**
     * Makes {@code later} the plan from month {@code fromMonth} on (after any phase already added): a strategy whose
     * treatments change during the run. Months before keep this plan, so the first months of a phased run are the
     * months of the plain run.
     */
    void thenFrom(int fromMonth, TreatmentTable later) {
        TreatmentTable last = this;
        while (last.next != null) {
            last = last.next;
        }
        if (fromMonth <= last.phaseStart) {
            throw new IllegalArgumentException("phases must start in increasing months, got month " + fromMonth);
        }
        last.next = later;
        last.nextFrom = fromMonth;
        later.phaseStart = fromMonth;
    }

    /** The plan in force in month {@code t}: this one, or the phase that took over. */
    TreatmentTable forMonth(int t) {
        TreatmentTable plan = this;
        while (plan.next != null && t >= plan.nextFrom) {
            plan = plan.next;
        }
        return plan;
    }

    /** The row of the treatment {@code none}, for customers a binding budget leaves untreated. */
    int untreated() {
        return segments;
    }
}
