package org.segmentlab.simulator.engine;

import static org.segmentlab.simulator.engine.CustomerStatus.ACTIVE;
import static org.segmentlab.simulator.engine.CustomerStatus.TERMINATED;
import static org.segmentlab.simulator.engine.CustomerStatus.TERMINATED_DETRACTOR;

import java.util.Arrays;

import org.segmentlab.model.Chunks;
import org.segmentlab.simulator.engine.CustomerRandom.Purpose;

/**
 * Stage 2: each customer gets its segment's treatment. Month-wide ({@link #decide}): without a budget, or when the
 * month's treatment costs fit in it, everyone is treated; otherwise customers are taken from the most valuable down
 * (by the window revenue of last month's end) while their treatment cost still fits, and the rest get
 * {@code none}. Per chunk ({@link #run}): {@code terminate} ends the relationship before anything else happens this
 * month (a share of the fired become detractors for a while), and the customers still in play are listed.
 */
final class AssignmentStage implements ChunkStage {
    private static final byte NOT_ACTIVE = -1;
    private static final byte NOT_TREATED = -2;
    private static final byte TREATED = -3;

    private final StepSettings settings;
    private final int segments;
    private final ChunkRunner runner;
    /** The budget walk's scratch, by position in value order: the row's segment, then whether it was treated. */
    private byte[] walkRows = new byte[0];
    /** Active customers by block and segment, for the cost of treating everyone. */
    private int[] segmentCounts = new int[0];

    AssignmentStage(StepSettings settings, int segments, ChunkRunner runner) {
        this.settings = settings;
        this.segments = segments;
        this.runner = runner;
    }

    /**
     * Decides, for the whole market, who the budget leaves untreated this month, walking the active customers by the
     * window revenue they had as last month ended: {@code valueOrder} gives them in that order when the budget binds
     * (last month's ranking, or the same order ranked again from the ring, which holds last month's window until this
     * month's ledger writes), so no state keeps an order of its own.
     */
    void decide(Month m, java.util.function.Supplier<RevenueRanking> valueOrder) {
        MarketState st = m.st;
        TreatmentTable plan = m.plan;
        m.budgetBinds = false;
        if (Double.isInfinite(plan.budget)) {
            return;
        }
        if (costIfAllTreated(st, plan) <= plan.budget) {
            return;
        }
        m.budgetBinds = true;
        RevenueRanking ranked = valueOrder.get();
        Arrays.fill(m.untreated, 0, st.size, true);
        if (walkRows.length < st.capacity()) {
            walkRows = new byte[st.capacity()];
        }
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
        int n = ranked.size();
        int[] order = ranked.order();
        byte[] rows = walkRows;
        int blocks = (n + Chunks.RANKING - 1) / Chunks.RANKING;
        runner.forEachBlock(blocks, b -> {
            for (int k = b * Chunks.RANKING, to = Math.min(n, (b + 1) * Chunks.RANKING); k < to; k++) {
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
        int first = stop + 1; // the walk stopped above this position: everyone from here down stays untreated
        boolean[] untreated = m.untreated;
        runner.forEachBlock(blocks, b -> {
            for (int k = Math.max(first, b * Chunks.RANKING), to = Math.min(n, (b + 1) * Chunks.RANKING); k < to; k++) {
                if (rows[k] == TREATED) {
                    untreated[order[k]] = false;
                }
            }
        });
    }

    /**
     * What the month's treatments would cost if every active customer were treated: the active counted by segment in
     * parallel blocks (exact integers), then priced segment by segment. Only compared with the budget: a sum in another
     * order could differ in its last bit, which matters only for costs that meet the budget to the last bit.
     */
    private double costIfAllTreated(MarketState st, TreatmentTable plan) {
        int rows = plan.cost.length;
        int size = st.size;
        int blocks = (size + Chunks.RANKING - 1) / Chunks.RANKING;
        if (segmentCounts.length < blocks * rows) {
            segmentCounts = new int[blocks * rows];
        }
        int[] counts = segmentCounts;
        runner.forEachBlock(blocks, b -> {
            int base = b * rows;
            Arrays.fill(counts, base, base + rows, 0);
            for (int i = b * Chunks.RANKING, to = Math.min(size, (b + 1) * Chunks.RANKING); i < to; i++) {
                if (st.status[i] == ACTIVE) {
                    counts[base + st.segment[i]]++;
                }
            }
        });
        double total = 0;
        for (int r = 0; r < rows; r++) {
            long active = 0;
            for (int b = 0; b < blocks; b++) {
                active += counts[b * rows + r];
            }
            if (!plan.terminates[r]) {
                total += active * plan.cost[r];
            }
        }
        return total;
    }

    /** Lists the chunk's customers in play this month with their treatment row and draw position; fires those to fire. */
    @Override
    public void run(Month m, Chunk c) {
        MarketState st = m.st;
        TreatmentTable plan = m.plan;
        long terminated = 0;
        long talking = 0;
        int live = 0;
        for (int i = c.from; i < c.to; i++) {
            if (st.status[i] != ACTIVE) {
                // An ex-customer the business fired tells others about it for a while: a detractor, not a customer.
                if (st.status[i] == TERMINATED_DETRACTOR && m.t - st.lastComplaint[i] < settings.terminationDetractorMonths) {
                    talking++;
                }
                continue;
            }
            int row = m.treatmentRow(i);
            // Every purpose's sequence starts from this one hash of (month, customer): hashed once, not per draw.
            long position = CustomerRandom.customerBase(m.key, st.id[i]);
            if (plan.terminates[row]) {
                st.status[i] = TERMINATED;
                terminated++;
                if (settings.terminationDetractor > 0 && settings.terminationDetractorMonths > 0
                        && c.rng.resetAt(position, Purpose.TERMINATION).nextDouble() < settings.terminationDetractor) {
                    st.status[i] = TERMINATED_DETRACTOR;
                    st.lastComplaint[i] = (short) m.t;
                    talking++;
                }
                continue;
            }
            c.live[live] = i;
            c.row[live] = row;
            c.position[live] = position;
            live++;
        }
        c.liveCount = live;
        c.tally.terminated += terminated;
        c.tally.detractors += talking;
    }
}
