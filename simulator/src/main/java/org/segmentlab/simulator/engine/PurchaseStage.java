package org.segmentlab.simulator.engine;

import org.segmentlab.simulator.engine.CustomerRandom.Purpose;
import org.segmentlab.simulator.population.Population;

/**
 * Stage 3: purchases. The discount a customer sees (a sale, the treatment's own, or one leaking from another segment's
 * campaign), the price response against the remembered price, n ~ Poisson(λ · lift · g(s) · (1 + ψ·elasticity·discount)
 * · events · price-gap dip), BG/NBD dropout after a purchase, lognormal baskets; then the remembered price moves and
 * deal-proneness may be trained. Two loops around the chunk's {@link PoissonKernel}: the means, then what the counts lead to.
 */
final class PurchaseStage implements ChunkStage {
    @Override
    public void run(Month m, Chunk c) {
        StepSettings s = m.settings;
        MarketState st = m.st;
        TreatmentTable plan = m.plan;
        Population pop = st.population;
        byte[] archetype = pop.archetype();
        float[] rate = pop.purchaseRate();
        float[] spend = pop.spend();
        float[] psi = pop.priceSensitivity();
        float[] baseline = pop.satisfaction();
        float[] dropout = pop.dropout();
        CustomerRandom rng = c.rng;
        for (int j = 0; j < c.liveCount; j++) {
            int i = c.live[j];
            int row = c.row[j];
            long position = c.position[j];
            // The best discount wins. A treatment that blocks discounts blocks its own and leaked ones, not a sale.
            double discount = 0;
            if (!plan.blocksDiscounts[row]) {
                discount = plan.discount[row];
                if (plan.leakSegment.length > 0) {
                    int segment = st.segment[i];
                    rng.resetAt(position, Purpose.LEAKAGE);
                    for (int k = 0; k < plan.leakSegment.length; k++) {
                        double u = rng.nextDouble(); // drawn for every campaign so streams stay aligned across strategies
                        if (plan.leakSegment[k] != segment && u < plan.leakProbability[k]) {
                            discount = Math.max(discount, plan.leakDiscount[k]);
                        }
                    }
                }
            }
            discount = Math.max(discount, m.sale);
            // Price response: above the remembered price, a price-sensitive customer buys less (the post-promotion dip).
            double price = 1 - discount;
            double reference = (st.referencePrice[i] & 0xFF) * (1.0 / MarketState.PRICE_STEPS);
            double gap = Math.max(0, price - reference);
            m.priceGap[i] = (float) gap;

            float sat = st.satisfaction[i];
            double mean = rate[i] * plan.purchaseLift[row] * s.purchaseFactor(sat, baseline[i])
                    * (1 + psi[i] * s.elasticity * discount) * c.eventPurchase[j];
            if (gap > 0 && s.priceGapPurchase > 0) {
                mean *= Math.exp(-psi[i] * s.priceGapPurchase * gap);
            }
            c.discount[j] = discount;
            c.mean[j] = mean;
        }
        m.poisson.draw(c, Purpose.PURCHASES, c.purchases);
        for (int j = 0; j < c.liveCount; j++) {
            int i = c.live[j];
            int row = c.row[j];
            long position = c.position[j];
            int purchases = c.purchases[j];
            double discount = c.discount[j];
            double price = 1 - discount;
            double reference = (st.referencePrice[i] & 0xFF) * (1.0 / MarketState.PRICE_STEPS);
            // BG/NBD dropout: after each purchase the customer leaves with probability p (scaled like churn by the
            // treatment), and the month's later purchases never happen (they are the next events of a Poisson process).
            boolean leaving = false;
            if (purchases > 0 && dropout[i] > 0 && !m.burnIn) {
                double leave = Math.min(1.0, dropout[i] * plan.churnMultiplier[row]);
                rng.resetAt(position, Purpose.DROPOUT);
                for (int k = 0; k < purchases; k++) {
                    if (rng.nextDouble() < leave) {
                        purchases = k + 1;
                        leaving = true;
                        break;
                    }
                }
            }
            double gross = 0;
            // Tenure: a customer of longer standing spends more.
            double basket = s.tenureSpendGrowth == 0 ? spend[i] : spend[i] * (1 + s.tenureSpendGrowth * StepSettings.years(st, i, m.t));
            if (purchases > 0) {
                float sigma = s.basketSigma[archetype[i]];
                if (sigma > 0) {
                    rng.resetAt(position, Purpose.BASKETS);
                    double shift = -0.5 * sigma * sigma;
                    for (int k = 0; k < purchases; k++) {
                        gross += basket * Math.exp(sigma * c.gauss.sample() + shift);
                    }
                } else {
                    gross = basket * purchases;
                }
                st.lastPurchase[i] = (short) m.t;
                // The remembered price moves toward the price just paid; buying on discount may train deal-proneness.
                if (s.referencePriceMemory > 0 && price != reference) {
                    double remembered = reference + s.referencePriceMemory * (price - reference);
                    st.referencePrice[i] = (byte) Math.round(remembered * MarketState.PRICE_STEPS);
                }
                if (s.dealTraining > 0 && discount > 0) {
                    psi[i] = (float) Math.min(1.0, psi[i] + s.dealTraining * discount * (1 - psi[i]));
                }
            }
            c.purchases[j] = purchases;
            c.gross[j] = gross;
            c.basket[j] = basket;
            c.leaving[j] = leaving;
        }
    }
}
