package org.segmentlab.simulator.scenario;

/**
 * A time-limited shock: from {@code month} for {@code duration} months, the customers it touches get
 * multipliers on churn and purchases, a satisfaction change per month and an extra complaint probability.
 * Who is touched is drawn once, when the event starts: for {@code rep-departure}, a {@code share} of the
 * customers attached to a sales representative; for the other types, a {@code share} of all active customers.
 * In a scenario {@code type} and {@code month} are required; the defaults (in brackets) are neutral.
 *
 * @param month                first month in effect, 1 to the scenario's months
 * @param duration             months in effect, 1 to 1200 (1); may run past the last month
 * @param share                share of the eligible customers touched, in [0, 1] (1)
 * @param churnMultiplier      multiplier on the churn of touched customers, in [0, 100] (1)
 * @param purchaseMultiplier   multiplier on their purchase rate, in [0, 100] (1)
 * @param satisfactionDelta    change in their satisfaction per month, in [-1, 1] (0)
 * @param complaintProbability extra monthly probability of a complaint, in [0, 1] (0)
 * @param reputationDelta      change in the market's reputation per month in effect, in [-1, 1] (0): a scandal in
 *                             the press hurts the reputation of the business, not only the touched customers
 */
public record Event(
        EventType type,
        int month,
        int duration,
        double share,
        double churnMultiplier,
        double purchaseMultiplier,
        double satisfactionDelta,
        double complaintProbability,
        double reputationDelta) {

    /** An event that leaves the reputation alone. */
    public Event(EventType type, int month, int duration, double share, double churnMultiplier, double purchaseMultiplier,
                 double satisfactionDelta, double complaintProbability) {
        this(type, month, duration, share, churnMultiplier, purchaseMultiplier, satisfactionDelta, complaintProbability, 0);
    }

    /** Whether the event is in effect during month t. */
    public boolean activeIn(int t) {
        return t >= month && t < month + duration;
    }
}
