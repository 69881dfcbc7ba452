package org.segmentlab.reports;

import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * A small real engine run where every acquisition channel brings customers (advertising, imitation, referrals
 * that convert, ex-customers who come back) and detractors damp them: two strategies, two replications, 12 months.
 * Run once and shared, since report tests only read it.
 */
public final class ChannelRun {

    static final String YAML = """
            name: channels
            seed: 14
            months: 12
            replications: 2
            market:
              potential: 40000
              initialCustomers: 3000
              innovation: 0.003
              imitation: 0.3
              negativeWeight: 1
              acquisitionCost: 30
              referralLean: 0.5
              referralConversion: 0.3
              winBack: {share: 0.5, delay: 2}
            archetypes:
              - name: fan
                share: 0.6
                purchaseRate: {dist: gamma, shape: 4, scale: 0.5}
                spend: {dist: constant, value: 50}
                churn: {dist: beta, alpha: 2, beta: 60}
                advocacy: {dist: beta, alpha: 3, beta: 7}
                satisfaction: {dist: beta, alpha: 8, beta: 2}
              - name: grumbler
                share: 0.4
                purchaseRate: {dist: gamma, shape: 2, scale: 0.3}
                spend: {dist: constant, value: 40}
                churn: {dist: beta, alpha: 3, beta: 20}
                advocacy: {dist: beta, alpha: 1, beta: 30}
                satisfaction: {dist: beta, alpha: 2, beta: 6}
                badExperience: 0.1
            taxonomy: four-types
            strategies:
              - {name: baseline, treatments: {default: none}}
              - {name: recovery, treatments: {negative: service-recovery, default: none}}
            """;

    private static RunResult run;

    private ChannelRun() {
    }

    public static synchronized RunResult get() {
        if (run == null) {
            run = Simulator.run(Scenarios.parse(YAML, "channels.yaml").scenario(), RunOptions.threads(2));
        }
        return run;
    }
}
