package org.segmentlab.simulator.engine;

import java.util.concurrent.ForkJoinPool;

import org.segmentlab.model.classify.RuleTableClassifier;
import org.segmentlab.model.feature.Feature;
import org.segmentlab.simulator.engine.StageClock.Part;
import org.segmentlab.simulator.population.PopulationGenerator;
import org.segmentlab.simulator.random.RandomStreams;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * One month of the model (docs/model.md, t = 1 … T) for one strategy, as a schedule of stages. Chunk stages run one
 * after another over each fixed-size {@link Chunk} of customers, on a fork/join pool; each is a short loop over the
 * chunk that reads the columns the stages before it wrote. Month-wide stages (the budget, acquisition, the revenue
 * ranking, the metrics) run between the chunk passes:
 * <pre>
 *   assignment (budget)                                     month-wide
 *   assignment · events · purchases · service ·             pass A, per chunk
 *     satisfaction · word of mouth · ledger
 *   acquisition · reputation                                month-wide
 *   churn · features (monetary, and the rest when            pass B, per chunk
 *     classifying here) · classification
 *   revenue ranking                                         month-wide
 *   features · classification                               pass C, per chunk (only when the taxonomy reads valueRank)
 *   metrics                                                 month-wide
 *   compaction (rows nobody will read again)                month-wide
 * </pre>
 * Every customer draw comes from the customer's own stream for its purpose ({@link CustomerRandom}), so splitting
 * the month into stages, chunks or threads never changes a number. The same instance serves every strategy of a
 * replication (it holds scratch space, not results).
 */
final class MonthlyStep {
    private final StepSettings settings;
    private final ChunkRunner runner;
    private final RevenueRanking ranking = new RevenueRanking();
    private final Month month;

    private final AssignmentStage assignment;
    private final EventStage events;
    private final PurchaseStage purchases;
    private final ServiceStage service;
    private final SatisfactionStage satisfaction;
    private final WordOfMouthStage wordOfMouth;
    private final LedgerStage ledger;
    private final AcquisitionStage acquisition;
    private final ChurnStage churn;
    private final FeatureStage features;
    private final ClassificationStage classification;
    private final ChurnedRows churnedRows;
    private final Scenario scenario;
    private final double negativeWeight;
    /** valueRank needs the month's ranking first; without it, customers are classified in the churn pass. */
    private final boolean classifyAfterRanking;

    /** The month's sums: after pass A (flows), pass B (churn, counts) and the last classification. */
    private final Tally monthA;
    private final Tally monthB;
    private final Tally monthD;
    private float[] revenueScratch = new float[0];
    /**
     * The state and month whose customers {@link #ranking} holds in value order (pass B keeps them when a budget may
     * walk them next month), or null: the next month's walk reuses them instead of ranking again, unless another
     * strategy's month (runs in lockstep) or a compaction came in between.
     */
    private MarketState orderedState;
    private int orderedMonth;
    /** The month-wide parts' times, and whether the months are timed (for measuring the engine, never in results). */
    private final StageClock clock = new StageClock();
    private boolean timed;

    MonthlyStep(Scenario scenario, int replication, RuleTableClassifier classifier, PopulationGenerator generator,
            RandomStreams streams, ForkJoinPool pool) {
        this.scenario = scenario;
        this.settings = new StepSettings(scenario, replication);
        this.month = new Month(settings, !scenario.events().isEmpty());
        int archetypes = scenario.archetypes().size();
        int segments = classifier.taxonomy().size();
        this.runner = new ChunkRunner(pool, () -> new Tally(archetypes, segments, settings.months));
        int[] truthSegment = new int[archetypes];
        for (int a = 0; a < archetypes; a++) {
            String segment = scenario.truth().get(scenario.archetypes().get(a).name());
            truthSegment[a] = segment == null ? -1 : classifier.taxonomy().indexOf(segment);
        }
        this.negativeWeight = scenario.market().negativeWeight();
        this.classifyAfterRanking = classifier.taxonomy().featuresUsed().contains(Feature.VALUE_RANK);
        this.assignment = new AssignmentStage(settings, segments, runner);
        this.events = new EventStage(scenario.events(), settings);
        this.purchases = new PurchaseStage();
        this.service = new ServiceStage();
        this.satisfaction = new SatisfactionStage();
        this.wordOfMouth = new WordOfMouthStage();
        this.ledger = new LedgerStage();
        this.acquisition = new AcquisitionStage(scenario, replication, generator, streams, events, runner.pool());
        this.churnedRows = new ChurnedRows(settings);
        this.churn = new ChurnStage(settings, churnedRows);
        this.features = new FeatureStage(settings, classifier.taxonomy().featuresUsed());
        this.classification = new ClassificationStage(classifier, settings.reclassifyEvery, truthSegment);
        this.monthA = runner.newTally();
        this.monthB = runner.newTally();
        this.monthD = runner.newTally();
    }

