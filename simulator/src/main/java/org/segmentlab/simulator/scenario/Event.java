package org.segmentlab.simulator.scenario;

/**
 * A time-limited shock: from {@code month} for {@code duration} months, the customers it touches get
 * multipliers on churn and purchases, a satisfaction change per month and an extra complaint probability.
 * Who is touched is drawn once, when the event starts: for {@code rep-departure}, a {@code share} of the
 * customers attached to a sales representative; for the other types, a {@code share} of all active customers.
 */
public record Event(
        EventType type,
        int month,
        int duration,
        double share,
        double churnMultiplier,
        double purchaseMultiplier,
        double satisfactionDelta,
        double complaintProbability) {

    /** Whether the event is in effect during month t. */
    public boolean activeIn(int t) {
        return t >= month && t < month + duration;
    }
}
