package org.segmentlab.simulator.engine;

import static org.segmentlab.simulator.engine.CustomerStatus.LEAVING;

/**
 * The month's money per customer (revenue, margin after discounts, service and treatment), written into the
 * customer's slot of the trailing window and summed for the month's metrics (by initial segment and by channel for
 * the profit bridge). A customer whose dropout came after a purchase leaves now, after paying.
 */
final class LedgerStage implements ChunkStage {
    @Override
    public void run(Month m, Chunk c) {
        StepSettings s = m.settings;
        MarketState st = m.st;
        TreatmentTable plan = m.plan;
        WindowRing ring = st.ring;
        int slot = ring.slotOf(m.t);
        Tally tally = c.tally;
        // Sums kept in locals (registers) and added to the chunk's tally once: no shared cache lines between threads.
        double sumGrossSales = 0, sumRevenue = 0, sumDiscountCost = 0, sumServiceFees = 0, sumServiceCost = 0, sumTreatmentCost = 0;
        long sumComplaints = 0, sumBadExperiences = 0, sumPurchases = 0;
        for (int j = 0; j < c.liveCount; j++) {
            int i = c.live[j];
            double gross = c.gross[j];
            double discountCost = gross * c.discount[j];
            double fees = c.fees[j];
            double serviceCost = c.served[j] * s.costPerRequest;
            double treatmentCost = plan.cost[c.row[j]];
            double revenue = gross - discountCost + fees;
            double margin = s.grossMargin * gross + fees - discountCost - serviceCost - treatmentCost;
            // The flag marks a month a discount was offered (exposure), bought in or not: promoLift compares the
            // purchase rates of offered and full-price months.
            ring.write(i, slot, revenue, margin, c.purchases[j], c.served[j], c.discount[j] > 0, c.voiced[j],
                    c.referred[j]);
            sumGrossSales += gross;
            sumRevenue += revenue;
            sumDiscountCost += discountCost;
            sumServiceFees += fees;
            sumServiceCost += serviceCost;
            sumTreatmentCost += treatmentCost;
            sumComplaints += c.voiced[j];
            sumBadExperiences += c.complaints[j];
            sumPurchases += c.purchases[j];
            int channel = st.channel(i);
            if (channel == 0 && st.initial(i)) {
                tally.marginByInitialSegment[st.initialSegment[st.id[i]]] += margin;
            }
            tally.marginByChannel[channel] += margin;
            if (c.leaving[j]) {
                st.status[i] = LEAVING;
            }
        }
        tally.grossSales += sumGrossSales;
        tally.revenue += sumRevenue;
        tally.discountCost += sumDiscountCost;
        tally.serviceFees += sumServiceFees;
        tally.serviceCost += sumServiceCost;
        tally.treatmentCost += sumTreatmentCost;
        tally.complaints += sumComplaints;
        tally.badExperiences += sumBadExperiences;
        tally.purchases += sumPurchases;
    }
}