    /**
     * Runs month {@code t}. During the burn-in (negative months, before month 0) there are no events, no churn and
     * no acquisition: the initial customers only build the history their features are computed from.
     */
    void step(MarketState st, TreatmentTable plan, int t, boolean burnIn, RunRecorder recorder) {
        Month m = begin(st, plan, t, burnIn);
        m.reclassify = burnIn || t % settings.reclassifyEvery == 0;
        m.sizeBefore = st.size;
        m.events = events.anyIn(t, burnIn);
        m.sale = scenario.promotions().discountIn(t);
        clock.start(timed);
        assignment.decide(m, this::rankedByValue);
        clock.lap(Part.BUDGET);
        runner.run(st.size, this::flows, monthA);
        clock.lap(Part.CHUNK_PASSES);
        m.detractorShare = monthA.evaluated == 0 ? 0 : (double) monthA.detractors / monthA.evaluated;
        m.womDamping = negativeWeight == 0 ? 1 : Math.exp(-negativeWeight * m.detractorShare);
        acquisition.none(m);
        if (burnIn) {
            // The business enters month 0 with the reputation its word of mouth has earned.
            st.reputation = st.reputationStart = AcquisitionStage.netWom(monthA, 0);
        } else {
            acquisition.acquire(m, monthA);
            m.ensureCapacity(st.capacity());
            acquisition.updateReputation(st, t, monthA);
        }
        clock.lap(Part.ACQUISITION);
        churnFeaturesAndRanking(m);
        if (recorder != null) {
            recorder.recordMonth(st, t, plan, monthA, monthB, monthD,
                    new RunRecorder.Acquired(acquisition.acquiredAds, acquisition.acquiredWom, acquisition.acquiredReferral,
                            monthB.returnedByMarket, monthB.returnedByOffer, m.womDamping),
                    ranking, scenario.market(), settings.grossMargin);
        }
        clock.lap(Part.METRICS);
        if (!burnIn && churnedRows.compact(st, t, plan, monthB.gone, runner.pool()) > 0) {
            orderedState = null; // the rows moved
        }
        clock.lap(Part.COMPACTION);
    }

    /** Times the months from now on, part by part ({@link #stageNanos}), or stops timing them; clears the times. */
    void timeStages(boolean on) {
        timed = on;
        clock.clear();
        runner.clearStageNanos();
    }

    /** Nanoseconds spent in each {@link Part} since {@link #timeStages} (chunk stages summed over threads). */
    long[] stageNanos() {
        long[] nanos = new long[Part.values().length];
        clock.addInto(nanos);
        runner.addStageNanos(nanos);
        return nanos;
    }

    /**
     * Month 0 of customers who arrive with their own history (a calibrated scenario): no flows, no churn; their
     * features are computed from that history, then they are ranked and classified, as after a burn-in.
     */
    void settle(MarketState st, TreatmentTable plan) {
        Month m = begin(st, plan, 0, true);
        m.reclassify = true;
        m.sizeBefore = st.size;
        m.events = false;
        m.budgetBinds = false;
        monthA.clear();
        m.detractorShare = 0;
        m.womDamping = 1;
        acquisition.none(m);
        st.reputation = st.reputationStart = 0;
        churnFeaturesAndRanking(m);
    }

    /** Month 0: the state after the burn-in, classified and ranked; flows are zero. */
    void recordStart(MarketState st, RunRecorder recorder) {
        for (int i = 0; i < st.size; i++) {
            if (st.initial(i)) {
                st.initialSegment[st.id[i]] = st.segment[i];
            }
        }
        recorder.recordStart(st, monthA, monthB, monthD, ranking, month.womDamping);
    }

