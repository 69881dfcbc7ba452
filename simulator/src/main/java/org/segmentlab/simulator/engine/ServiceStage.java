package org.segmentlab.simulator.engine;

import org.segmentlab.simulator.engine.CustomerRandom.Purpose;

/**
 * Stage 4: service. Requests ~ Poisson(demand, declining with tenure); above the treatment's cap a fee is charged
 * (which deters: each chargeable request is still made with probability exp(−η·fee/basket)), or without a fee the
 * request is declined.
 */
final class ServiceStage implements ChunkStage {
    @Override
    public void run(Month m, Chunk c) {
        StepSettings s = m.settings;
        TreatmentTable plan = m.plan;
        float[] demand = m.st.population.serviceDemand();
        CustomerRandom rng = c.rng;
        for (int j = 0; j < c.liveCount; j++) {
            int i = c.live[j];
            c.mean[j] = s.tenureServiceDecline == 0 ? demand[i] : demand[i] * s.serviceDecline(m.st, i, m.t);
        }
        m.poisson.draw(c, Purpose.SERVICE, c.served);
        for (int j = 0; j < c.liveCount; j++) {
            int row = c.row[j];
            long position = c.position[j];
            int requests = c.served[j];
            int served = requests;
            double fees = 0;
            int charged = 0;
            if (requests > plan.serviceCap[row]) {
                int extra = requests - (int) plan.serviceCap[row];
                if (plan.serviceFee[row] > 0) {
                    charged = extra;
                    if (s.feeElasticity > 0) {
                        double keep = Math.exp(-s.feeElasticity * plan.serviceFee[row] / c.basket[j]);
                        charged = Draws.binomialSmall(rng.resetAt(position, Purpose.SERVICE_FEE), extra, keep);
                    }
                    served -= extra - charged;
                    fees = charged * plan.serviceFee[row];
                } else {
                    served -= extra;
                }
            }
            c.served[j] = served;
            c.charged[j] = charged;
            c.fees[j] = fees;
        }
    }
}
