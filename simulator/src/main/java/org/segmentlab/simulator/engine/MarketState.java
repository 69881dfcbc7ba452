package org.segmentlab.simulator.engine;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import org.segmentlab.simulator.population.Population;

/**
 * Everything that changes during a run, columnar like the population: row i of every column (the population's too) is
 * one customer. A customer's row can change, because rows nobody will read again (churned customers who cannot come
 * back) are compacted away ({@link #retain}); the customer's {@link #id} never changes, and keys its random draws,
 * its channel and whether it is an initial customer. Compaction keeps the rows' order, so rows are always in id order.
 *
 * <p>The per-customer columns are declared once in {@link StateColumn#ALL} (allocation, copies, growth and the
 * state-size account follow it). The trailing-window features are kept as exact monthly buckets in a
 * {@link WindowRing}, which alone knows their layout.
 */
final class MarketState {
    static final short NEVER = Short.MIN_VALUE;
    static final int PRICE_STEPS = 250;
    static final int ANSWER_STEPS = 250;
    static final byte NOT_SURVEYED = (byte) 0xFF;

    final int window;
    Population population;
    int size;
    /** Customers that were customers at month 0 (ids 0 .. initialCount-1). */
    final int initialCount;
    /** Rows compacted away so far: a row appended now gets the id {@code row + removed}. */
    int removed;
    /** Everyone ever acquired, initial customers included: A(t) of the Bass model. */
    long adopters;
    double profitCumulative;

    /**
     * Each row's customer id: its row when it was appended, the same for every strategy and every thread count. The
     * draws are keyed by it, so compacting rows away changes no customer's numbers.
     */
    int[] id;
    byte[] status;
    float[] satisfaction;
    short[] acquired;
    short[] lastPurchase;
    /**
     * Month of the last unresolved complaint (a detractor for complaintMemory months after); for a customer who is
     * gone (churned, or fired and a detractor), the month they left: the win-back delay and the fired detractors'
     * months count from it.
     */
    short[] lastComplaint;
    byte[] segment;
    /** Segment at month 0 of each initial customer, by id, for the lifetime value of each starting segment. */
    byte[] initialSegment;
    /**
     * The price the customer remembers, relative to list price, in steps of 1/{@value #PRICE_STEPS}
     * ({@value #PRICE_STEPS} = list price): a byte is precise enough for a remembered price (0.4%).
     */
    byte[] referencePrice;
    /** The last survey answer, in steps of 1/{@value #ANSWER_STEPS}, or {@link #NOT_SURVEYED}. */
    byte[] surveyAnswer;

    WindowRing ring;

    /** The reputation stock ρ, in [-1, 1] (docs/model.md, stage 6), and its value at month 0 (ρ₀). */
    double reputation;
    double reputationStart;
    /**
     * Where each month's new customers were appended, by channel: for month t, entries 4t … 4t+3 are the first id of
     * the advertising, imitation and referral blocks and the end of the last (rows are appended in that order). With
     * {@link #acquired} this tells a customer's channel without a column of its own.
     */
    int[] acquisitionBlocks = new int[0];

    MarketState(Population population, int window, short acquiredMonth) {
        this.population = population;
        this.window = window;
        this.size = population.size();
        this.initialCount = size;
        this.adopters = size;
        allocate(Math.max(16, population.capacity()));
        for (int i = 0; i < size; i++) {
            satisfaction[i] = population.satisfaction()[i];
            acquired[i] = acquiredMonth;
            id[i] = i;
        }
    }

    private MarketState(MarketState o) {
        this.population = o.population.copy();
        this.window = o.window;
        this.size = o.size;
        this.initialCount = o.initialCount;
        this.removed = o.removed;
        this.adopters = o.adopters;
        this.profitCumulative = o.profitCumulative;
        for (StateColumn c : StateColumn.ALL) {
            c.copy(o, this);
        }
        this.initialSegment = o.initialSegment.clone();
        this.ring = o.ring.copy();
        this.reputation = o.reputation;
        this.reputationStart = o.reputationStart;
        this.acquisitionBlocks = o.acquisitionBlocks.clone();
    }

    /**
     * Records where month t's new customers were appended (see {@link #acquisitionBlocks}), given as rows (the ids
     * are recorded: rows move when churned ones are compacted away).
     */
    void recordBlocks(int t, int advertising, int imitation, int referral, int end) {
        if (acquisitionBlocks.length < 4 * (t + 1)) {
            acquisitionBlocks = Arrays.copyOf(acquisitionBlocks, Math.max(4 * (t + 1), 2 * acquisitionBlocks.length));
        }
        acquisitionBlocks[4 * t] = advertising + removed;
        acquisitionBlocks[4 * t + 1] = imitation + removed;
        acquisitionBlocks[4 * t + 2] = referral + removed;
        acquisitionBlocks[4 * t + 3] = end + removed;
    }

