package org.segmentlab.simulator.engine;

import static org.segmentlab.simulator.engine.EngineRuns.assertValues;
import static org.segmentlab.simulator.engine.EngineRuns.resource;
import static org.segmentlab.simulator.engine.EngineRuns.run;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.scenario.ScenarioDocument;

/**
 * With issue 14's mechanisms off — κ = 0 (where the old gate and the new damping agree), referrals that do not convert,
 * reputation that scales nothing, no campaign, no tenure effects, nobody back — the engine is the one before the
 * issue: these are the pre-issue engine's metrics of the four-types scenario as shipped before the issue, at 20 000
 * customers and 12 months, to the last bit ({@code pre-issue-14-four-types.expected.csv}). One result-changing step
 * since moved them, and the file with it: issue 18 draws the newcomers' traits from a stream per (month, chunk of
 * newcomers) instead of the month's acquisition stream, so that they are drawn in parallel.
 */
class WordOfMouthOffTest {

    /**
     * A four-types scenario as shipped before an issue, at 20 000 customers and 12 months, with issue 14's word of
     * mouth off: κ = 0, referrals that do not convert, a reputation that scales nothing.
     */
    static ScenarioDocument fourTypesBefore(String file) {
        return resource(file).with("market.initialCustomers", "20000").with("market.potential", "200000")
                .with("months", "12").with("market.negativeWeight", "0").with("market.referralConversion", "0")
                .with("market.reputation.effect", "0");
    }

    @Test
    void withEveryMechanismOfIssue14OffTheEngineIsTheOneBeforeIt() {
        // Every row kept, as the engine before compaction did (EngineRuns.withCompaction).
        assertValues(EngineRuns.withCompaction("off", () -> run(fourTypesBefore("pre-issue-14-four-types.yaml")
                .with("market.winBack", "{share: 0, delay: 6}")
                .with("behaviour.tenureSpendGrowth", "0").with("behaviour.tenureServiceDecline", "0"))),
                "pre-issue-14-four-types.expected.csv");
    }
}
