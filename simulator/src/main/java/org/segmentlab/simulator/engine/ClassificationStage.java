package org.segmentlab.simulator.engine;

import static org.segmentlab.simulator.engine.CustomerStatus.ACTIVE;

import org.segmentlab.model.classify.RuleTableClassifier;

/**
 * Stage 10: classification of the chunk from its feature table (in months that reclassify), and the segment
 * counts: customers by segment, movements between segments, entries of customers acquired since the last
 * classification, and the confusion against the archetypes' true segments when the scenario names them.
 */
final class ClassificationStage implements ChunkStage {
    private final RuleTableClassifier classifier;
    private final int segments;
    private final int reclassifyEvery;
    /** The true segment of each archetype (−1 when the scenario names none). */
    private final int[] truthSegment;

    ClassificationStage(RuleTableClassifier classifier, int reclassifyEvery, int[] truthSegment) {
        this.classifier = classifier;
        this.segments = classifier.taxonomy().size();
        this.reclassifyEvery = reclassifyEvery;
        this.truthSegment = truthSegment;
    }

    @Override
    public void run(Month m, Chunk c) {
        MarketState st = m.st;
        Tally tally = c.tally;
        int len = c.to - c.from;
        boolean reclassify = m.reclassify;
        if (reclassify) {
            classifier.classify(c.features, c.classified, 0, len);
        }
        byte[] archetype = st.population.archetype();
        for (int j = 0; j < len; j++) {
            int i = c.from + j;
            if (st.status[i] != ACTIVE) {
                continue;
            }
            int old = st.segment[i];
            int now = reclassify ? c.classified[j] : old;
            if (reclassify) {
                // A customer acquired since the last classification enters from "new"; it did not move out of the
                // segment its row held by default.
                if (st.acquired[i] > m.t - reclassifyEvery) {
                    tally.entries[now]++;
                } else {
                    tally.transitions[old * segments + now]++;
                }
                st.segment[i] = (byte) now;
            }
            tally.segmentCounts[now]++;
            int truth = truthSegment[archetype[i]];
            if (truth >= 0) {
                tally.confusion[truth * segments + now]++;
            }
        }
    }
}
