package org.segmentlab.simulator.engine;

import java.util.Arrays;
import java.util.List;

import org.segmentlab.simulator.engine.CustomerRandom.Purpose;
import org.segmentlab.simulator.random.SplitMix64;
import org.segmentlab.simulator.scenario.Event;
import org.segmentlab.simulator.scenario.EventParameter;

/**
 * Stage 1: the events in effect touch their customers. Whether an event touches a customer is drawn from the
 * customer's own stream keyed by the event, so it is the same draw every month of the event (a fixed set of touched
 * customers) and for every strategy. Only customers acquired before the event can be touched; a rep departure touches
 * only customers attached to a representative.
 */
final class EventStage implements ChunkStage {
    private final List<Event> events;
    private final long[] eventKeys;

    EventStage(List<Event> events, StepSettings settings) {
        this.events = events;
        this.eventKeys = new long[events.size()];
        for (int e = 0; e < eventKeys.length; e++) {
            eventKeys[e] = SplitMix64.mix(CustomerRandom.monthKey(settings.seed, settings.replication,
                    events.get(e).month()) + e + 1);
        }
    }

    /** Whether any event is in effect in month t (never in the burn-in). */
    boolean anyIn(int t, boolean burnIn) {
        if (burnIn) {
            return false;
        }
        for (Event e : events) {
            if (e.activeIn(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The events' multipliers and deltas for every live customer of the chunk (neutral values in a month without), and
     * into the month's columns of each customer what the churn pass reads ({@link #churnMultiplier}). Event by event
     * over the chunk, each event's values read once; a customer's effects combine in the events' order.
     */
    @Override
    public void run(Month m, Chunk c) {
        int n = c.liveCount;
        Arrays.fill(c.eventChurn, 0, n, 1.0);
        Arrays.fill(c.eventPurchase, 0, n, 1.0);
        Arrays.fill(c.eventSatisfaction, 0, n, 0.0);
        Arrays.fill(c.eventComplaint, 0, n, 0.0);
        if (!m.events) {
            return;
        }
        MarketState st = m.st;
        boolean[] repAttached = st.population.repAttached();
        boolean undercut = false;
        for (int e = 0; e < eventKeys.length; e++) {
            Event event = events.get(e);
            if (!event.activeIn(m.t)) {
                continue;
            }
            long key = eventKeys[e];
            int month = event.month();
            boolean attachedOnly = event.type().repAttachedOnly();
            double share = event.share();
            double churn = event.churnMultiplier();
            double purchase = event.purchaseMultiplier();
            double satisfaction = event.satisfactionDelta();
            double complaint = event.complaintProbability();
            double competitorPrice = event.get(EventParameter.COMPETITOR_PRICE);
            boolean undercuts = competitorPrice < 1;
            if (undercuts && !undercut) {
                Arrays.fill(c.competitorPrice, 0, n, 1.0);
                undercut = true;
            }
            for (int j = 0; j < n; j++) {
                // Only customers acquired before the event, and for a rep's departure only those attached to a rep.
                int i = c.live[j];
                if (st.acquired[i] >= month || attachedOnly && !repAttached[i]) {
                    continue;
                }
                if (c.rng.reset(key, st.id[i], Purpose.EVENT).nextDouble() >= share) {
                    continue;
                }
                c.eventChurn[j] *= churn;
                c.eventPurchase[j] *= purchase;
                c.eventSatisfaction[j] += satisfaction;
                c.eventComplaint[j] = 1 - (1 - c.eventComplaint[j]) * (1 - complaint);
                if (undercuts) {
                    c.competitorPrice[j] = Math.min(c.competitorPrice[j], competitorPrice);
                }
            }
        }
        for (int j = 0; j < n; j++) {
            int i = c.live[j];
            byte remembered = Month.NO_COMPETITOR_PRICE;
            if (undercut && c.competitorPrice[j] < 1) {
                // The competitor's price becomes the price the customer remembers: ours, above it, is a price gap.
                remembered = (byte) Math.round(c.competitorPrice[j] * MarketState.PRICE_STEPS);
                remember(st, i, remembered);
            }
            m.eventChurn[i] = c.eventChurn[j];
            m.competitorPrice[i] = remembered;
        }
    }

    /**
     * The churn pass's look at customer i's events: their churn multiplier this month, as the events stage drew it.
     * The competitor's price is remembered again first: a purchase this month moved the remembered price toward ours,
     * and at the month's end, when the customer weighs staying, it is the competitor's price again.
     */
    static double churnMultiplier(Month m, int i) {
        remember(m.st, i, m.competitorPrice[i]);
        return m.eventChurn[i];
    }

    /** Lowers customer i's remembered price to {@code price} (in steps of 1/{@value MarketState#PRICE_STEPS}) if above it. */
    private static void remember(MarketState st, int i, byte price) {
        if ((price & 0xFF) < (st.referencePrice[i] & 0xFF)) {
            st.referencePrice[i] = price;
        }
    }

    /** rho plus the reputation pushes of the events in effect in month t, added one by one in their order. */
    double withReputationPushes(double rho, int t) {
        for (Event e : events) {
            if (e.activeIn(t)) {
                rho += e.reputationDelta();
            }
        }
        return rho;
    }
}
