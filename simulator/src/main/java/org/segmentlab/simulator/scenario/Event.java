package org.segmentlab.simulator.scenario;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A time-limited shock: from {@code month} for {@code duration} months, the customers it touches get the event's
 * effects (see {@link EventParameter}: multipliers on churn and purchases, a satisfaction change per month, an extra
 * complaint probability, a change in the market's reputation). Who is touched is drawn once, when the event starts:
 * a {@code share} of the customers its {@link EventType} makes eligible. In a scenario {@code type} and {@code month}
 * are required; every {@link EventParameter} has a default, neutral for the effects. Immutable.
 */
public final class Event {
    private final EventType type;
    private final int month;
    /** By {@link EventParameter} ordinal. */
    private final double[] values;

    private Event(EventType type, int month, double[] values) {
        this.type = type;
        this.month = month;
        this.values = values;
    }

    /** An event with the given parameters; the others keep their defaults. */
    public static Event of(EventType type, int month, Map<EventParameter, Double> parameters) {
        double[] values = new double[EventParameter.values().length];
        for (EventParameter p : EventParameter.values()) {
            values[p.ordinal()] = parameters.getOrDefault(p, p.defaultValue());
        }
        return new Event(type, month, values);
    }

    /** An event with every parameter given, the reputation left alone. */
    public Event(EventType type, int month, int duration, double share, double churnMultiplier, double purchaseMultiplier,
                 double satisfactionDelta, double complaintProbability) {
        this(type, month, duration, share, churnMultiplier, purchaseMultiplier, satisfactionDelta, complaintProbability, 0);
    }

    /** An event with every parameter given. */
    public Event(EventType type, int month, int duration, double share, double churnMultiplier, double purchaseMultiplier,
                 double satisfactionDelta, double complaintProbability, double reputationDelta) {
        this(type, month, values(duration, share, churnMultiplier, purchaseMultiplier, satisfactionDelta,
                complaintProbability, reputationDelta));
    }

    private static double[] values(double duration, double share, double churn, double purchase, double satisfaction,
                                   double complaint, double reputation) {
        Map<EventParameter, Double> m = new EnumMap<>(EventParameter.class);
        m.put(EventParameter.DURATION, duration);
        m.put(EventParameter.SHARE, share);
        m.put(EventParameter.CHURN_MULTIPLIER, churn);
        m.put(EventParameter.PURCHASE_MULTIPLIER, purchase);
        m.put(EventParameter.SATISFACTION_DELTA, satisfaction);
        m.put(EventParameter.COMPLAINT_PROBABILITY, complaint);
        m.put(EventParameter.REPUTATION_DELTA, reputation);
        return of(null, 0, m).values;
    }

    /** This event with one parameter changed. */
    public Event with(EventParameter p, double value) {
        double[] copy = values.clone();
        copy[p.ordinal()] = value;
        return new Event(type, month, copy);
    }

    public double get(EventParameter p) {
        return values[p.ordinal()];
    }

    public EventType type() {
        return type;
    }

    /** First month in effect, 1 to the scenario's months. */
    public int month() {
        return month;
    }

    /** Months in effect, 1 to 1200; may run past the last month. */
    public int duration() {
        return (int) get(EventParameter.DURATION);
    }

    public double share() {
        return get(EventParameter.SHARE);
    }

    public double churnMultiplier() {
        return get(EventParameter.CHURN_MULTIPLIER);
    }

    public double purchaseMultiplier() {
        return get(EventParameter.PURCHASE_MULTIPLIER);
    }

    public double satisfactionDelta() {
        return get(EventParameter.SATISFACTION_DELTA);
    }

    public double complaintProbability() {
        return get(EventParameter.COMPLAINT_PROBABILITY);
    }

    public double reputationDelta() {
        return get(EventParameter.REPUTATION_DELTA);
    }

    /** Whether the event is in effect during month t. */
    public boolean activeIn(int t) {
        return t >= month && t < month + duration();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event e && e.type == type && e.month == month && Arrays.equals(e.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, month, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Event[type=").append(type == null ? null : type.key()).append(", month=").append(month);
        for (EventParameter p : EventParameter.values()) {
            sb.append(", ").append(p.key()).append('=').append(get(p));
        }
        return sb.append(']').toString();
    }
}
