package org.segmentlab.simulator.engine;

import static org.segmentlab.simulator.engine.CustomerStatus.CHURNED;
import static org.segmentlab.simulator.engine.CustomerStatus.CLOSED_TO_RETURN;
import static org.segmentlab.simulator.engine.CustomerStatus.TERMINATED;
import static org.segmentlab.simulator.engine.CustomerStatus.TERMINATED_DETRACTOR;

import java.util.concurrent.ForkJoinPool;

import org.segmentlab.model.Chunks;

/**
 * Compacts away, at the end of a month, the rows of customers no later month reads: a churned customer leaves a row
 * that every month's passes would walk past, and in a churning market most rows soon belong to the gone (in the plain
 * base market of the benchmarks, about half of them by month 12). A row is gone for good when
 * <ul>
 * <li>it was fired ({@code terminate}) and no longer talks as a detractor;</li>
 * <li>it churned, cannot come back by the market (no {@code winBack.share}, or the draw said it is closed to
 * returning), and no win-back offer of the strategy (its later phases included) can still contact it
 * ({@code winBackMonths} after leaving).</li>
 * </ul>
 * Customers keep their ids ({@link MarketState#id}), which key every draw, and their order, so the run draws and ranks
 * exactly as before; only the month's sums, added chunk by chunk, group their terms differently after a compaction
 * (a change in the last bits). The same state compacts the same way on any thread count.
 */
final class ChurnedRows {
    /**
     * Compact once the gone are this share of the rows: a compaction moves every column once, about what the gone
     * rows cost the passes in a few months.
     */
    static final double SHARE = 0.25;
    /**
     * {@code -Dsegmentlab.engine.compaction=off} keeps every row (read when a run starts): to measure what compaction
     * saves, and to check that it changes nothing but the sums' last bits.
     */
    static final String PROPERTY = "segmentlab.engine.compaction";

    /** Whether a churned customer may be open to returning by the market ({@code winBack.share} above zero). */
    private final boolean mayReturn;
    /** How long a fired detractor talks. */
    private final int detractorMonths;
    private final boolean enabled;
    /** Per block of rows: the rows to keep, then where the block's kept rows go. */
    private int[] blockCount = new int[0];
    private int[] kept = new int[0];

    ChurnedRows(StepSettings settings) {
        this.mayReturn = settings.winBackShare > 0;
        this.detractorMonths = settings.terminationDetractorMonths;
        this.enabled = !"off".equals(System.getProperty(PROPERTY, "on").trim().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Whether row i is gone for good at the end of month t: no month from t + 1 on reads it, when the plan in force
     * and the phases after it make win-back offers of at most {@code offerMonths} months
     * ({@link TreatmentTable#longestWinBackOffer}).
     */
    boolean gone(MarketState st, int i, int t, int offerMonths) {
        int since = t + 1 - st.lastComplaint[i]; // months since leaving, next month
        return switch (st.status[i]) {
            case TERMINATED -> true;
            case TERMINATED_DETRACTOR -> since >= detractorMonths;
            case CHURNED -> !mayReturn && since > offerMonths;
            case CLOSED_TO_RETURN -> since > offerMonths;
            default -> false;
        };
    }

    /**
     * At the end of month t, drops the rows gone for good if they are at least {@link #SHARE} of the rows; the churn
     * pass counted them ({@code gone}), so a month that does not compact costs nothing here. The kept rows are
     * gathered in fixed blocks on {@code pool}, in row order, so they are the same on any thread count.
     *
     * @return how many rows were dropped (0 when too few were gone)
     */
    int compact(MarketState st, int t, TreatmentTable plan, long gone, ForkJoinPool pool) {
        int size = st.size;
        if (!enabled || gone == 0 || gone < SHARE * size) {
            return 0;
        }
        int offerMonths = plan.longestWinBackOffer();
        int blocks = PoolBlocks.blocksOf(size);
        if (blockCount.length < blocks) {
            blockCount = new int[blocks];
        }
        int keep = PoolBlocks.keptOffsets(pool, size, i -> !gone(st, i, t, offerMonths), blockCount);
        if (size - keep != gone) {
            throw new IllegalStateException("the churn pass counted " + gone + " rows gone, the compaction " + (size - keep));
        }
        if (kept.length < keep) {
            kept = new int[Math.max(keep, st.capacity())];
        }
        PoolBlocks.forEach(pool, blocks, b -> {
            int to = blockCount[b];
            for (int i = b * Chunks.RANKING, end = Math.min(size, (b + 1) * Chunks.RANKING); i < end; i++) {
                if (!gone(st, i, t, offerMonths)) {
                    kept[to++] = i;
                }
            }
        });
        st.retain(kept, keep, pool);
        return size - keep;
    }
}
