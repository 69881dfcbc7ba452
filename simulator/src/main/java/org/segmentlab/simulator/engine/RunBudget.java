package org.segmentlab.simulator.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;

import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.simulator.population.HeapBudget;
import org.segmentlab.simulator.population.HeapBudgetException;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * What one run of a scenario costs, judged before it starts: the work (customer-months the engine walks) and the
 * peak heap, both from the <b>largest population the scenario can reach</b>, not from its month-0 size. Used by
 * {@link Simulator#run}, {@code validate}, the sweeps and the workbench, so every door applies the same limit.
 *
 * <p><b>Largest population.</b> Rows are never removed: the engine walks every customer ever acquired. Starting from
 * the initial customers A(0), month t adds at most a Binomial(M − A, p) draw with
 * p ≤ innovation·(1 + largest acquisition boost) + imitation·A/M (word of mouth counts each promoter's advocacy,
 * at most 1, over at most A customers). The bound takes each month's mean plus six standard deviations (a draw
 * beyond that has a chance below 10⁻⁸ a month), capped at the potential M. With no innovation and no imitation the
 * population never grows.
 *
 * <p><b>Heap.</b> What {@link Simulator#run} holds at once: the shared month-0 state (kept while any strategy
 * but the last runs), one strategy's state whose columns grow by half again when full (so up to 1.5× the largest
 * population, plus the window's two float columns while the pool copies them side by side), the month's scratch
 * (revenue ranking, budget walk, price gap, valueRank, events and compaction, {@value #SCRATCH_BYTES_PER_CUSTOMER}
 * bytes a row), each array as the running collector lays it out ({@link HeapBudget#footprint}), and the recorded results
 * of every strategy and replication (metrics, Lorenz curves, segment transitions, cohorts: they grow with months² and
 * are kept to the end). The
 * refusal names the largest value of the field that matters which passes this same check.
 */
public final class RunBudget {
    /**
     * Ranking keys and order with their sort buffers (4 ints), the month's revenue, untreated and walk rows, the price
     * gap, valueRank, the events' churn multiplier and competitor price (the last three counted even when a
     * scenario needs none of them), and the rows a compaction keeps.
     */
    static final int[] SCRATCH_COLUMNS = {Integer.BYTES, Integer.BYTES, Integer.BYTES, Integer.BYTES, Float.BYTES, 1, 1,
        Float.BYTES, Float.BYTES, Double.BYTES, 1, Integer.BYTES};
    /** The scratch's bytes a customer, all {@link #SCRATCH_COLUMNS} together. */
    static final int SCRATCH_BYTES_PER_CUSTOMER = Arrays.stream(SCRATCH_COLUMNS).sum();
    /** Columns grow by half again when full ({@link MarketState#grow}, {@code Population.extend}). */
    static final double GROWTH = 1.5;
    /** Standard deviations above each month's mean acquisitions the bound allows. */
    static final double SIGMAS = 6;
    /** The longest Java array. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

    /** Arrays as their bytes: the estimate for no collector in particular. */
    private static final LongUnaryOperator NO_COLLECTOR = bytes -> bytes;

    private static final String POTENTIAL = "market.potential";
    private static final String INITIAL = "market.initialCustomers";
    private static final String REPLICATIONS = "replications";
    private static final String MONTHS = "months";

    private final Shape shape;

    private RunBudget(Shape shape) {
        this.shape = shape;
    }

    /** The budget of one run of {@code scenario}. */
    public static RunBudget of(Scenario scenario) {
        var market = scenario.market();
        boolean observed = scenario.initialPopulation() != null;
        long start = observed ? scenario.initialPopulation().size() : market.initialCustomers();
        double boost = 0;
        for (Treatment t : scenario.treatments().values()) {
            boost = Math.max(boost, t.acquisitionBoost());
        }
        boolean hasTruth = scenario.archetypes().stream().anyMatch(a -> scenario.truth().get(a.name()) != null);
        int segments = scenario.taxonomy().segmentNames().size();
        int metrics = RunRecorder.metricNames(scenario.taxonomy().segmentNames(), hasTruth).size();
        return new RunBudget(new Shape(start, market.potential(), observed, market.innovation() * (1 + boost),
                market.imitation(), scenario.months(), scenario.behaviour().featureWindow(),
                scenario.strategies().size(), scenario.replications(), metrics, segments, hasTruth));
    }

    /** Customers at month 0 (drawn, or the scenario's real customers). */
    public long startCustomers() {
        return shape.start;
    }

    /** The most customers the run can hold at any month (see the class comment). */
    public long largestPopulation() {
        return shape.largest();
    }

    /**
     * Customer-months the engine walks: the burn-in of the month-0 customers and, for every strategy, months ×
     * the largest population, for every replication.
     */
    public long customerMonths() {
        return shape.customerMonths();
    }

    /** The most heap one run of this scenario holds at once, in bytes. */
    public long peakBytes() {
        return shape.bytes(NO_COLLECTOR);
    }

    /**
     * Refuses the scenario if {@code concurrentRuns} runs of it at once do not fit in {@code budget}.
     *
     * @param concurrentRuns runs that share the heap (a sweep's {@code --threads}); 1 otherwise
     * @throws HeapBudgetException naming the field to lower, the largest value of it that fits, and the heap to ask for
     */
    public void require(HeapBudget budget, int concurrentRuns) {
        if (concurrentRuns < 1) {
            throw new IllegalArgumentException("concurrent runs must be >= 1, got " + concurrentRuns);
        }
        if (!shape.fits(budget, concurrentRuns)) {
            throw refusal(budget, concurrentRuns);
        }
    }

    /**
     * Refuses the scenario if it does not fit in this JVM now. "In use" counts garbage not yet collected, so before
     * refusing a run that would fit in an empty heap this collects once and measures again.
     */
    public void check(int concurrentRuns) {
        HeapBudget budget = HeapBudget.current();
        if (!shape.fits(budget, concurrentRuns) && shape.fits(budget.empty(), concurrentRuns)) {
            System.gc();
            budget = HeapBudget.current();
        }
        require(budget, concurrentRuns);
    }

    private HeapBudgetException refusal(HeapBudget budget, int runs) {
        long largest = shape.largest();
        boolean grows = largest > shape.start;
        boolean resultsDominate = shape.resultBytes() > shape.populationBytes(budget::footprint);
        Suggestion s = null;
        if (resultsDominate) {
            s = search(REPLICATIONS, shape.replications, 1, shape::withReplications, budget, runs);
        }
        if (s == null && grows) {
            s = search(POTENTIAL, shape.potential, shape.start, shape::withPotential, budget, runs);
        }
        if (s == null && !shape.observed) {
            boolean neverGrows = shape.adRate <= 0 && shape.imitation <= 0;
            s = neverGrows || shape.potential <= 1
                    ? search(INITIAL, shape.start, 0, shape::withStart, budget, runs)
                    : search(INITIAL + " and " + POTENTIAL, Math.max(shape.start, shape.potential), 1,
                            n -> shape.withStart(n).withPotential(n), budget, runs);
        }
        if (s == null && !resultsDominate) {
            s = search(REPLICATIONS, shape.replications, 1, shape::withReplications, budget, runs);
        }
        if (s == null) {
            s = search(MONTHS, shape.months, 1, n -> shape.withMonths((int) n), budget, runs);
        }
        double needed = (double) shape.bytes(budget::footprint) * runs;
        String subject = s != null ? s.field : grows ? POTENTIAL : shape.observed ? "initialPopulation" : INITIAL;
        StringBuilder m = new StringBuilder(subject).append(": ");
        if (grows) {
            m.append(String.format(Locale.ROOT, "the population can grow from %d to %d customers (market.potential %d)",
                    shape.start, largest, shape.potential));
        } else {
            m.append(shape.start).append(" customers");
        }
        m.append(String.format(Locale.ROOT, " over %s, %s and %s", count(shape.months, "month"),
                count(shape.strategies, "strategy"), count(shape.replications, "replication")));
        if (runs > 1) {
            m.append(", ").append(runs).append(" runs at once (--threads),");
        }
        m.append(" need about ").append(HeapBudget.bytes(needed)).append(" of heap");
        long rowLimit = shape.rowLimit();
        if (largest > rowLimit) {
            m.append(String.format(Locale.ROOT, ", and the engine holds at most %d customers with a %d-month feature"
                    + " window whatever the heap", rowLimit, shape.window));
        }
        m.append("; the heap allows ").append(budget.allowance());
        if (s != null) {
            m.append(": at most ").append(s.field.replace(" and ", "=" + s.value + " and ")).append('=').append(s.value)
                    .append(" fits");
        }
        if (largest <= rowLimit) {
            m.append(String.format(Locale.ROOT, "; or raise the heap with JAVA_OPTS=-Xmx%dg bin/segmentlab …",
                    budget.maxHeapGibFor(needed)));
        } else {
            m.append("; a larger heap (JAVA_OPTS=-Xmx… bin/segmentlab …) helps only up to that engine limit");
        }
        return new HeapBudgetException(m.toString(), subject, largest, s == null ? 0 : s.value);
    }

    private record Suggestion(String field, long value) {
    }

    /**
     * The largest value in [lowest, current) of one field that fits (bisection; the answer is always one that was
     * tried and passed), or null when not even {@code lowest} fits.
     */
    private static Suggestion search(String field, long current, long lowest, LongFunction<Shape> with,
                                     HeapBudget budget, int runs) {
        if (lowest >= current || !with.apply(lowest).fits(budget, runs)) {
            return null;
        }
        long lo = lowest;
        long hi = current;
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (with.apply(mid).fits(budget, runs)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new Suggestion(field, lo);
    }

    /** The numbers the estimate depends on, so a refusal can try other values of one field. */
    private record Shape(long start, long potential, boolean observed, double adRate, double imitation, int months,
                         int window, int strategies, int replications, int metrics, int segments, boolean truth) {

        Shape withStart(long n) {
            return new Shape(n, potential, observed, adRate, imitation, months, window, strategies, replications,
                    metrics, segments, truth);
        }

        Shape withPotential(long n) {
            return new Shape(start, n, observed, adRate, imitation, months, window, strategies, replications,
                    metrics, segments, truth);
        }

        Shape withReplications(long n) {
            return new Shape(start, potential, observed, adRate, imitation, months, window, strategies, (int) n,
                    metrics, segments, truth);
        }

        Shape withMonths(int n) {
            return new Shape(start, potential, observed, adRate, imitation, n, window, strategies, replications,
                    metrics, segments, truth);
        }

        long largest() {
            if (start >= potential || (adRate <= 0 && imitation <= 0)) {
                return start;
            }
            double adopters = start;
            for (int t = 1; t <= months && adopters < potential; t++) {
                double pool = potential - adopters;
                double p = Math.min(1.0, adRate + imitation * adopters / potential);
                double bound = pool * p + SIGMAS * Math.sqrt(pool * p * (1 - p)) + 1;
                adopters = Math.min(potential, adopters + Math.ceil(Math.min(pool, bound)));
            }
            return (long) adopters;
        }

        long customerMonths() {
            long burnIn = observed ? 0 : times(window, start);
            long perReplication = plus(burnIn, times(times(strategies, months), largest()));
            return times(replications, perReplication);
        }

        /** The longest population the engine's int-indexed ring columns hold once grown by {@link #GROWTH}. */
        long rowLimit() {
            return (long) ((MAX_ARRAY / window - 16) / GROWTH);
        }

        /**
         * Month-0 state, one strategy's grown state, scratch, and the two float columns of the window a growth copies
         * side by side: what the customers cost, each array as the collector lays it out ({@code footprint}).
         */
        long populationBytes(LongUnaryOperator footprint) {
            long largest = largest();
            boolean grows = largest > start;
            int[] columns = MarketState.columnBytes(window);
            long capacity = grows ? (long) Math.ceil(GROWTH * largest) + 16 : Math.max(16, start);
            long shared = strategies > 1 ? arrays(columns, Math.max(16, start), footprint) : 0;
            long state = plus(arrays(columns, capacity, footprint), arrays(SCRATCH_COLUMNS, capacity, footprint));
            long copying = grows ? times(2, footprint.applyAsLong(array(Float.BYTES, times(window, largest)))) : 0;
            return plus(plus(shared, state), copying);
        }

        /** Arrays of {@code rows} rows, one per entry of {@code bytesPerRow}, as the collector lays them out. */
        private static long arrays(int[] bytesPerRow, long rows, LongUnaryOperator footprint) {
            long sum = 0;
            for (int b : bytesPerRow) {
                sum = plus(sum, footprint.applyAsLong(array(b, rows)));
            }
            return sum;
        }

        /** Every strategy's and replication's recorded results, kept to the end of the run. */
        long resultBytes() {
            long t = months + 1L;
            long k = segments;
            long values = array(4, metrics) + metrics * array(8, t);
            long lorenz = array(4, t) + t * array(8, RevenueRanking.LORENZ_POINTS);
            // transitions: (k + 1)² (a "new" row and column); confusion: k².
            long transitions = (array(4, t) + t * (array(4, k + 1) + (k + 1) * array(8, k + 1))) * (truth ? 2 : 1);
            long cohorts = array(4, t) + t * array(8, t) + array(8, t);
            long perRun = values + lorenz + transitions + cohorts + 3 * array(8, k) + 256;
            return times(times(strategies, replications), perRun);
        }

        long bytes(LongUnaryOperator footprint) {
            return plus(populationBytes(footprint), resultBytes());
        }

        boolean fits(HeapBudget budget, int runs) {
            if (largest() > rowLimit()) {
                return false;
            }
            double needed = (double) bytes(budget::footprint) * runs;
            return needed <= budget.usableBytes();
        }

        /** An array's bytes: a 16-byte header, the elements, padded to 8 (compressed references). */
        private static long array(long elementBytes, long length) {
            return plus(times(elementBytes, length), 16 + 7) / 8 * 8;
        }

        /** a + b of non-negative numbers, saturating instead of overflowing. */
        private static long plus(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }

        /** a × b, saturating instead of overflowing (any saturated estimate is refused anyway). */
        private static long times(long a, long b) {
            long high = Math.multiplyHigh(a, b);
            long low = a * b;
            return high == 0 && low >= 0 ? low : Long.MAX_VALUE;
        }
    }

    /** "1 replication", "2 replications", "3 strategies". */
    private static String count(long n, String noun) {
        if (n == 1) {
            return "1 " + noun;
        }
        return n + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }
}
