package org.segmentlab.simulator.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.segmentlab.model.Chunks;
import org.segmentlab.simulator.population.HeapBudget;
import org.segmentlab.simulator.population.Population;
import org.segmentlab.simulator.population.PopulationGenerator;
import org.segmentlab.simulator.random.RandomStreams;
import org.segmentlab.simulator.random.StreamPurpose;
import org.segmentlab.simulator.scenario.InitialPopulation;

/**
 * The month-0 state of a scenario that starts from real customers ({@link InitialPopulation}) instead of a
 * burn-in: their purchase history fills the trailing window, and each replication draws the traits the log informs
 * from the customer's own posterior.
 *
 * <p>Streams: chunk {@code c} of {@value Chunks#POPULATION} customers draws from
 * {@code streams.stream(replication, INITIAL_POPULATION, c)}: first the archetype traits of its rows
 * ({@link PopulationGenerator#drawTraits}), then for each row in order: whether still active (one uniform),
 * purchase rate (gamma), dropout (beta), spend (inverse gamma). Identical for any thread count.
 */
final class ObservedStart {

    private ObservedStart() {
    }

    /** Month 0, before {@link MonthlyStep#settle} classifies and ranks the customers. */
    static MarketState state(InitialPopulation customers, PopulationGenerator generator, RandomStreams streams,
                             int replication, int window, double grossMargin) {
        int n = customers.size();
        HeapBudget.check(n, Population.bytesPerCustomer(), "market.initialCustomers");
        Population population = Population.withCapacity(n);
        population.extend(n);
        byte[] archetype = population.archetype();
        for (int i = 0; i < n; i++) {
            archetype[i] = (byte) customers.archetype()[i];
        }
        boolean[] alive = new boolean[n];
        for (int from = 0; from < n; from += Chunks.POPULATION) {
            int to = Math.min(n, from + Chunks.POPULATION);
            UniformRandomProvider rng = streams.stream(replication, StreamPurpose.INITIAL_POPULATION,
                    from / Chunks.POPULATION);
            generator.drawTraits(population, from, to, rng);
            drawPosteriors(customers, population, alive, from, to, rng);
        }
        MarketState st = new MarketState(population, window, (short) 0);
        for (int i = 0; i < n; i++) {
            st.acquired[i] = customers.firstPurchase()[i];
            st.lastPurchase[i] = customers.lastPurchase()[i];
            st.status[i] = alive[i] ? CustomerStatus.ACTIVE : CustomerStatus.CHURNED;
            for (int month = -window; month <= -1; month++) {
                double revenue = customers.revenue(i, month);
                // The log knows no discounts or service costs: margin is the gross margin on revenue.
                st.ring.writeObserved(i, st.ring.slotOf(month), revenue, grossMargin * revenue, customers.purchases(i, month));
            }
        }
        return st;
    }

    private static void drawPosteriors(InitialPopulation c, Population population, boolean[] alive, int from, int to,
                                       UniformRandomProvider rng) {
        float[] rate = population.purchaseRate();
        float[] dropout = population.dropout();
        float[] spend = population.spend();
        for (int i = from; i < to; i++) {
            alive[i] = rng.nextDouble() < c.alive()[i];
            rate[i] = (float) AhrensDieterMarsagliaTsangGammaSampler.of(rng, c.rateShape()[i], c.rateScale()[i]).sample();
            dropout[i] = (float) ChengBetaSampler.of(rng, c.dropoutAlpha()[i], c.dropoutBeta()[i]).sample();
            double g = AhrensDieterMarsagliaTsangGammaSampler.of(rng, c.spendShape()[i], 1).sample();
            spend[i] = (float) Math.min(Float.MAX_VALUE, c.spendScale()[i] / g);
        }
    }
}