    /**
     * How the customer in row i came, as an {@link org.segmentlab.simulator.metrics.AcquisitionChannel} ordinal: an
     * id outside the block of its acquisition month is an ex-customer who returned (their month was reset when they
     * came back).
     */
    int channel(int i) {
        int t = acquired[i];
        if (t <= 0) {
            return 0;
        }
        int k = 4 * t;
        int c = id[i];
        if (k + 3 >= acquisitionBlocks.length || c < acquisitionBlocks[k] || c >= acquisitionBlocks[k + 3]) {
            return 4;
        }
        return c < acquisitionBlocks[k + 1] ? 1 : c < acquisitionBlocks[k + 2] ? 2 : 3;
    }

    /** Whether the customer in row i was a customer at month 0. */
    boolean initial(int i) {
        return id[i] < initialCount;
    }

    /** Brings an ex-customer back in month t: a new relationship, with no window history and list-price memories. */
    void reactivate(int i, short t) {
        status[i] = CustomerStatus.ACTIVE;
        acquired[i] = t;
        satisfaction[i] = population.satisfaction()[i];
        lastPurchase[i] = NEVER;
        lastComplaint[i] = NEVER;
        referencePrice[i] = (byte) PRICE_STEPS;
        surveyAnswer[i] = NOT_SURVEYED;
        ring.clear(i);
    }

    /** An independent copy: every strategy starts from the same month-0 state. */
    MarketState copy() {
        return new MarketState(this);
    }

    private void allocate(int capacity) {
        for (StateColumn c : StateColumn.ALL) {
            c.allocate(this, capacity);
        }
        initialSegment = new byte[initialCount];
        ring = new WindowRing(window, capacity);
    }

    int capacity() {
        return status.length;
    }

    /**
     * Adds rows up to {@code newSize} (traits already drawn into the population by the caller). Room is made by half
     * again ({@link RunBudget#GROWTH} counts the heap that way); the columns are copied side by side on {@code pool}
     * (null: in the calling thread), as a growing market's copies were a serial part of its month.
     */
    void grow(int newSize, short month, ForkJoinPool pool) {
        if (newSize > capacity()) {
            int cap = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(newSize, capacity() + (long) (capacity() >> 1)));
            ring.grow(cap, pool);
            PoolBlocks.forEach(pool, StateColumn.ALL.size(), k -> StateColumn.ALL.get(k).grow(this, cap));
        }
        float[] baseline = population.satisfaction();
        for (int i = size; i < newSize; i++) {
            satisfaction[i] = baseline[i];
            acquired[i] = month;
            status[i] = CustomerStatus.ACTIVE;
            id[i] = i + removed;
        }
        size = newSize;
    }

    /**
     * Keeps the rows {@code rows[0 .. count-1]} (ascending) as rows {@code 0 .. count-1} in every column, the
     * population's and the window's included, and drops the others: the customers nobody will read again. Each column
     * moves in place on its own, so the pool's workers move them side by side (null: in the calling thread), the
     * window's first (most of the state). Rows keep their order, so everything sorted by row stays sorted.
     */
    void retain(int[] rows, int count, ForkJoinPool pool) {
        int n = size;
        int ringColumns = WindowRing.COLUMNS;
        int stateColumns = StateColumn.ALL.size();
        PoolBlocks.forEach(pool, ringColumns + stateColumns + Population.columnCount(), k -> {
            if (k < ringColumns) {
                ring.retain(k, rows, count, n);
            } else if (k < ringColumns + stateColumns) {
                StateColumn.ALL.get(k - ringColumns).retain(this, rows, count, n);
            } else {
                population.retain(k - ringColumns - stateColumns, rows, count);
            }
        });
        population.truncate(count);
        removed += n - count;
        size = count;
    }

    /**
     * Bytes of engine state per customer, population traits included (the memory target counts both). The month-0
     * segment is kept for the initial customers only, so it is not counted per customer.
     */
    static long bytesPerCustomer(int window) {
        return Arrays.stream(columnBytes(window)).asLongStream().sum();
    }

    /** Bytes a customer takes in each array of the state: the population's, the engine's columns, the window's. */
    static int[] columnBytes(int window) {
        IntStream population = Arrays.stream(Population.columnBytes());
        IntStream engine = StateColumn.ALL.stream().mapToInt(StateColumn::bytes);
        return IntStream.concat(IntStream.concat(population, engine), Arrays.stream(WindowRing.columnBytes(window)))
                .toArray();
    }
}
