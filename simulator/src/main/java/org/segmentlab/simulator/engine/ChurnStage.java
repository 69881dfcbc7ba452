package org.segmentlab.simulator.engine;

import static org.segmentlab.simulator.engine.CustomerStatus.ACTIVE;
import static org.segmentlab.simulator.engine.CustomerStatus.CHURNED;
import static org.segmentlab.simulator.engine.CustomerStatus.CLOSED_TO_RETURN;
import static org.segmentlab.simulator.engine.CustomerStatus.LEAVING;

import org.segmentlab.simulator.engine.CustomerRandom.Purpose;

/**
 * Stage 8: churn and win-back. Each customer active before this month's acquisitions leaves with probability
 * θ · churnMultiplier · h(s) · events · (1 + ν · detractor share) · (1 + ψ · price-gap effect · gap), capped at 1; a
 * customer whose dropout came after a purchase leaves now. A churned customer may come back (by the market once
 * {@code winBack.delay} months have passed, or by the strategy's win-back offer). Then the active are counted by
 * acquisition cohort and channel.
 */
final class ChurnStage implements ChunkStage {
    /** Not a month of any run: keys the once-per-customer draw of who is open to returning. */
    private static final int OPEN_TO_RETURN_MONTH = -9_999_999;

    private final StepSettings s;
    /** Which rows no later month reads: counted here, where every row is looked at, for the month's compaction. */
    private final ChurnedRows churnedRows;
    /** The key of the draw that tells whether a churned customer is open to returning: one per customer, not per month. */
    private final long openToReturnKey;

    ChurnStage(StepSettings settings, ChurnedRows churnedRows) {
        this.s = settings;
        this.churnedRows = churnedRows;
        this.openToReturnKey = settings.monthKey(OPEN_TO_RETURN_MONTH);
    }

    @Override
    public void run(Month m, Chunk c) {
        MarketState st = m.st;
        TreatmentTable plan = m.plan;
        Tally tally = c.tally;
        float[] churn = st.population.churn();
        float[] baseline = st.population.satisfaction();
        float[] psi = st.population.priceSensitivity();
        int t = m.t;
        double womFactor = 1 + s.negativeWomChurn * m.detractorShare;
        boolean returns = !m.burnIn && (s.winBackShare > 0 || plan.winsBack);
        int offerMonths = plan.longestWinBackOffer();
        // The churn draws of the rows present before this month's acquisitions, a chunk at once.
        int drawn = m.burnIn ? 0 : Math.max(0, Math.min(c.to, m.sizeBefore) - c.from);
        c.rowsPositioned = drawn;
        if (drawn > 0) {
            m.uniforms.positions(m.key, st.id, c.from, drawn, c.rowPosition);
            m.uniforms.uniforms(c.rowPosition, drawn, Purpose.CHURN, c.rowDraw);
        }
        for (int i = c.from; i < c.to; i++) {
            if (st.status[i] == LEAVING) {
                st.status[i] = CHURNED;
                st.lastComplaint[i] = (short) t;
                tally.churned++;
                countGone(st, i, t, offerMonths, tally);
                continue;
            }
            boolean returned = false;
            if (returns && st.status[i] == CHURNED) {
                returned = comesBack(m, i, c);
            } else if (returns && st.status[i] == CLOSED_TO_RETURN) {
                contacted(m, i, c);
            }
            if (st.status[i] != ACTIVE) {
                countGone(st, i, t, offerMonths, tally);
                continue;
            }
            if (!m.burnIn && i < m.sizeBefore && !returned) {
                int row = m.treatmentRow(i);
                double eventChurn = 1;
                if (m.events) {
                    eventChurn = EventStage.churnMultiplier(m, i);
                }
                double p = churn[i] * plan.churnMultiplier[row] * s.churnFactor(st.satisfaction[i], baseline[i]) * eventChurn * womFactor;
                float gap = m.priceGap[i];
                if (gap > 0 && s.priceGapChurn > 0) {
                    p *= 1 + psi[i] * s.priceGapChurn * gap;
                }
                if (c.rowDraw[i - c.from] < p) {
                    st.status[i] = CHURNED;
                    st.lastComplaint[i] = (short) t;
                    tally.churned++;
                    countGone(st, i, t, offerMonths, tally);
                    continue;
                }
            }
            tally.active++;
            int acquiredIn = st.acquired[i];
            if (acquiredIn <= 0) {
                if (st.initial(i)) {
                    tally.activeInitial++;
                }
            } else {
                // Acquired during the run: counted by the channel that brought them (the profit bridge's cohorts).
                tally.activeByChannel[st.channel(i)]++;
            }
            tally.cohortActive[Math.max(0, Math.min(s.months, acquiredIn))]++;
        }
    }

    private void countGone(MarketState st, int i, int t, int offerMonths, Tally tally) {
        if (churnedRows.gone(st, i, t, offerMonths)) {
            tally.gone++;
        }
    }

    /**
     * Whether the strategy's win-back offer for the segment churned customer i left contacts it this month (within
     * {@code winBackMonths} after leaving); a contact is counted and paid, whether the customer could return or not.
     */
    private boolean contacted(Month m, int i, Chunk c) {
        TreatmentTable plan = m.plan;
        int since = m.t - m.st.lastComplaint[i];
        int row = m.st.segment[i];
        boolean offered = plan.winBackProbability[row] > 0 && since >= 1 && since <= plan.winBackMonths[row];
        if (offered) {
            c.tally.winBackContacts++;
            c.tally.winBackCost += plan.winBackCost[row];
        }
        return offered;
    }

    /**
     * Whether churned customer i comes back this month. A share of the churned are open to returning (one draw per
     * customer, the same for every strategy). Once {@code winBack.delay} months have passed they are back in the pool
     * and return with this month's acquisition probability of anyone in it; while the strategy's win-back offer for the
     * segment they left runs ({@code winBackMonths} after leaving), they are contacted (at {@code winBackCost}) and
     * return with its {@code winBackProbability} too. One who returns is reactivated as a new customer.
     */
    private boolean comesBack(Month m, int i, Chunk c) {
        MarketState st = m.st;
        int t = m.t;
        int since = t - st.lastComplaint[i];
        boolean offered = contacted(m, i, c);
        double byMarket = since >= s.winBackDelay ? m.personProbability : 0;
        double byOffer = offered ? m.plan.winBackProbability[st.segment[i]] : 0;
        // Neither way back is open this month: no draw is needed (each draw is keyed by customer and purpose, so a
        // draw not taken shifts nothing).
        if (byMarket == 0 && byOffer == 0) {
            return false;
        }
        if (s.winBackShare == 0 || c.rng.reset(openToReturnKey, st.id[i], Purpose.WIN_BACK_OPEN).nextDouble() >= s.winBackShare) {
            // The same draw every month and for every strategy: remember the answer instead of drawing it again.
            st.status[i] = CLOSED_TO_RETURN;
            return false;
        }
        // One draw decides both ways back: below byOffer the offer brought them, above it (up to the union) the market.
        int r = i - c.from;
        long position = r < c.rowsPositioned ? c.rowPosition[r] : CustomerRandom.customerBase(m.key, st.id[i]);
        double u = c.rng.resetAt(position, Purpose.WIN_BACK).nextDouble();
        if (u >= 1 - (1 - byOffer) * (1 - byMarket)) {
            return false;
        }
        if (u < byOffer) {
            c.tally.returnedByOffer++;
        } else {
            c.tally.returnedByMarket++;
        }
        st.reactivate(i, (short) t);
        return true;
    }
}
