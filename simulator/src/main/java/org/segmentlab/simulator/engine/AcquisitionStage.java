package org.segmentlab.simulator.engine;

import java.util.concurrent.ForkJoinPool;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.segmentlab.model.Chunks;
import org.segmentlab.simulator.population.PopulationGenerator;
import org.segmentlab.simulator.random.RandomStreams;
import org.segmentlab.simulator.random.StreamPurpose;
import org.segmentlab.simulator.scenario.Market;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * Stage 7, month-wide: acquisition by advertising, imitation and referrals (Bass form), every channel damped by
 * negative word of mouth and scaled by reputation; then the reputation stock moves with the month's net word of
 * mouth. How many arrive and their archetypes come from the replication's acquisition streams (a few draws and one
 * per newcomer a month), not from customers' streams; the newcomers' traits from one stream per (month, chunk of
 * {@link Chunks#POPULATION} newcomers), drawn on the engine's pool: acquisition was the month's largest serial part.
 */
final class AcquisitionStage {
    private final Scenario scenario;
    private final int replication;
    private final double[] archetypeShare;
    private final PopulationGenerator generator;
    private final RandomStreams streams;
    private final EventStage events;
    /** The engine's pool, for the newcomers' traits (null: in the calling thread). */
    private final ForkJoinPool pool;
    long acquiredAds;
    long acquiredWom;
    long acquiredReferral;

    AcquisitionStage(Scenario scenario, int replication, PopulationGenerator generator, RandomStreams streams,
                     EventStage events, ForkJoinPool pool) {
        this.scenario = scenario;
        this.pool = pool;
        this.replication = replication;
        this.generator = generator;
        this.streams = streams;
        this.events = events;
        this.archetypeShare = new double[scenario.archetypes().size()];
        for (int a = 0; a < archetypeShare.length; a++) {
            archetypeShare[a] = scenario.archetypes().get(a).share();
        }
    }

    /** A month without acquisition (the burn-in, or month 0 of a calibrated start). */
    void none(Month m) {
        acquiredAds = 0;
        acquiredWom = 0;
        acquiredReferral = 0;
        m.personProbability = 0;
    }

    /**
     * Each of the M − A(t) people never acquired becomes a customer with probability (p′ + q·V⁺/M) · D, where
     * D = exp(−κ · detractor share) is the damping of negative word of mouth and p′ = (p · Σ shareₐ(1 + boostₐ) +
     * campaign) · R is the advertising innovation raised by acquisition boosts and the strategy's campaign and scaled by
     * reputation R = exp(effect · (ρ − ρ₀)). The count is one binomial draw, split into advertising and imitation by a
     * second (and advertising into standing and campaign by a third when there is a campaign). Standing advertising
     * brings archetypes in proportion to share × (1 + boost), the campaign the same weights × its tilt; imitation
     * copies a referrer's archetype with probability referralLean, else draws from the mixture. Then each of this
     * month's referrals converts with probability referralConversion · D · R, from the people still in the pool.
     */
    void acquire(Month m, Tally monthA) {
        MarketState st = m.st;
        TreatmentTable plan = m.plan;
        int t = m.t;
        var market = scenario.market();
        double reputationFactor = reputationFactor(st);
        double[] adWeights = new double[archetypeShare.length];
        double adMass = 0;
        for (int a = 0; a < adWeights.length; a++) {
            adWeights[a] = archetypeShare[a] * (1 + plan.archetypeBoost[a]);
            adMass += adWeights[a];
        }
        double pStanding = Math.min(1.0, market.innovation() * adMass);
        double pAds = plan.campaignInnovation > 0 ? Math.min(1.0, pStanding + plan.campaignInnovation) : pStanding;
        pAds = Math.min(1.0, pAds * m.womDamping * reputationFactor);
        double pWom = Math.min(1.0, market.imitation() * monthA.advocacy / market.potential() * m.womDamping);
        double p = Math.min(1.0, pAds + pWom);
        m.personProbability = p;
        long pool = Math.max(0, market.potential() - st.adopters);
        int from = st.size;
        int ads = 0;
        int acquired = 0;
        if (pool > 0 && p > 0) {
            UniformRandomProvider rng = streams.stream(replication, StreamPurpose.ACQUISITION, t);
            acquired = binomial((int) Math.min(Integer.MAX_VALUE - 8, pool), p, rng.nextDouble());
            ads = binomial(acquired, pAds / (pAds + pWom), rng.nextDouble());
            int campaign = 0;
            double[] campaignWeights = adWeights;
            double campaignMass = adMass;
            if (plan.campaignInnovation > 0) {
                double standing = Math.min(1.0, market.innovation() * adMass);
                campaign = binomial(ads, plan.campaignInnovation / (standing + plan.campaignInnovation), rng.nextDouble());
                campaignWeights = new double[adWeights.length];
                campaignMass = 0;
                for (int a = 0; a < adWeights.length; a++) {
                    campaignWeights[a] = adWeights[a] * plan.campaignTilt[a];
                    campaignMass += campaignWeights[a];
                }
            }
            from = st.population.extend(acquired);
            byte[] archetype = st.population.archetype();
            long referralTotal = total(monthA.referralsByArchetype);
            double lean = market.referralLean();
            for (int j = 0; j < acquired; j++) {
                int a;
                if (j < ads - campaign) {
                    a = drawWeighted(rng, adWeights, adMass);
                } else if (j < ads) {
                    a = drawWeighted(rng, campaignWeights, campaignMass);
                } else if (lean > 0 && referralTotal > 0 && rng.nextDouble() < lean) {
                    a = drawWeighted(rng, monthA.referralsByArchetype, referralTotal);
                } else {
                    a = drawWeighted(rng, archetypeShare, 1.0);
                }
                archetype[from + j] = (byte) a;
            }
            drawTraits(st, from, from + acquired, StreamPurpose.ACQUIRED_TRAITS, t);
            st.grow(from + acquired, (short) t, this.pool);
            st.adopters += acquired;
        }
        int referred = referralAcquisitions(m, monthA, pool - acquired, reputationFactor);
        st.recordBlocks(t, from, from + ads, from + acquired, from + acquired + referred);
        acquiredAds = ads;
        acquiredWom = acquired - ads;
        acquiredReferral = referred;
    }

    /**
     * Referrals that convert: Binomial(referrals, referralConversion · D · R) new customers, at most the people left
     * in the pool, each copying the referrer's archetype with probability referralLean. A stream of their own, so a
     * market without referral conversion draws exactly what it drew before referrals converted.
     */
    private int referralAcquisitions(Month m, Tally monthA, long pool, double reputationFactor) {
        MarketState st = m.st;
        int t = m.t;
        var market = scenario.market();
        long referrals = total(monthA.referralsByArchetype);
        if (market.referralConversion() == 0 || referrals == 0 || pool <= 0) {
            return 0;
        }
        double conversion = Math.min(1.0, market.referralConversion() * m.womDamping * reputationFactor);
        UniformRandomProvider rng = streams.stream(replication, StreamPurpose.REFERRALS, t);
        int count = (int) Math.min(pool, binomial((int) Math.min(Integer.MAX_VALUE - 8, referrals), conversion, rng.nextDouble()));
        if (count == 0) {
            return 0;
        }
        int from = st.population.extend(count);
        byte[] archetype = st.population.archetype();
        double lean = market.referralLean();
        for (int j = 0; j < count; j++) {
            archetype[from + j] = (byte) (lean > 0 && rng.nextDouble() < lean
                    ? drawWeighted(rng, monthA.referralsByArchetype, referrals)
                    : drawWeighted(rng, archetypeShare, 1.0));
        }
        drawTraits(st, from, from + count, StreamPurpose.REFERRED_TRAITS, t);
        st.grow(from + count, (short) t, this.pool);
        st.adopters += count;
        return count;
    }

    /**
     * The traits of newcomers {@code [from, to)}, whose archetypes are set: chunk k of {@link Chunks#POPULATION} rows
     * from its own stream (replication, purpose, month, k), the chunks in parallel.
     */
    private void drawTraits(MarketState st, int from, int to, StreamPurpose purpose, int t) {
        int chunks = (to - from + Chunks.POPULATION - 1) / Chunks.POPULATION;
        PoolBlocks.forEach(pool, chunks, k -> {
            int start = from + k * Chunks.POPULATION;
            generator.drawTraits(st.population, start, Math.min(to, start + Chunks.POPULATION),
                    streams.stream(replication, purpose, t, k));
        });
    }

    /** R = exp(effect · (ρ − ρ₀)): reputation above its month-0 level makes advertising and referrals convert better. */
    private double reputationFactor(MarketState st) {
        double effect = scenario.market().reputation().effect();
        return effect == 0 ? 1 : Math.exp(effect * (st.reputation - st.reputationStart));
    }

    /**
     * The reputation stock follows the month's net word of mouth, closing {@code gain} of the gap when that is above
     * it and {@code loss} when below (slow to build, quick to lose), plus the events' pushes; kept in [-1, 1].
     */
    void updateReputation(MarketState st, int t, Tally monthA) {
        Market.Reputation r = scenario.market().reputation();
        double target = netWom(monthA, st.reputation);
        double rho = st.reputation;
        rho += (target > rho ? r.gain() : r.loss()) * (target - rho);
        rho = events.withReputationPushes(rho, t);
        st.reputation = Math.max(-1, Math.min(1, rho));
    }

    /** (promoters − detractors) / customers evaluated this month, or {@code otherwise} when nobody was evaluated. */
    static double netWom(Tally a, double otherwise) {
        return a.evaluated == 0 ? otherwise : (double) (a.promoters - a.detractors) / a.evaluated;
    }

    private static long total(long[] counts) {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    /** A Binomial(n, p) count by inversion of one uniform (Commons Math's exact CDF; once or twice a month). */
    private static int binomial(int n, double p, double u) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        return new BinomialDistribution(null, n, p).inverseCumulativeProbability(u);
    }

    private static int drawWeighted(UniformRandomProvider rng, double[] weights, double total) {
        double u = rng.nextDouble() * total;
        double cumulative = 0;
        for (int a = 0; a < weights.length; a++) {
            cumulative += weights[a];
            if (u < cumulative) {
                return a;
            }
        }
        return lastPositive(weights);
    }

    private static int drawWeighted(UniformRandomProvider rng, long[] weights, long total) {
        long u = (long) (rng.nextDouble() * total);
        long cumulative = 0;
        for (int a = 0; a < weights.length; a++) {
            cumulative += weights[a];
            if (u < cumulative) {
                return a;
            }
        }
        return weights.length - 1;
    }

    private static int lastPositive(double[] weights) {
        for (int a = weights.length - 1; a >= 0; a--) {
            if (weights[a] > 0) {
                return a;
            }
        }
        return 0;
    }
}
