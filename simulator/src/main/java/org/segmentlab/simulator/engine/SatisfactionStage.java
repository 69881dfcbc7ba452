package org.segmentlab.simulator.engine;

import org.segmentlab.simulator.engine.CustomerRandom.Purpose;

/**
 * Stage 5: satisfaction. Each purchase or served request goes wrong with probability badExperience (a complaint);
 * only a voiced complaint is seen and can be recovered, an unvoiced one hurts just the same. Satisfaction drifts back
 * toward the baseline, moves by the treatment's and events' deltas, drops by unresolved complaints and charged fees;
 * a resolved complaint restores it to at least the baseline (the service-recovery effect). Then, when satisfaction is
 * not read exactly, a surveyed customer's answer is its satisfaction plus noise. The complaint counts of the chunk come
 * from its {@link BinomialKernel} in one call, between a loop that sets their trials and one that uses them.
 */
final class SatisfactionStage implements ChunkStage {
    @Override
    public void run(Month m, Chunk c) {
        StepSettings s = m.settings;
        MarketState st = m.st;
        TreatmentTable plan = m.plan;
        float[] baseline = st.population.satisfaction();
        float[] bad = st.population.badExperience();
        double badMultiplier = plan.badExperienceMultiplier;
        CustomerRandom rng = c.rng;
        for (int j = 0; j < c.liveCount; j++) {
            int i = c.live[j];
            c.trials[j] = c.purchases[j] + c.served[j];
            c.mean[j] = badMultiplier == 1 ? bad[i] : bad[i] * badMultiplier;
        }
        m.binomial.draw(c, Purpose.COMPLAINTS, c.complaints);
        for (int j = 0; j < c.liveCount; j++) {
            int i = c.live[j];
            int row = c.row[j];
            long position = c.position[j];
            int complaints = c.complaints[j];
            if (c.eventComplaint[j] > 0) {
                // The event's complaint is the next draw of the complaints stream: its first when the count drew none.
                rng.resetAt(position, Purpose.COMPLAINTS);
                if (BinomialKernel.draws(c.trials[j], c.mean[j])) {
                    rng.nextLong();
                }
                if (rng.nextDouble() < c.eventComplaint[j]) {
                    complaints++;
                }
            }
            int voiced = s.voiceRate >= 1 ? complaints : Draws.binomialSmall(rng.resetAt(position, Purpose.VOICE), complaints, s.voiceRate);
            int resolved = Draws.binomialSmall(rng.resetAt(position, Purpose.RECOVERY), voiced, plan.recoveryProbability[row]);
            int unresolved = complaints - resolved;

            float sat = st.satisfaction[i];
            float s0 = baseline[i];
            double next = sat + s.drift * (s0 - sat) + plan.satisfactionDelta[row] + c.eventSatisfaction[j]
                    - s.complaintImpact * unresolved - s.feeSatisfactionImpact * c.charged[j];
            if (resolved > 0) {
                next = Math.max(next, s0);
            }
            next = Math.min(1.0, Math.max(0.0, next));
            st.satisfaction[i] = (float) next;
            if (unresolved > 0) {
                st.lastComplaint[i] = (short) m.t;
            }
            if (!s.satisfactionExact && rng.resetAt(position, Purpose.SURVEY).nextDouble() < s.surveyRate) {
                double answer = s.surveyNoise > 0 ? next + s.surveyNoise * c.gauss.sample() : next;
                answer = Math.min(1.0, Math.max(0.0, answer));
                st.surveyAnswer[i] = (byte) Math.round(answer * MarketState.ANSWER_STEPS);
            }
            c.complaints[j] = complaints;
            c.voiced[j] = voiced;
            c.satisfaction[j] = next;
        }
    }
}
