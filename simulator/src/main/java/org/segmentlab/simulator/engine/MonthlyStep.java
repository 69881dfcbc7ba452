package org.segmentlab.simulator.engine;

import static org.segmentlab.simulator.engine.CustomerRandom.Purpose;
import static org.segmentlab.simulator.engine.CustomerStatus.ACTIVE;
import static org.segmentlab.simulator.engine.CustomerStatus.CHURNED;
import static org.segmentlab.simulator.engine.CustomerStatus.LEAVING;
import static org.segmentlab.simulator.engine.CustomerStatus.TERMINATED;
import static org.segmentlab.simulator.engine.CustomerStatus.TERMINATED_DETRACTOR;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.segmentlab.model.classify.RuleTableClassifier;
import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.feature.FeatureTable;
import org.segmentlab.model.feature.PromoLift;
import org.segmentlab.simulator.population.Population;
import org.segmentlab.simulator.population.PopulationGenerator;
import org.segmentlab.simulator.random.RandomStreams;
import org.segmentlab.simulator.random.StreamPurpose;
import org.segmentlab.simulator.scenario.Behaviour;
import org.segmentlab.simulator.scenario.Event;
import org.segmentlab.simulator.scenario.EventType;
import org.segmentlab.simulator.scenario.Market;
import org.segmentlab.simulator.scenario.Observation;
import org.segmentlab.simulator.scenario.Promotions;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * One month of the model (docs/model.md, t = 1 … T), stage by stage, for one strategy. Per-customer stages run over
 * fixed-size chunks of customers on a fork/join pool; stages that need the whole market (acquisition, the
 * revenue ranking, budgets) run between the chunk passes:
 * <ol>
 * <li>{@link #events events} in effect touch their customers (evaluated per customer, see {@link #applyEvents});</li>
 * <li>{@link #assignment assignment}: each customer gets its segment's treatment (a binding budget treats the most
 *     valuable first); {@code terminate} ends the relationship at once;</li>
 * <li>– 6. {@link #purchasesServiceSatisfactionWordOfMouth purchases, service, satisfaction and word of mouth}, one
 *     chunk pass (each stage a labelled block of the loop body);</li>
 * <li>6. {@link #acquisition acquisition} by advertising, imitation and referrals, every channel damped by negative
 *     word of mouth and scaled by reputation; then the {@link #updateReputation reputation} moves;</li>
 * <li>7. {@link #churnAndWindow churn} and {@link #comesBack win-back}, then the trailing-window revenue for the
 *     ranking;</li>
 * <li>8. {@link #rankRevenue ranking} and {@link #featuresAndReclassification reclassification};</li>
 * <li>9. {@link #record metrics}.</li>
 * </ol>
 * The same instance serves every strategy of a replication (it holds scratch space, not results).
 */
final class MonthlyStep {
    /** Customers per chunk: fixed, so the work split and every floating-point sum never depend on the thread count. */
    static final int CHUNK = 4096;
    /** Not a month of any run: keys the once-per-customer draw of who is open to returning. */
    private static final int OPEN_TO_RETURN_MONTH = -9_999_999;

    private final Scenario scenario;
    private final long seed;
    private final int replication;
    private final int window;
    private final int months;
    private final double grossMargin;
    private final double costPerRequest;
    private final double promoterThreshold;
    private final double detractorThreshold;
    private final double drift;
    private final double complaintImpact;
    private final double purchaseSensitivity;
    private final double churnSensitivity;
    private final double elasticity;
    private final double negativeWomChurn;
    private final int complaintMemory;
    private final int reclassifyEvery;
    private final Promotions promotions;
    private final double referencePriceMemory;
    private final double priceGapPurchase;
    private final double priceGapChurn;
    private final double dealTraining;
    private final double feeElasticity;
    private final double feeSatisfactionImpact;
    private final double terminationDetractor;
    private final int terminationDetractorMonths;
    private final double surveyRate;
    private final double surveyNoise;
    private final boolean satisfactionExact;
    private final double voiceRate;
    private final double tenureSpendGrowth;
    private final double tenureServiceDecline;
    private final double negativeWeight;
    private final double winBackShare;
    private final int winBackDelay;
    /** The key of the draw that tells whether a churned customer is open to returning: one per customer, not per month. */
    private final long openToReturnKey;
    private final float[] basketSigma;
    private final double[] archetypeShare;
    private final int[] truthSegment;
    private final boolean hasTruth;
    private final int segments;
    private final RuleTableClassifier classifier;
    /** valueRank needs the month's ranking first; without it, customers are classified in the churn pass. */
    private final boolean classifyAfterRanking;
    /** The features the taxonomy reads, by ordinal: the others are not computed. */
    private final boolean[] featuresUsed;
    private final List<Event> events;
    private final long[] eventKeys;
    private final PopulationGenerator generator;
    private final RandomStreams streams;
    private final ForkJoinPool pool;
    /** Idle workers' scratch space, lent to one chunk at a time (no ThreadLocal: nothing outlives the run). */
    private final java.util.concurrent.ConcurrentLinkedDeque<Worker> idleWorkers = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final RevenueRanking ranking = new RevenueRanking();

    private Tally[] tallies = new Tally[0];
    private final Tally monthA;
    private final Tally monthB;
    private final Tally monthD;
    private float[] revenueScratch = new float[0];
    /** This month's price gap (price offered − reference price, when positive) per customer, for the churn stage. */
    private float[] priceGap = new float[0];
    private boolean[] untreated = new boolean[0];
    /** The budget walk's scratch, by position in value order: the row's segment, then whether it was treated. */
    private byte[] walkRows = new byte[0];
    private static final byte NOT_ACTIVE = -1;
    private static final byte NOT_TREATED = -2;
    private static final byte TREATED = -3;
    private boolean budgetBinds;
    private double detractorShare;
    /** exp(−κ · detractor share): this month's factor on every channel's conversion. */
    private double womDamping;
    private long acquiredAds;
    private long acquiredWom;
    private long acquiredReferral;
    /** This month's probability that one person in the pool becomes a customer (an ex-customer back in the pool too). */
    private double personProbability;

    MonthlyStep(Scenario scenario, int replication, RuleTableClassifier classifier, PopulationGenerator generator,
            RandomStreams streams, ForkJoinPool pool) {
        this.scenario = scenario;
        this.seed = scenario.seed();
        this.replication = replication;
        this.months = scenario.months();
        Behaviour b = scenario.behaviour();
        this.window = b.featureWindow();
        this.grossMargin = scenario.economics().grossMargin();
        this.costPerRequest = scenario.economics().serviceCostPerRequest();
        this.promoterThreshold = b.promoterThreshold();
        this.detractorThreshold = b.detractorThreshold();
        this.drift = b.satisfactionDrift();
        this.complaintImpact = b.complaintImpact();
        this.purchaseSensitivity = b.purchaseSatisfactionSensitivity();
        this.churnSensitivity = b.churnSatisfactionSensitivity();
        this.elasticity = b.discountElasticity();
        this.negativeWomChurn = b.negativeWomChurnEffect();
        this.complaintMemory = b.complaintMemory();
        this.reclassifyEvery = b.reclassifyEvery();
        this.promotions = scenario.promotions();
        this.referencePriceMemory = b.referencePriceMemory();
        this.priceGapPurchase = b.priceGapPurchaseEffect();
        this.priceGapChurn = b.priceGapChurnEffect();
        this.dealTraining = b.dealTraining();
        this.feeElasticity = b.serviceFeeElasticity();
        this.feeSatisfactionImpact = b.serviceFeeSatisfactionImpact();
        this.terminationDetractor = b.terminationDetractorProbability();
        this.terminationDetractorMonths = b.terminationDetractorMonths();
        Observation o = scenario.observation();
        this.surveyRate = o.surveyRate();
        this.surveyNoise = o.surveyNoise();
        this.satisfactionExact = o.satisfactionExact();
        this.voiceRate = o.voiceRate();
        this.tenureSpendGrowth = b.tenureSpendGrowth();
        this.tenureServiceDecline = b.tenureServiceDecline();
        this.negativeWeight = scenario.market().negativeWeight();
        this.winBackShare = scenario.market().winBack().share();
        this.winBackDelay = scenario.market().winBack().delay();
        this.openToReturnKey = CustomerRandom.monthKey(seed, replication, OPEN_TO_RETURN_MONTH);
        int archetypes = scenario.archetypes().size();
        this.basketSigma = new float[archetypes];
        this.archetypeShare = new double[archetypes];
        this.truthSegment = new int[archetypes];
        boolean truth = false;
        for (int a = 0; a < archetypes; a++) {
            basketSigma[a] = (float) scenario.archetypes().get(a).basketNoise();
            archetypeShare[a] = scenario.archetypes().get(a).share();
            String segment = scenario.truth().get(scenario.archetypes().get(a).name());
            truthSegment[a] = segment == null ? -1 : classifier.taxonomy().indexOf(segment);
            truth |= truthSegment[a] >= 0;
        }
        this.hasTruth = truth;
        this.segments = classifier.taxonomy().size();
        this.classifier = classifier;
        this.classifyAfterRanking = classifier.taxonomy().featuresUsed().contains(Feature.VALUE_RANK);
        this.featuresUsed = new boolean[Feature.all().size()];
        for (Feature f : classifier.taxonomy().featuresUsed()) {
            featuresUsed[f.ordinal()] = true;
        }
        this.events = scenario.events();
        this.eventKeys = new long[events.size()];
        for (int e = 0; e < eventKeys.length; e++) {
            eventKeys[e] = CustomerRandom.mix64(CustomerRandom.monthKey(seed, replication, events.get(e).month()) + e + 1);
        }
        this.generator = generator;
        this.streams = streams;
        this.pool = pool;
        this.monthA = newTally();
        this.monthB = newTally();
        this.monthD = newTally();
    }

    /** Scratch space of one worker thread: its random cursor, a Gaussian sampler on it, and a feature block. */
    private static final class Worker {
        final CustomerRandom rng = new CustomerRandom();
        final NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        final FeatureTable features = FeatureTable.ofSize(CHUNK);
        final byte[] classified = new byte[CHUNK];
        double eventChurn;
        double eventPurchase;
        double eventSatisfaction;
        double eventComplaint;
    }

    private Tally newTally() {
        return new Tally(archetypeShare.length, segments, months);
    }

    /**
     * Runs month {@code t}. During the burn-in (negative months, before month 0) there are no events, no churn and
     * no acquisition: the initial customers only build the history their features are computed from.
     */
    void step(MarketState st, TreatmentTable plan, int t, boolean burnIn, RunRecorder recorder) {
        ensureScratch(st);
        assignment(st, plan);
        int sizeBefore = st.size;
        runChunks(sizeBefore, (c, tally, w) -> purchasesServiceSatisfactionWordOfMouth(st, plan, t, burnIn, c, tally, w));
        sumTallies(sizeBefore, monthA);
        detractorShare = monthA.evaluated == 0 ? 0 : (double) monthA.detractors / monthA.evaluated;
        womDamping = negativeWeight == 0 ? 1 : Math.exp(-negativeWeight * detractorShare);
        acquiredAds = 0;
        acquiredWom = 0;
        acquiredReferral = 0;
        personProbability = 0;
        if (burnIn) {
            // The business enters month 0 with the reputation its word of mouth has earned.
            st.reputation = st.reputationStart = netWom(monthA, 0);
        } else {
            acquisition(st, plan, t);
            ensureScratch(st);
            updateReputation(st, t);
        }
        boolean reclassify = burnIn || t % reclassifyEvery == 0;
        churnFeaturesAndRanking(st, plan, t, burnIn, sizeBefore, reclassify);
        if (recorder != null) {
            record(st, plan, t, recorder);
        }
    }

    /**
     * Month 0 of customers who arrive with their own history (a calibrated scenario): no flows, no churn; their
     * features are computed from that history, then they are ranked and classified, as after a burn-in.
     */
    void settle(MarketState st, TreatmentTable plan) {
        ensureScratch(st);
        monthA.clear();
        detractorShare = 0;
        womDamping = 1;
        st.reputation = st.reputationStart = 0;
        churnFeaturesAndRanking(st, plan, 0, true, st.size, true);
    }

    private void churnFeaturesAndRanking(MarketState st, TreatmentTable plan, int t, boolean burnIn, int sizeBefore,
                                         boolean reclassify) {
        runChunks(st.size, (c, tally, w) -> churnAndWindow(st, plan, t, burnIn, sizeBefore, reclassify, c, tally, w));
        sumTallies(st.size, monthB);
        rankRevenue(st);
        if (classifyAfterRanking) {
            runChunks(st.size, (c, tally, w) -> featuresAndReclassification(st, t, reclassify, c, tally, w));
            sumTallies(st.size, monthD);
        } else {
            monthD.clear();
            monthD.add(monthB);
        }
    }

    /** Month 0: the state after the burn-in, classified and ranked; flows are zero. */
    void recordStart(MarketState st, RunRecorder recorder) {
        for (int i = 0; i < st.initialCount; i++) {
            st.initialSegment[i] = st.segment[i];
        }
        recorder.recordStart(st, monthA, monthB, monthD, ranking, womDamping);
    }

    // ---- 2. Assignment -------------------------------------------------------------------------------------

    /**
     * Decides who is treated. Without a budget, or when the month's treatment costs fit in it, every customer gets
     * its segment's treatment. Otherwise customers are taken from the most valuable down (last month's revenue
     * ranking; newer customers last) while their treatment cost still fits, and the rest get {@code none}.
     */
    private void assignment(MarketState st, TreatmentTable plan) {
        budgetBinds = false;
        if (Double.isInfinite(plan.budget)) {
            return;
        }
        double total = 0;
        for (int i = 0; i < st.size; i++) {
            if (st.status[i] == ACTIVE && !plan.terminates[st.segment[i]]) {
                total += plan.cost[st.segment[i]];
            }
        }
        if (total <= plan.budget) {
            return;
        }
        budgetBinds = true;
        java.util.Arrays.fill(untreated, 0, st.size, true);
        double spent = 0;
        // Once not even the cheapest treatment fits, nobody further down fits either (spent never falls, and a
        // rounded sum never falls when an addend grows), so the walk stops: everyone left is already untreated.
        double cheapest = Double.POSITIVE_INFINITY;
        for (int s = 0; s < segments; s++) {
            cheapest = Math.min(cheapest, plan.cost[s]);
        }
        // The walk in value order is sequential (each decision depends on what was spent), but its random reads and
        // writes are not: the rows' treatment rows are gathered in parallel first, the walk reads them in order
        // (the same additions in the same order), and the decisions are scattered back in parallel.
        int n = st.valueOrderSize;
        int[] order = st.valueOrder;
        byte[] rows = walkRows;
        int blocks = (n + RevenueRanking.BLOCK - 1) / RevenueRanking.BLOCK;
        forEachBlock(blocks, b -> {
            for (int k = b * RevenueRanking.BLOCK, to = Math.min(n, (b + 1) * RevenueRanking.BLOCK); k < to; k++) {
                int i = order[k];
                rows[k] = st.status[i] == ACTIVE ? st.segment[i] : NOT_ACTIVE;
            }
        });
        int stop = -1; // the walk stopped above this position (everyone from here down stays untreated)
        for (int k = n - 1; k >= 0; k--) {
            if (spent + cheapest > plan.budget) {
                stop = k;
                break;
            }
            byte row = rows[k];
            rows[k] = NOT_TREATED;
            if (row != NOT_ACTIVE) {
                double c = plan.cost[row];
                if (spent + c <= plan.budget) {
                    rows[k] = TREATED;
                    spent += c;
                }
            }
        }
        int first = stop + 1;
        forEachBlock(blocks, b -> {
            for (int k = Math.max(first, b * RevenueRanking.BLOCK), to = Math.min(n, (b + 1) * RevenueRanking.BLOCK); k < to; k++) {
                if (rows[k] == TREATED) {
                    untreated[order[k]] = false;
                }
            }
        });
        if (stop >= 0) {
            return;
        }
        boolean[] ranked = new boolean[st.size];
        for (int k = 0; k < n; k++) {
            ranked[order[k]] = true;
        }
        for (int i = 0; i < st.size; i++) {
            if (spent + cheapest > plan.budget) {
                return;
            }
            if (!ranked[i]) {
                spent = treatIfAffordable(st, plan, i, spent);
            }
        }
    }

    /** Runs body(0 .. blocks-1) on the pool (in the calling thread when there is none or one block). */
    private void forEachBlock(int blocks, IntConsumer body) {
        if (pool == null || blocks <= 1) {
            for (int b = 0; b < blocks; b++) {
                body.accept(b);
            }
        } else {
            pool.submit(() -> IntStream.range(0, blocks).parallel().forEach(body)).join();
        }
    }

    private double treatIfAffordable(MarketState st, TreatmentTable plan, int i, double spent) {
        if (st.status[i] != ACTIVE) {
            return spent;
        }
        double c = plan.cost[st.segment[i]];
        if (spent + c <= plan.budget) {
            untreated[i] = false;
            return spent + c;
        }
        return spent;
    }

    private int treatmentRow(MarketState st, TreatmentTable plan, int i) {
        return budgetBinds && untreated[i] ? plan.untreated() : st.segment[i];
    }

    // ---- 1. Events ------------------------------------------------------------------------------------------

    /**
     * Sets the worker's event multipliers for customer i in month t. Whether an event touches a customer is drawn
     * from the customer's own stream keyed by the event, so it is the same draw every month of the event (a fixed
     * set of touched customers) and for every strategy. Only customers acquired before the event can be touched;
     * a rep departure touches only customers attached to a representative.
     */
    private void applyEvents(MarketState st, int i, int t, boolean burnIn, Worker w) {
        w.eventChurn = 1;
        w.eventPurchase = 1;
        w.eventSatisfaction = 0;
        w.eventComplaint = 0;
        if (burnIn) {
            return;
        }
        for (int e = 0; e < eventKeys.length; e++) {
            Event event = events.get(e);
            if (!event.activeIn(t) || st.acquired[i] >= event.month()) {
                continue;
            }
            if (event.type() == EventType.REP_DEPARTURE && !st.population.repAttached()[i]) {
                continue;
            }
            if (w.rng.reset(eventKeys[e], i, Purpose.EVENT).nextDouble() >= event.share()) {
                continue;
            }
            w.eventChurn *= event.churnMultiplier();
            w.eventPurchase *= event.purchaseMultiplier();
            w.eventSatisfaction += event.satisfactionDelta();
            w.eventComplaint = 1 - (1 - w.eventComplaint) * (1 - event.complaintProbability());
        }
    }

    /** Whether any event is in effect in month t (most months: none, and the per-customer check is skipped). */
    private boolean eventsIn(int t, boolean burnIn) {
        if (burnIn) {
            return false;
        }
        for (Event e : events) {
            if (e.activeIn(t)) {
                return true;
            }
        }
        return false;
    }

    // ---- 3.–6. Purchases, service, satisfaction, word of mouth ------------------------------------------------

    private void purchasesServiceSatisfactionWordOfMouth(MarketState st, TreatmentTable plan, int t, boolean burnIn,
            int chunk, Tally tally, Worker w) {
        Population pop = st.population;
        byte[] archetype = pop.archetype();
        float[] rate = pop.purchaseRate();
        float[] spend = pop.spend();
        float[] psi = pop.priceSensitivity();
        float[] advocacy = pop.advocacy();
        float[] demand = pop.serviceDemand();
        float[] baseline = pop.satisfaction();
        float[] bad = pop.badExperience();
        float[] dropout = pop.dropout();
        long key = CustomerRandom.monthKey(seed, replication, t);
        int slot = Math.floorMod(t, window);
        boolean events = eventsIn(t, burnIn);
        double sale = promotions.discountIn(t);
        double badMultiplier = plan.badExperienceMultiplier;
        int from = chunk * CHUNK;
        int to = Math.min(st.size, from + CHUNK);
        // Sums kept in locals (registers) and added to the chunk's tally once: no shared cache lines between threads.
        double sumGrossSales = 0, sumRevenue = 0, sumDiscountCost = 0, sumServiceFees = 0, sumServiceCost = 0, sumTreatmentCost = 0, sumAdvocacy = 0, sumSatisfaction = 0;
        long sumEvaluated = 0, sumPromoters = 0, sumDetractors = 0, sumReferrals = 0, sumComplaints = 0, sumTerminated = 0, sumPurchases = 0;
        long sumBadExperiences = 0;
        for (int i = from; i < to; i++) {
            if (st.status[i] != ACTIVE) {
                // An ex-customer the business fired tells others about it for a while: a detractor, not a customer.
                if (st.status[i] == TERMINATED_DETRACTOR && t - st.lastComplaint[i] < terminationDetractorMonths) {
                    sumDetractors++;
                }
                continue;
            }
            int segment = st.segment[i];
            int row = treatmentRow(st, plan, i);
            // Every purpose's sequence starts from this one hash of (month, customer): hashed once, not per draw.
            long position = CustomerRandom.customerBase(key, i);
            // 2. Assignment: terminate ends the relationship before anything else happens this month; a share of the
            //    fired customers become detractors for a while (firing has a word-of-mouth cost).
            if (plan.terminates[row]) {
                st.status[i] = TERMINATED;
                sumTerminated++;
                if (terminationDetractor > 0 && terminationDetractorMonths > 0
                        && w.rng.resetAt(position, Purpose.TERMINATION).nextDouble() < terminationDetractor) {
                    st.status[i] = TERMINATED_DETRACTOR;
                    st.lastComplaint[i] = (short) t;
                    sumDetractors++;
                }
                continue;
            }
            // 1. Events in effect for this customer.
            if (events) {
                applyEvents(st, i, t, false, w);
            } else {
                w.eventChurn = 1;
                w.eventPurchase = 1;
                w.eventSatisfaction = 0;
                w.eventComplaint = 0;
            }
            // The discount: a sale the whole market sees, the treatment's own, or one leaking from another segment's
            // campaign (the best wins). A treatment that blocks discounts blocks its own and leaked ones, not a sale.
            double discount = 0;
            if (!plan.blocksDiscounts[row]) {
                discount = plan.discount[row];
                if (plan.leakSegment.length > 0) {
                    w.rng.resetAt(position, Purpose.LEAKAGE);
                    for (int k = 0; k < plan.leakSegment.length; k++) {
                        double u = w.rng.nextDouble(); // drawn for every campaign so streams stay aligned across strategies
                        if (plan.leakSegment[k] != segment && u < plan.leakProbability[k]) {
                            discount = Math.max(discount, plan.leakDiscount[k]);
                        }
                    }
                }
            }
            discount = Math.max(discount, sale);
            // Price response: the price offered (relative to list) against the price the customer remembers paying.
            // Above it, a price-sensitive customer buys less (the post-promotion dip) and is likelier to leave.
            double price = 1 - discount;
            double reference = (st.referencePrice[i] & 0xFF) * (1.0 / MarketState.PRICE_STEPS);
            double gap = Math.max(0, price - reference);
            priceGap[i] = (float) gap;

            // 3. Purchases: n ~ Poisson(λ · lift · g(s) · (1 + ψ·elasticity·discount) · event), baskets lognormal.
            float s = st.satisfaction[i];
            float s0 = baseline[i];
            double mean = rate[i] * plan.purchaseLift[row] * g(s, s0) * (1 + psi[i] * elasticity * discount) * w.eventPurchase;
            if (gap > 0 && priceGapPurchase > 0) {
                mean *= Math.exp(-psi[i] * priceGapPurchase * gap);
            }
            int purchases = Draws.poisson(w.rng.resetAt(position, Purpose.PURCHASES), mean);
            // BG/NBD dropout: after each purchase the customer leaves with probability p (scaled like churn by the
            // treatment), and the month's later purchases never happen (they are the next events of a Poisson process).
            boolean leaving = false;
            if (purchases > 0 && dropout[i] > 0 && !burnIn) {
                double leave = Math.min(1.0, dropout[i] * plan.churnMultiplier[row]);
                w.rng.resetAt(position, Purpose.DROPOUT);
                for (int j = 0; j < purchases; j++) {
                    if (w.rng.nextDouble() < leave) {
                        purchases = j + 1;
                        leaving = true;
                        break;
                    }
                }
            }
            double gross = 0;
            // Tenure: a customer of longer standing spends more (and, below, needs less service).
            double years = (t - st.acquired[i]) * (1.0 / 12);
            double basket = tenureSpendGrowth == 0 ? spend[i] : spend[i] * (1 + tenureSpendGrowth * years);
            if (purchases > 0) {
                float sigma = basketSigma[archetype[i]];
                if (sigma > 0) {
                    w.rng.resetAt(position, Purpose.BASKETS);
                    double shift = -0.5 * sigma * sigma;
                    for (int j = 0; j < purchases; j++) {
                        gross += basket * Math.exp(sigma * w.gauss.sample() + shift);
                    }
                } else {
                    gross = basket * purchases;
                }
                st.lastPurchase[i] = (short) t;
                // The remembered price moves toward the price just paid; buying on discount may train deal-proneness.
                if (referencePriceMemory > 0 && price != reference) {
                    double remembered = reference + referencePriceMemory * (price - reference);
                    st.referencePrice[i] = (byte) Math.round(remembered * MarketState.PRICE_STEPS);
                }
                if (dealTraining > 0 && discount > 0) {
                    psi[i] = (float) Math.min(1.0, psi[i] + dealTraining * discount * (1 - psi[i]));
                }
            }
            double discountCost = gross * discount;

            // 4. Service: requests ~ Poisson(demand); above the cap a fee is charged, or (no fee) the request is declined.
            double needs = tenureServiceDecline == 0 ? demand[i] : demand[i] * Math.pow(1 - tenureServiceDecline, years);
            int requests = Draws.poisson(w.rng.resetAt(position, Purpose.SERVICE), needs);
            int served = requests;
            double fees = 0;
            int charged = 0;
            if (requests > plan.serviceCap[row]) {
                int extra = requests - (int) plan.serviceCap[row];
                if (plan.serviceFee[row] > 0) {
                    // A fee deters: each chargeable request is still made with probability exp(−η·fee/mean basket).
                    charged = extra;
                    if (feeElasticity > 0) {
                        double keep = Math.exp(-feeElasticity * plan.serviceFee[row] / basket);
                        charged = Draws.binomialSmall(w.rng.resetAt(position, Purpose.SERVICE_FEE), extra, keep);
                    }
                    served -= extra - charged;
                    fees = charged * plan.serviceFee[row];
                } else {
                    served -= extra;
                }
            }
            double serviceCost = served * costPerRequest;
            // Each purchase or served request goes wrong with probability badExperience: a complaint.
            w.rng.resetAt(position, Purpose.COMPLAINTS);
            int complaints = Draws.binomialSmall(w.rng, purchases + served, badMultiplier == 1 ? bad[i] : bad[i] * badMultiplier);
            if (w.eventComplaint > 0 && w.rng.nextDouble() < w.eventComplaint) {
                complaints++;
            }
            // Only a voiced complaint is seen (the complaints feature and metric) and can be recovered; an unvoiced bad
            // experience hurts just the same.
            int voiced = voiceRate >= 1 ? complaints : Draws.binomialSmall(w.rng.resetAt(position, Purpose.VOICE), complaints, voiceRate);
            int resolved = Draws.binomialSmall(w.rng.resetAt(position, Purpose.RECOVERY), voiced, plan.recoveryProbability[row]);
            int unresolved = complaints - resolved;

            // 5. Satisfaction: drift back toward the baseline, the treatment's and events' deltas, complaint drops;
            //    a resolved complaint restores satisfaction to at least the baseline (the service-recovery effect).
            double next = s + drift * (s0 - s) + plan.satisfactionDelta[row] + w.eventSatisfaction - complaintImpact * unresolved
                    - feeSatisfactionImpact * charged;
            if (resolved > 0) {
                next = Math.max(next, s0);
            }
            next = Math.min(1.0, Math.max(0.0, next));
            st.satisfaction[i] = (float) next;
            if (unresolved > 0) {
                st.lastComplaint[i] = (short) t;
            }
            // Observation: a survey answer (the satisfaction plus noise), when satisfaction is not read exactly.
            if (!satisfactionExact && w.rng.resetAt(position, Purpose.SURVEY).nextDouble() < surveyRate) {
                double answer = surveyNoise > 0 ? next + surveyNoise * w.gauss.sample() : next;
                answer = Math.min(1.0, Math.max(0.0, answer));
                st.surveyAnswer[i] = (byte) Math.round(answer * MarketState.ANSWER_STEPS);
            }

            // 6. Word of mouth: detractors (low satisfaction or a recent unresolved complaint) and promoters.
            boolean recentComplaint = t - st.lastComplaint[i] < complaintMemory;
            boolean detractor = next < detractorThreshold || recentComplaint;
            boolean promoter = !detractor && next >= promoterThreshold;
            int referred = 0;
            if (promoter) {
                double a = Math.min(1.0, advocacy[i] * plan.advocacyMultiplier[row]);
                sumPromoters++;
                sumAdvocacy += a;
                if (w.rng.resetAt(position, Purpose.REFERRAL).nextDouble() < a) {
                    referred = 1;
                    sumReferrals++;
                    tally.referralsByArchetype[archetype[i]]++;
                }
            } else if (detractor) {
                sumDetractors++;
            }
            sumEvaluated++;
            sumSatisfaction += next;

            // Money, and this month's bucket of the trailing window.
            double treatmentCost = plan.cost[row];
            double revenue = gross - discountCost + fees;
            double margin = grossMargin * gross + fees - discountCost - serviceCost - treatmentCost;
            int b = i * window + slot;
            st.ringRevenue[b] = (float) revenue;
            st.ringMargin[b] = (float) margin;
            st.ringPurchases[b] = (byte) Math.min(purchases, 255);
            // The flag marks a month a discount was offered (exposure), bought in or not: promoLift compares the
            // purchase rates of offered and full-price months.
            st.ringServedDiscounted[b] = (byte) (Math.min(served, 127) | (discount > 0 ? 0x80 : 0));
            st.ringComplaintsReferrals[b] = (byte) (Math.min(voiced, 15) | (referred << 4));
            sumGrossSales += gross;
            sumRevenue += revenue;
            sumDiscountCost += discountCost;
            sumServiceFees += fees;
            sumServiceCost += serviceCost;
            sumTreatmentCost += treatmentCost;
            sumComplaints += voiced;
            sumBadExperiences += complaints;
            sumPurchases += purchases;
            int channel = st.channel(i);
            if (channel == 0 && i < st.initialCount) {
                tally.marginByInitialSegment[st.initialSegment[i]] += margin;
            }
            tally.marginByChannel[channel] += margin;
            if (leaving) {
                st.status[i] = LEAVING;
            }
        }
        tally.grossSales += sumGrossSales;
        tally.revenue += sumRevenue;
        tally.discountCost += sumDiscountCost;
        tally.serviceFees += sumServiceFees;
        tally.serviceCost += sumServiceCost;
        tally.treatmentCost += sumTreatmentCost;
        tally.advocacy += sumAdvocacy;
        tally.satisfaction += sumSatisfaction;
        tally.evaluated += sumEvaluated;
        tally.promoters += sumPromoters;
        tally.detractors += sumDetractors;
        tally.referrals += sumReferrals;
        tally.complaints += sumComplaints;
        tally.badExperiences += sumBadExperiences;
        tally.purchases += sumPurchases;
        tally.terminated += sumTerminated;
    }

    /** g(s): purchases rise with satisfaction above the customer's baseline; 1 when the sensitivity is 0. */
    private double g(float s, float s0) {
        return purchaseSensitivity == 0 ? 1.0 : Math.exp(purchaseSensitivity * (s - s0));
    }

    /** h(s): churn rises as satisfaction falls below the customer's baseline; 1 when the sensitivity is 0. */
    private double h(float s, float s0) {
        return churnSensitivity == 0 ? 1.0 : Math.exp(churnSensitivity * (s0 - s));
    }

    // ---- 6. Acquisition (Bass form, damped by negative word of mouth, scaled by reputation) ---------------------

    /**
     * Each of the M − A(t) people never acquired becomes a customer with probability (p′ + q·V⁺/M) · D, where
     * D = exp(−κ · detractor share) is the damping of negative word of mouth and p′ = (p · Σ shareₐ(1 + boostₐ) +
     * campaign) · R is the advertising innovation raised by acquisition boosts and the strategy's campaign and scaled by
     * reputation R = exp(effect · (ρ − ρ₀)). The count is one binomial draw, split into advertising and imitation by a
     * second (and advertising into standing and campaign by a third when there is a campaign). Standing advertising
     * brings archetypes in proportion to share × (1 + boost), the campaign the same weights × its tilt; imitation
     * copies a referrer's archetype with probability referralLean, else draws from the mixture. Then each of this
     * month's referrals converts with probability referralConversion · D · R, from the people still in the pool.
     */
    private void acquisition(MarketState st, TreatmentTable plan, int t) {
        var market = scenario.market();
        double reputationFactor = reputationFactor(st);
        double[] adWeights = new double[archetypeShare.length];
        double adMass = 0;
        for (int a = 0; a < adWeights.length; a++) {
            adWeights[a] = archetypeShare[a] * (1 + plan.archetypeBoost[a]);
            adMass += adWeights[a];
        }
        double pStanding = Math.min(1.0, market.innovation() * adMass);
        double pAds = plan.campaignInnovation > 0 ? Math.min(1.0, pStanding + plan.campaignInnovation) : pStanding;
        pAds = Math.min(1.0, pAds * womDamping * reputationFactor);
        double pWom = Math.min(1.0, market.imitation() * monthA.advocacy / market.potential() * womDamping);
        double p = Math.min(1.0, pAds + pWom);
        personProbability = p;
        long pool = Math.max(0, market.potential() - st.adopters);
        int from = st.size;
        int ads = 0;
        int acquired = 0;
        if (pool > 0 && p > 0) {
            UniformRandomProvider rng = streams.stream(replication, StreamPurpose.ACQUISITION, t);
            acquired = binomial((int) Math.min(Integer.MAX_VALUE - 8, pool), p, rng.nextDouble());
            ads = binomial(acquired, pAds / (pAds + pWom), rng.nextDouble());
            int campaign = 0;
            double[] campaignWeights = adWeights;
            double campaignMass = adMass;
            if (plan.campaignInnovation > 0) {
                double standing = Math.min(1.0, market.innovation() * adMass);
                campaign = binomial(ads, plan.campaignInnovation / (standing + plan.campaignInnovation), rng.nextDouble());
                campaignWeights = new double[adWeights.length];
                campaignMass = 0;
                for (int a = 0; a < adWeights.length; a++) {
                    campaignWeights[a] = adWeights[a] * plan.campaignTilt[a];
                    campaignMass += campaignWeights[a];
                }
            }
            from = st.population.extend(acquired);
            byte[] archetype = st.population.archetype();
            long referralTotal = total(monthA.referralsByArchetype);
            double lean = market.referralLean();
            for (int j = 0; j < acquired; j++) {
                int a;
                if (j < ads - campaign) {
                    a = drawWeighted(rng, adWeights, adMass);
                } else if (j < ads) {
                    a = drawWeighted(rng, campaignWeights, campaignMass);
                } else if (lean > 0 && referralTotal > 0 && rng.nextDouble() < lean) {
                    a = drawWeighted(rng, monthA.referralsByArchetype, referralTotal);
                } else {
                    a = drawWeighted(rng, archetypeShare, 1.0);
                }
                archetype[from + j] = (byte) a;
            }
            generator.drawTraits(st.population, from, from + acquired, rng);
            st.grow(from + acquired, (short) t);
            st.adopters += acquired;
        }
        int referred = referralAcquisitions(st, t, pool - acquired, reputationFactor);
        st.recordBlocks(t, from, from + ads, from + acquired, from + acquired + referred);
        acquiredAds = ads;
        acquiredWom = acquired - ads;
        acquiredReferral = referred;
    }

    /**
     * Referrals that convert: Binomial(referrals, referralConversion · D · R) new customers, at most the people left
     * in the pool, each copying the referrer's archetype with probability referralLean. A stream of their own, so a
     * market without referral conversion draws exactly what it drew before referrals converted.
     */
    private int referralAcquisitions(MarketState st, int t, long pool, double reputationFactor) {
        var market = scenario.market();
        long referrals = total(monthA.referralsByArchetype);
        if (market.referralConversion() == 0 || referrals == 0 || pool <= 0) {
            return 0;
        }
        double conversion = Math.min(1.0, market.referralConversion() * womDamping * reputationFactor);
        UniformRandomProvider rng = streams.stream(replication, StreamPurpose.REFERRALS, t);
        int count = (int) Math.min(pool, binomial((int) Math.min(Integer.MAX_VALUE - 8, referrals), conversion, rng.nextDouble()));
        if (count == 0) {
            return 0;
        }
        int from = st.population.extend(count);
        byte[] archetype = st.population.archetype();
        double lean = market.referralLean();
        for (int j = 0; j < count; j++) {
            archetype[from + j] = (byte) (lean > 0 && rng.nextDouble() < lean
                    ? drawWeighted(rng, monthA.referralsByArchetype, referrals)
                    : drawWeighted(rng, archetypeShare, 1.0));
        }
        generator.drawTraits(st.population, from, from + count, rng);
        st.grow(from + count, (short) t);
        st.adopters += count;
        return count;
    }

    /** R = exp(effect · (ρ − ρ₀)): reputation above its month-0 level makes advertising and referrals convert better. */
    private double reputationFactor(MarketState st) {
        double effect = scenario.market().reputation().effect();
        return effect == 0 ? 1 : Math.exp(effect * (st.reputation - st.reputationStart));
    }

    /**
     * The reputation stock follows the month's net word of mouth, closing {@code gain} of the gap when that is above
     * it and {@code loss} when below (slow to build, quick to lose), plus the events' pushes; kept in [-1, 1].
     */
    private void updateReputation(MarketState st, int t) {
        Market.Reputation r = scenario.market().reputation();
        double target = netWom(monthA, st.reputation);
        double rho = st.reputation;
        rho += (target > rho ? r.gain() : r.loss()) * (target - rho);
        for (Event e : events) {
            if (e.activeIn(t)) {
                rho += e.reputationDelta();
            }
        }
        st.reputation = Math.max(-1, Math.min(1, rho));
    }

    /** (promoters − detractors) / customers evaluated this month, or {@code otherwise} when nobody was evaluated. */
    private static double netWom(Tally a, double otherwise) {
        return a.evaluated == 0 ? otherwise : (double) (a.promoters - a.detractors) / a.evaluated;
    }

    private static long total(long[] counts) {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    /** A Binomial(n, p) count by inversion of one uniform (Commons Math's exact CDF; once or twice a month). */
    private static int binomial(int n, double p, double u) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        return new BinomialDistribution(null, n, p).inverseCumulativeProbability(u);
    }

    private static int drawWeighted(UniformRandomProvider rng, double[] weights, double total) {
        double u = rng.nextDouble() * total;
        double cumulative = 0;
        for (int a = 0; a < weights.length; a++) {
            cumulative += weights[a];
            if (u < cumulative) {
                return a;
            }
        }
        return lastPositive(weights);
    }

    private static int drawWeighted(UniformRandomProvider rng, long[] weights, long total) {
        long u = (long) (rng.nextDouble() * total);
        long cumulative = 0;
        for (int a = 0; a < weights.length; a++) {
            cumulative += weights[a];
            if (u < cumulative) {
                return a;
            }
        }
        return weights.length - 1;
    }

    private static int lastPositive(double[] weights) {
        for (int a = weights.length - 1; a >= 0; a--) {
            if (weights[a] > 0) {
                return a;
            }
        }
        return 0;
    }

    // ---- 7. Churn -------------------------------------------------------------------------------------------

    /**
     * Each customer active before this month's acquisitions leaves with probability
     * θ · churnMultiplier · h(s) · events · (1 + ν · detractor share), capped at 1. Then every active customer's
     * trailing-window revenue is summed for the ranking, and active customers are counted by cohort.
     */
    private void churnAndWindow(MarketState st, TreatmentTable plan, int t, boolean burnIn, int sizeBefore, boolean reclassify,
            int chunk, Tally tally, Worker w) {
        Population pop = st.population;
        float[] churn = pop.churn();
        float[] baseline = pop.satisfaction();
        float[] psi = pop.priceSensitivity();
        long key = CustomerRandom.monthKey(seed, replication, t);
        boolean events = eventsIn(t, burnIn);
        double womFactor = 1 + negativeWomChurn * detractorShare;
        int from = chunk * CHUNK;
        int to = Math.min(st.size, from + CHUNK);
        boolean returns = !burnIn && (winBackShare > 0 || plan.winsBack);
        for (int i = from; i < to; i++) {
            if (st.status[i] == LEAVING) {
                st.status[i] = CHURNED;
                st.lastComplaint[i] = (short) t;
                tally.churned++;
                continue;
            }
            boolean returned = returns && st.status[i] == CHURNED && comesBack(st, plan, t, i, tally, w);
            if (st.status[i] != ACTIVE) {
                continue;
            }
            if (!burnIn && i < sizeBefore && !returned) {
                int row = treatmentRow(st, plan, i);
                double eventChurn = 1;
                if (events) {
                    applyEvents(st, i, t, false, w);
                    eventChurn = w.eventChurn;
                }
                double p = churn[i] * plan.churnMultiplier[row] * h(st.satisfaction[i], baseline[i]) * eventChurn * womFactor;
                float gap = priceGap[i];
                if (gap > 0 && priceGapChurn > 0) {
                    p *= 1 + psi[i] * priceGapChurn * gap;
                }
                if (w.rng.reset(key, i, Purpose.CHURN).nextDouble() < p) {
                    st.status[i] = CHURNED;
                    st.lastComplaint[i] = (short) t;
                    tally.churned++;
                    continue;
                }
            }
            tally.active++;
            int acquiredIn = st.acquired[i];
            if (acquiredIn <= 0) {
                if (i < st.initialCount) {
                    tally.activeInitial++;
                }
            } else {
                // Acquired during the run: counted by the channel that brought them (the profit bridge's cohorts).
                tally.activeByChannel[st.channel(i)]++;
            }
            tally.cohortActive[Math.max(0, Math.min(months, acquiredIn))]++;
        }
        // 8. Features (the window sums also give the revenue the ranking needs), and reclassification right here
        //    unless the taxonomy reads valueRank, which needs this month's ranking first.
        //    Only monetary when nobody is classified in this pass (the ranking needs nothing else).
        fillFeatures(st, t, from, to, w.features, reclassify && !classifyAfterRanking);
        float[] monetary = w.features.column(Feature.MONETARY);
        System.arraycopy(monetary, 0, revenueScratch, from, to - from);
        if (!classifyAfterRanking) {
            reclassify(st, t, reclassify, from, to, w, tally);
        }
    }

    /**
     * Whether churned customer i comes back this month. A share of the churned are open to returning (one draw per
     * customer, the same for every strategy). Once {@code winBack.delay} months have passed they are back in the pool
     * and return with this month's acquisition probability of anyone in it; while the strategy's win-back offer for the
     * segment they left runs ({@code winBackMonths} after leaving), they are contacted (at {@code winBackCost}) and
     * return with its {@code winBackProbability} too. One who returns is reactivated as a new customer.
     */
    private boolean comesBack(MarketState st, TreatmentTable plan, int t, int i, Tally tally, Worker w) {
        int since = t - st.lastComplaint[i];
        int row = st.segment[i];
        boolean offered = plan.winBackProbability[row] > 0 && since >= 1 && since <= plan.winBackMonths[row];
        if (offered) {
            tally.winBackContacts++;
            tally.winBackCost += plan.winBackCost[row];
        }
        if (winBackShare == 0 || w.rng.reset(openToReturnKey, i, Purpose.WIN_BACK_OPEN).nextDouble() >= winBackShare) {
            return false;
        }
        double byMarket = since >= winBackDelay ? personProbability : 0;
        double byOffer = offered ? plan.winBackProbability[row] : 0;
        if (byMarket == 0 && byOffer == 0) {
            return false;
        }
        // One draw decides both ways back: below byOffer the offer brought them, above it (up to the union) the market.
        double u = w.rng.reset(CustomerRandom.monthKey(seed, replication, t), i, Purpose.WIN_BACK).nextDouble();
        if (u >= 1 - (1 - byOffer) * (1 - byMarket)) {
            return false;
        }
        if (u < byOffer) {
            tally.returnedByOffer++;
        } else {
            tally.returnedByMarket++;
        }
        st.reactivate(i, (short) t);
        return true;
    }

    // ---- 8. Features and reclassification ---------------------------------------------------------------------

    /** Ranks the active customers by window revenue: Pareto metrics, the Lorenz curve, valueRank, budget order. */
    private void rankRevenue(MarketState st) {
        // Gathering, sorting and writing ranks run on the pool (they were the sequential part capping 2-thread scaling).
        ranking.rank(st.status, revenueScratch, st.size, pool);
        ranking.writeValueRanks(st.valueRank, pool);
        int n = ranking.size();
        System.arraycopy(ranking.order(), 0, st.valueOrder, 0, n);
        st.valueOrderSize = n;
    }

    /** After the ranking: recomputes the chunk's features with this month's valueRank, classifies, counts segments. */
    private void featuresAndReclassification(MarketState st, int t, boolean reclassify, int chunk, Tally tally, Worker w) {
        int from = chunk * CHUNK;
        int to = Math.min(st.size, from + CHUNK);
        if (reclassify) {
            // Monetary is this month's, computed in the churn pass from the same ring (nothing wrote it since).
            System.arraycopy(revenueScratch, from, w.features.column(Feature.MONETARY), 0, to - from);
            fillOtherFeatures(st, t, from, to, w.features);
        }
        reclassify(st, t, reclassify, from, to, w, tally);
    }

    /** Classifies the chunk whose features are in the worker's table; tallies segments, transitions, confusion. */
    private void reclassify(MarketState st, int t, boolean reclassify, int from, int to, Worker w, Tally tally) {
        int len = to - from;
        if (reclassify) {
            classifier.classify(w.features, w.classified, 0, len);
        }
        byte[] archetype = st.population.archetype();
        for (int j = 0; j < len; j++) {
            int i = from + j;
            if (st.status[i] != ACTIVE) {
                continue;
            }
            int old = st.segment[i];
            int now = reclassify ? w.classified[j] : old;
            if (reclassify) {
                // A customer acquired since the last classification enters from "new"; it did not move out of the
                // segment its row held by default.
                if (st.acquired[i] > t - reclassifyEvery) {
                    tally.entries[now]++;
                } else {
                    tally.transitions[old * segments + now]++;
                }
                st.segment[i] = (byte) now;
            }
            tally.segmentCounts[now]++;
            int truth = truthSegment[archetype[i]];
            if (truth >= 0) {
                tally.confusion[truth * segments + now]++;
            }
        }
    }

    /**
     * Computes the chunk's features from the window buckets into the worker's table. Only what is needed is
     * computed: monetary always (the ranking needs it), the rest only when {@code all} (the chunk is classified from
     * this table) and the taxonomy reads it. Inactive customers
     * are skipped; their rows keep stale values that nobody reads.
     */
    private void fillFeatures(MarketState st, int t, int from, int to, FeatureTable table, boolean all) {
        fillMonetary(st, from, to, table);
        if (all) {
            fillOtherFeatures(st, t, from, to, table);
        }
    }

    /** Window revenue of the chunk's active customers (the ranking's key, and the feature monetary). */
    private void fillMonetary(MarketState st, int from, int to, FeatureTable table) {
        float[] monetary = table.column(Feature.MONETARY);
        for (int i = from; i < to; i++) {
            if (st.status[i] != ACTIVE) {
                continue;
            }
            monetary[i - from] = (float) WindowSums.sum(st.ringRevenue, i * window, window);
        }
    }

    /** Every feature but monetary, for classification. */
    private void fillOtherFeatures(MarketState st, int t, int from, int to, FeatureTable table) {
        if (needs(Feature.FREQUENCY) || needs(Feature.DISCOUNT_SHARE) || needs(Feature.PROMO_LIFT)) {
            float[] frequency = table.column(Feature.FREQUENCY);
            float[] discountShare = table.column(Feature.DISCOUNT_SHARE);
            float[] promoLift = table.column(Feature.PROMO_LIFT);
            boolean lift = needs(Feature.PROMO_LIFT);
            for (int i = from; i < to; i++) {
                if (st.status[i] != ACTIVE) {
                    continue;
                }
                int base = i * window;
                int purchases = WindowSums.bytes(st.ringPurchases, base, window);
                int discounted = WindowSums.bytesWhereHighBit(st.ringPurchases, st.ringServedDiscounted, base, window);
                frequency[i - from] = purchases;
                discountShare[i - from] = purchases == 0 ? 0f : (float) discounted / purchases;
                if (lift) {
                    // Months before acquisition hold zeros (no purchase, no offer): they are neither kind of month.
                    int months = Math.min(window, t - st.acquired[i]);
                    int offered = WindowSums.highBits(st.ringServedDiscounted, base, window);
                    promoLift[i - from] = PromoLift.of(discounted, offered, purchases - discounted, months - offered);
                }
            }
        }
        if (needs(Feature.COMPLAINTS) || needs(Feature.REFERRALS)) {
            float[] complaints = table.column(Feature.COMPLAINTS);
            float[] referrals = table.column(Feature.REFERRALS);
            for (int i = from; i < to; i++) {
                if (st.status[i] != ACTIVE) {
                    continue;
                }
                int base = i * window;
                complaints[i - from] = WindowSums.lowNibbles(st.ringComplaintsReferrals, base, window);
                referrals[i - from] = WindowSums.highNibbles(st.ringComplaintsReferrals, base, window);
            }
        }
        if (needs(Feature.COST_TO_SERVE)) {
            float[] costToServe = table.column(Feature.COST_TO_SERVE);
            for (int i = from; i < to; i++) {
                if (st.status[i] != ACTIVE) {
                    continue;
                }
                int base = i * window;
                int served = 0;
                for (int k = 0; k < window; k++) {
                    served += st.ringServedDiscounted[base + k] & 0x7F;
                }
                costToServe[i - from] = (float) (served * costPerRequest);
            }
        }
        if (needs(Feature.MARGIN) || needs(Feature.SERVICE_TO_MARGIN)) {
            float[] margin = table.column(Feature.MARGIN);
            float[] serviceToMargin = table.column(Feature.SERVICE_TO_MARGIN);
            boolean ratio = needs(Feature.SERVICE_TO_MARGIN);
            for (int i = from; i < to; i++) {
                if (st.status[i] != ACTIVE) {
                    continue;
                }
                int base = i * window;
                double m = WindowSums.sum(st.ringMargin, base, window);
                margin[i - from] = (float) m;
                if (ratio) {
                    int served = 0;
                    for (int k = 0; k < window; k++) {
                        served += st.ringServedDiscounted[base + k] & 0x7F;
                    }
                    serviceToMargin[i - from] = serviceToMargin(served * costPerRequest, m);
                }
            }
        }
        float[] recency = table.column(Feature.RECENCY);
        float[] satisfaction = table.column(Feature.SATISFACTION);
        float[] tenure = table.column(Feature.TENURE);
        float[] valueRank = table.column(Feature.VALUE_RANK);
        for (int i = from; i < to; i++) {
            int j = i - from;
            int age = t - st.acquired[i];
            recency[j] = st.lastPurchase[i] == MarketState.NEVER ? age : t - st.lastPurchase[i];
            satisfaction[j] = satisfactionExact ? st.satisfaction[i] : answer(st.surveyAnswer[i]);
            tenure[j] = age;
            valueRank[j] = st.valueRank[i];
        }
    }

    /** Service cost ÷ the margin earned before it; +∞ when nothing is earned before service, 0 without service. */
    static float serviceToMargin(double costToServe, double margin) {
        if (costToServe <= 0) {
            return 0f;
        }
        double before = margin + costToServe;
        return before <= 0 ? Float.POSITIVE_INFINITY : (float) (costToServe / before);
    }

    /** The satisfaction the business knows from the last survey answer; NaN (unknown) when never surveyed. */
    private static float answer(byte stored) {
        return stored == MarketState.NOT_SURVEYED ? Float.NaN : (stored & 0xFF) * (1f / MarketState.ANSWER_STEPS);
    }

    private boolean needs(Feature f) {
        return featuresUsed[f.ordinal()];
    }

    // ---- 9. Metrics -----------------------------------------------------------------------------------------

    private void record(MarketState st, TreatmentTable plan, int t, RunRecorder recorder) {
        recorder.recordMonth(st, t, plan, monthA, monthB, monthD,
                new RunRecorder.Acquired(acquiredAds, acquiredWom, acquiredReferral, monthB.returnedByMarket,
                        monthB.returnedByOffer, womDamping), ranking, scenario.market(), grossMargin);
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface ChunkBody {
        void run(int chunk, Tally tally, Worker worker);
    }

    private void runChunks(int size, ChunkBody body) {
        int chunks = (size + CHUNK - 1) / CHUNK;
        if (tallies.length < chunks) {
            Tally[] grown = java.util.Arrays.copyOf(tallies, chunks);
            for (int c = tallies.length; c < chunks; c++) {
                grown[c] = newTally();
            }
            tallies = grown;
        }
        IntConsumer task = c -> {
            tallies[c].clear();
            Worker w = idleWorkers.pollFirst();
            if (w == null) {
                w = new Worker();
            }
            try {
                body.run(c, tallies[c], w);
            } finally {
                idleWorkers.addFirst(w);
            }
        };
        if (pool == null || chunks <= 1) {
            for (int c = 0; c < chunks; c++) {
                task.accept(c);
            }
        } else {
            pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(task)).join();
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("run interrupted");
        }
    }

    /** Adds the chunk tallies in chunk order (the order fixes the floating-point result). */
    private void sumTallies(int size, Tally into) {
        into.clear();
        int chunks = (size + CHUNK - 1) / CHUNK;
        for (int c = 0; c < chunks; c++) {
            into.add(tallies[c]);
        }
    }

    private void ensureScratch(MarketState st) {
        int cap = st.capacity();
        if (revenueScratch.length < cap) {
            revenueScratch = new float[cap];
            walkRows = new byte[cap];
            // Written before acquisition and read by the churn stage after it: growing for the new customers must
            // keep what the month wrote (a fresh array lost the month's price gaps and budget decisions).
            priceGap = java.util.Arrays.copyOf(priceGap, cap);
            untreated = java.util.Arrays.copyOf(untreated, cap);
        }
    }
}
