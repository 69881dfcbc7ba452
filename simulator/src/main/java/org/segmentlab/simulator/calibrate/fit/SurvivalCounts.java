package org.segmentlab.simulator.calibrate.fit;

import java.time.LocalDate;
import java.util.Arrays;

import org.segmentlab.simulator.calibrate.PurchaseHistory;

/**
 * A cohort's survival counts: {@code alive(k)} members still customers at the start of period k, k = 0 … n, with
 * {@code alive(0)} the cohort's size and never increasing — the data the {@link ShiftedBetaGeometric} is fitted to
 * (Fader &amp; Hardie 2007 give them for contractual customers who renew or cancel each period).
 */
public record SurvivalCounts(int[] alive) {

    public SurvivalCounts {
        alive = alive.clone();
        if (alive.length < 2) {
            throw new IllegalArgumentException("need counts for periods 0 and 1 at least");
        }
        if (alive[0] <= 0) {
            throw new IllegalArgumentException("the cohort is empty");
        }
        for (int k = 1; k < alive.length; k++) {
            if (alive[k] < 0 || alive[k] > alive[k - 1]) {
                throw new IllegalArgumentException("survival counts must be non-negative and non-increasing: "
                        + Arrays.toString(alive));
            }
        }
    }

    public static SurvivalCounts of(int... alive) {
        return new SurvivalCounts(alive);
    }

    @Override
    public int[] alive() {
        return alive.clone();
    }

    public int alive(int k) {
        return alive[k];
    }

    /** The last period n (counts run 0 … n). */
    public int periods() {
        return alive.length - 1;
    }

    public int cohortSize() {
        return alive[0];
    }

    /**
     * Survival counts derived from a non-contractual log. The cohort is the customers whose first purchase falls
     * in the log's first period (the first {@code unit} from its first day); period k is the k-th unit from that
     * day, and only periods that end on or before the calibration end are counted. A member counts as alive at
     * period k when they have a purchase in period k or later, up to the calibration end ("observed active").
     *
     * <p><b>Right censoring.</b> Nobody announces leaving a non-contractual business, so a member who is still a
     * customer but makes no purchase between period k and the calibration end is counted as lost. That
     * understates survival, the more so the nearer k is to the calibration end (at the last period only those who
     * happen to buy in it count), so the counts fall too fast at the end and a shifted-beta-geometric fit to them
     * overstates churn. Leave periods at the end out (an earlier calibration end) or read the fit as a lower bound
     * on retention.
     */
    public static SurvivalCounts fromHistory(PurchaseHistory history, LocalDate calibrationEnd, TimeUnit unit) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("the log is empty");
        }
        long origin = history.firstDate().toEpochDay();
        long end = calibrationEnd.toEpochDay();
        int periods = 0;
        while (periodStart(origin, periods + 1, unit) - 1 <= end) {
            periods++;
        }
        if (periods < 2) {
            throw new IllegalArgumentException("the calibration period holds fewer than two whole " + unit.key());
        }
        long cohortEnd = periodStart(origin, 1, unit);
        int[] alive = new int[periods];
        for (int c = 0; c < history.customerCount(); c++) {
            int p0 = history.purchaseStart(c);
            if (history.epochDay(p0) >= cohortEnd) {
                continue;
            }
            // The last purchase within calibration decides the last period the member was seen in.
            long last = history.epochDay(p0);
            for (int p = p0 + 1; p < history.purchaseEnd(c); p++) {
                if (history.epochDay(p) <= end) {
                    last = history.epochDay(p);
                }
            }
            for (int k = 0; k < periods && periodStart(origin, k, unit) <= last; k++) {
                alive[k]++;
            }
        }
        return new SurvivalCounts(alive);
    }

    /** The first epoch day of period k (whole days; months of 30.44 days start on the day they fall in). */
    private static long periodStart(long origin, int k, TimeUnit unit) {
        return origin + (long) Math.floor(k * unit.days() + 1e-9);
    }
}