    private Month begin(MarketState st, TreatmentTable plan, int t, boolean burnIn) {
        Month m = month;
        m.st = st;
        m.plan = plan;
        m.t = t;
        m.burnIn = burnIn;
        m.key = settings.monthKey(t);
        m.ensureCapacity(st.capacity());
        return m;
    }

    /** Pass A: what happens to each customer this month, stage by stage over the chunk. */
    private void flows(Chunk c) {
        Month m = month;
        StageClock time = c.clock;
        time.start(timed);
        assignment.run(m, c);
        time.lap(Part.ASSIGNMENT);
        events.run(m, c);
        time.lap(Part.EVENTS);
        purchases.run(m, c);
        time.lap(Part.PURCHASES);
        service.run(m, c);
        time.lap(Part.SERVICE);
        satisfaction.run(m, c);
        time.lap(Part.SATISFACTION);
        wordOfMouth.run(m, c);
        time.lap(Part.WORD_OF_MOUTH);
        ledger.run(m, c);
        time.lap(Part.LEDGER);
    }

    /**
     * The active customers ranked by window revenue as it stands (at a month's start: as last month ended, the order
     * its ranking had), for the budget walk: the same revenues the features compute, sorted the same way.
     */
    private RevenueRanking rankedByValue() {
        MarketState st = month.st;
        if (orderedState == st && orderedMonth == month.t - 1) {
            return ranking; // last month's order, still here
        }
        ensureRevenueScratch(st);
        runner.run(st.size, this::windowRevenue, monthD);
        ranking.rank(st.status, revenueScratch, st.size, runner.pool(), true);
        return ranking;
    }

    private void windowRevenue(Chunk c) {
        features.monetary(month, c);
        System.arraycopy(c.features.column(Feature.MONETARY), 0, revenueScratch, c.from, c.to - c.from);
    }

    private void ensureRevenueScratch(MarketState st) {
        if (revenueScratch.length < st.capacity()) {
            revenueScratch = new float[st.capacity()];
        }
    }

    private void churnFeaturesAndRanking(Month m) {
        MarketState st = m.st;
        ensureRevenueScratch(st);
        runner.run(st.size, this::churnAndFeatures, monthB);
        clock.lap(Part.CHUNK_PASSES);
        // Ranking: gathering, sorting and writing ranks run on the pool; the customers' order for valueRank, or for a
        // budget's walk next month.
        boolean withOrder = classifyAfterRanking || m.plan.budgeted();
        ranking.rank(st.status, revenueScratch, st.size, runner.pool(), withOrder);
        orderedState = withOrder ? st : null;
        orderedMonth = m.t;
        if (classifyAfterRanking) {
            // Only the classifier reads valueRank, in pass C below: a taxonomy without it needs no column.
            if (m.valueRank.length < st.capacity()) {
                m.valueRank = new float[st.capacity()];
            }
            ranking.writeValueRanks(m.valueRank, runner.pool());
        }
        clock.lap(Part.RANKING);
        if (classifyAfterRanking) {
            runner.run(st.size, this::rankedFeaturesAndClassification, monthD);
            clock.lap(Part.CHUNK_PASSES);
        } else {
            monthD.clear();
            monthD.add(monthB);
        }
    }

    /**
     * Pass B: churn, then the features (the window revenue also keys the ranking), and classification right here
     * unless the taxonomy reads valueRank, which needs this month's ranking first.
     */
    private void churnAndFeatures(Chunk c) {
        Month m = month;
        StageClock time = c.clock;
        time.start(timed);
        churn.run(m, c);
        time.lap(Part.CHURN);
        windowRevenue(c);
        time.lap(Part.WINDOW_REVENUE);
        if (!classifyAfterRanking) {
            if (m.reclassify) {
                features.others(m, c);
            }
            time.lap(Part.FEATURES);
            classification.run(m, c);
            time.lap(Part.CLASSIFICATION);
        }
    }

    /** Pass C: features with this month's valueRank, and classification. */
    private void rankedFeaturesAndClassification(Chunk c) {
        Month m = month;
        StageClock time = c.clock;
        time.start(timed);
        if (m.reclassify) {
            // Monetary is this month's, computed in pass B from the same ring (nothing wrote it since).
            System.arraycopy(revenueScratch, c.from, c.features.column(Feature.MONETARY), 0, c.to - c.from);
            features.others(m, c);
        }
        time.lap(Part.FEATURES);
        classification.run(m, c);
        time.lap(Part.CLASSIFICATION);
    }
}
