package org.segmentlab.simulator.engine;

import org.segmentlab.simulator.engine.CustomerRandom.Purpose;

/**
 * Stage 6: word of mouth. A customer with low satisfaction or a recent unresolved complaint is a detractor; one
 * satisfied enough is a promoter and refers someone with probability advocacy × the treatment's multiplier.
 */
final class WordOfMouthStage implements ChunkStage {
    @Override
    public void run(Month m, Chunk c) {
        StepSettings s = m.settings;
        MarketState st = m.st;
        TreatmentTable plan = m.plan;
        float[] advocacy = st.population.advocacy();
        byte[] archetype = st.population.archetype();
        Tally tally = c.tally;
        long detractors = 0; // the fired who still talk are counted by the assignment pass, which walks every row
        double sumAdvocacy = 0;
        double sumSatisfaction = 0;
        long promoters = 0;
        long referrals = 0;
        for (int j = 0; j < c.liveCount; j++) {
            int i = c.live[j];
            double next = c.satisfaction[j];
            boolean recentComplaint = m.t - st.lastComplaint[i] < s.complaintMemory;
            boolean detractor = next < s.detractorThreshold || recentComplaint;
            boolean promoter = !detractor && next >= s.promoterThreshold;
            int referred = 0;
            if (promoter) {
                double a = Math.min(1.0, advocacy[i] * plan.advocacyMultiplier[c.row[j]]);
                promoters++;
                sumAdvocacy += a;
                if (c.rng.resetAt(c.position[j], Purpose.REFERRAL).nextDouble() < a) {
                    referred = 1;
                    referrals++;
                    tally.referralsByArchetype[archetype[i]]++;
                }
            } else if (detractor) {
                detractors++;
            }
            sumSatisfaction += next;
            c.referred[j] = referred;
        }
        tally.advocacy += sumAdvocacy;
        tally.satisfaction += sumSatisfaction;
        tally.evaluated += c.liveCount;
        tally.promoters += promoters;
        tally.detractors += detractors;
        tally.referrals += referrals;
    }
}
