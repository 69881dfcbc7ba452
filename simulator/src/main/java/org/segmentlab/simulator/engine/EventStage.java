package org.segmentlab.simulator.engine;

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

    /** The events' multipliers and deltas for every live customer of the chunk (neutral values in a month without). */
    @Override
    public void run(Month m, Chunk c) {
        for (int j = 0; j < c.liveCount; j++) {
            c.eventChurn[j] = 1;
            c.eventPurchase[j] = 1;
            c.eventSatisfaction[j] = 0;
            c.eventComplaint[j] = 0;
            if (m.events) {
                touch(m, c.live[j], c, j);
            }
        }
    }

    /**
     * Writes into slot j of the chunk's event columns the events in effect for customer i in month m.t, and into the
     * month's columns of customer i what the churn pass reads ({@link #churnMultiplier}).
     */
    private void touch(Month m, int i, Chunk c, int j) {
        double churn = 1;
        double purchase = 1;
        double satisfaction = 0;
        double complaint = 0;
        double competitorPrice = 1;
        for (int e = 0; e < eventKeys.length; e++) {
            Event event = events.get(e);
            if (!event.activeIn(m.t) || m.st.acquired[i] >= event.month()) {
                continue;
            }
            if (event.type().repAttachedOnly() && !m.st.population.repAttached()[i]) {
                continue;
            }
            if (c.rng.reset(eventKeys[e], i, Purpose.EVENT).nextDouble() >= event.share()) {
                continue;
            }
            churn *= event.churnMultiplier();
            purchase *= event.purchaseMultiplier();
            satisfaction += event.satisfactionDelta();
            complaint = 1 - (1 - complaint) * (1 - event.complaintProbability());
            competitorPrice = Math.min(competitorPrice, event.get(EventParameter.COMPETITOR_PRICE));
        }
        byte remembered = Month.NO_COMPETITOR_PRICE;
        if (competitorPrice < 1) {
            // The competitor's price becomes the price the customer remembers: ours, above it, is a price gap.
            remembered = (byte) Math.round(competitorPrice * MarketState.PRICE_STEPS);
            remember(m.st, i, remembered);
        }
        c.eventChurn[j] = churn;
        c.eventPurchase[j] = purchase;
        c.eventSatisfaction[j] = satisfaction;
        c.eventComplaint[j] = complaint;
        m.eventChurn[i] = churn;
        m.competitorPrice[i] = remembered;
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
