package org.segmentlab.simulator.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.segmentlab.model.strategy.Advertising;
import org.segmentlab.model.strategy.ResolvedStrategy;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.model.treatment.TreatmentParameter;
import org.segmentlab.simulator.scenario.Market;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * A resolved strategy flattened into one primitive array per treatment parameter, indexed by segment, plus the
 * treatment {@code none} at index {@link #untreated()} for customers a binding budget leaves out. Built once per run,
 * generically from the {@link TreatmentParameter} declarations, each read as its {@link TreatmentParameter.Scope} says:
 * a new per-segment parameter needs no field here (the engine reads {@link #column}). The named fields are the same
 * arrays under the names the monthly step reads.
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
    /** Per parameter (by ordinal): a column per segment, a market-wide value, or a value per archetype, by its scope. */
    private final double[][] columns;
    private final double[] marketValues;
    private final double[][] archetypeValues;
    /** A phased strategy: the plan that takes over from month {@link #nextFrom} on, or null (this plan to the end). */
    private TreatmentTable next;
    private int nextFrom = Integer.MAX_VALUE;
    /** The first month of this plan: 1, or the month a phase takes over. */
    private int phaseStart = 1;

    TreatmentTable(ResolvedStrategy strategy, Scenario scenario) {
        strategyName = strategy.name();
        segments = strategy.taxonomy().size();
        int n = segments + 1;
        Treatment[] rows = new Treatment[n];
        for (int s = 0; s < n; s++) {
            rows[s] = s < segments ? strategy.treatmentOf(s) : Treatment.neutral("none");
        }
        Set<String> inUse = new LinkedHashSet<>();
        List<Treatment> distinct = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            if (inUse.add(rows[s].name())) {
                distinct.add(rows[s]);
            }
        }
        int archetypes = scenario.archetypes().size();
        int[] truthSegment = new int[archetypes];
        for (int a = 0; a < archetypes; a++) {
            String truth = scenario.truth().get(scenario.archetypes().get(a).name());
            truthSegment[a] = truth == null ? -1 : strategy.taxonomy().indexOf(truth);
        }
        TreatmentParameter[] all = TreatmentParameter.values();
        columns = new double[all.length][];
        marketValues = new double[all.length];
        archetypeValues = new double[all.length][];
        for (TreatmentParameter p : all) {
            int k = p.ordinal();
            switch (p.scope()) {
                case SEGMENT, EX_CUSTOMERS -> {
                    columns[k] = new double[n];
                    for (int s = 0; s < n; s++) {
                        columns[k][s] = rows[s].get(p);
                    }
                }
                case MARKET_SUM -> marketValues[k] = distinct.stream().mapToDouble(t -> t.get(p)).sum();
                case MARKET_PRODUCT -> marketValues[k] = distinct.stream().mapToDouble(t -> t.get(p)).reduce(1, (x, y) -> x * y);
                case ARCHETYPES -> {
                    archetypeValues[k] = new double[archetypes];
                    for (int a = 0; a < archetypes; a++) {
                        archetypeValues[k][a] = truthSegment[a] < 0 ? p.neutral() : rows[truthSegment[a]].get(p);
                    }
                }
                default -> throw new AssertionError(p.scope());
            }
        }
        cost = column(TreatmentParameter.COST);
        discount = column(TreatmentParameter.DISCOUNT);
        blocksDiscounts = flags(TreatmentParameter.BLOCK_DISCOUNTS);
        purchaseLift = column(TreatmentParameter.PURCHASE_LIFT);
        churnMultiplier = column(TreatmentParameter.CHURN_MULTIPLIER);
        satisfactionDelta = column(TreatmentParameter.SATISFACTION_DELTA);
        advocacyMultiplier = column(TreatmentParameter.ADVOCACY_MULTIPLIER);
        serviceCap = column(TreatmentParameter.SERVICE_CAP);
        serviceFee = column(TreatmentParameter.SERVICE_FEE);
        recoveryProbability = column(TreatmentParameter.RECOVERY_PROBABILITY);
        terminates = flags(TreatmentParameter.TERMINATE);
        winBackProbability = column(TreatmentParameter.WIN_BACK_PROBABILITY);
        winBackMonths = whole(TreatmentParameter.WIN_BACK_MONTHS);
        winBackCost = column(TreatmentParameter.WIN_BACK_COST);
        winsBack = Arrays.stream(winBackProbability).anyMatch(v -> v > 0);
        fixedCost = market(TreatmentParameter.FIXED_COST);
        badExperienceMultiplier = market(TreatmentParameter.BAD_EXPERIENCE_MULTIPLIER);
        archetypeBoost = perArchetype(TreatmentParameter.ACQUISITION_BOOST);
        // The discount trap: a segment's discount leaks to others only when it has both a discount and a leakage.
        double[] leakage = column(TreatmentParameter.LEAKAGE);
        leakSegment = IntStream.range(0, segments).filter(s -> leakage[s] > 0 && discount[s] > 0).toArray();
        leakDiscount = new double[leakSegment.length];
        leakProbability = new double[leakSegment.length];
        for (int k = 0; k < leakSegment.length; k++) {
            leakDiscount[k] = discount[leakSegment[k]];
            leakProbability[k] = leakage[leakSegment[k]];
        }
        budget = strategy.budget().isPresent() ? strategy.budget().getAsDouble() : Double.POSITIVE_INFINITY;
        Advertising ad = strategy.advertising();
        Market.AdvertisingResponse response = scenario.market().advertising();
        advertisingSpend = ad.spend();
        double reach = ad.targeted() ? ad.spend() / (1 + response.targetingPremium()) : ad.spend();
        campaignInnovation = ad.spend() == 0 ? 0
                : scenario.market().innovation() * response.lift() * -Math.expm1(-reach / response.saturation());
        campaignTilt = new double[archetypes];
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

    /** Whether this plan or a phase that takes over later has a budget (whose walk reads the value order). */
    boolean budgeted() {
        for (TreatmentTable plan = this; plan != null; plan = plan.next) {
            if (!Double.isInfinite(plan.budget)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The longest win-back offer (months after leaving) this plan or a phase that takes over later makes; 0 when none
     * makes one. An offer is the plan in force's, so the earlier phases' no longer reach anyone.
     */
    int longestWinBackOffer() {
        int longest = 0;
        for (TreatmentTable plan = this; plan != null; plan = plan.next) {
            for (int r = 0; r < plan.winBackProbability.length; r++) {
                if (plan.winBackProbability[r] > 0) {
                    longest = Math.max(longest, plan.winBackMonths[r]);
                }
            }
        }
        return longest;
    }

    /** The plan in force in month {@code t}: this one, or the phase that took over. */
    TreatmentTable forMonth(int t) {
        TreatmentTable plan = this;
        while (plan.next != null && t >= plan.nextFrom) {
            plan = plan.next;
        }
        return plan;
    }

    /**
     * The values of a parameter applied per segment (scope {@code SEGMENT} or {@code EX_CUSTOMERS}), indexed by
     * segment, with {@link #untreated()} last. Shared, not copied: read it, never write it.
     */
    double[] column(TreatmentParameter p) {
        return require(columns[p.ordinal()], p);
    }

    /** A market-wide parameter's value: summed or multiplied over the distinct treatments the strategy uses. */
    double market(TreatmentParameter p) {
        if (p.scope() != TreatmentParameter.Scope.MARKET_SUM && p.scope() != TreatmentParameter.Scope.MARKET_PRODUCT) {
            throw new IllegalArgumentException(p.key() + " is not market-wide (" + p.scope() + ")");
        }
        return marketValues[p.ordinal()];
    }

    /** A parameter applied through the truth mapping, per archetype (neutral for an archetype without a truth). */
    double[] perArchetype(TreatmentParameter p) {
        return require(archetypeValues[p.ordinal()], p);
    }

    private boolean[] flags(TreatmentParameter p) {
        double[] c = column(p);
        boolean[] f = new boolean[c.length];
        for (int s = 0; s < c.length; s++) {
            f[s] = c[s] != 0;
        }
        return f;
    }

    private int[] whole(TreatmentParameter p) {
        return Arrays.stream(column(p)).mapToInt(v -> (int) v).toArray();
    }

    private static double[] require(double[] values, TreatmentParameter p) {
        if (values == null) {
            throw new IllegalArgumentException(p.key() + " is not read per segment or per archetype (" + p.scope() + ")");
        }
        return values;
    }

    /** The row of the treatment {@code none}, for customers a binding budget leaves untreated. */
    int untreated() {
        return segments;
    }
}
