package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.simulator.engine.EngineRuns.resource;
import static org.segmentlab.simulator.engine.EngineRuns.run;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.ScenarioDocument;

/**
 * A service fee has a behavioural cost and benefit (issue 13, deliver 5): the higher {@code serviceFeeElasticity},
 * the fewer extra requests are made, so fewer are served and charged; {@code serviceFeeSatisfactionImpact} lowers
 * the satisfaction of those charged. Month 1 is compared: before it the runs are the same customers in the same
 * state, so any difference there is the fee response itself. Neither key touches a strategy that charges no fee.
 * The acceptance market at 8 000 customers; its unhappy fifth asks for service about once a month, so a month's
 * extra requests number in the hundreds and a deterrence of e^(−2·fee/spend) moves them by far more than the
 * binomial noise of a few percent.
 */
class ServiceFeeResponseTest {

    private static ScenarioDocument market() {
        return resource("promo-market.yaml").with("market.initialCustomers", "8000").with("market.potential", "8000")
                .with("months", "3")
                .with("strategies[2].name", "charge").with("strategies[2].treatments.default", "charge-for-extras");
    }

    @Test
    void aHigherFeeElasticityDetersMoreRequests() {
        MetricsTable none = run(market().with("behaviour.serviceFeeElasticity", "0"));
        MetricsTable some = run(market().with("behaviour.serviceFeeElasticity", "2"));
        MetricsTable strong = run(market().with("behaviour.serviceFeeElasticity", "8"));
        double fees0 = none.value("charge", 0, "service_fees", 1);
        assertThat(fees0).as("fees with no deterrence").isPositive();
        assertThat(some.value("charge", 0, "service_fees", 1)).isLessThan(fees0);
        assertThat(strong.value("charge", 0, "service_fees", 1)).isLessThan(some.value("charge", 0, "service_fees", 1));
        assertThat(some.value("charge", 0, "service_cost", 1)).isLessThan(none.value("charge", 0, "service_cost", 1));
        assertThat(strong.value("charge", 0, "service_cost", 1)).isLessThan(some.value("charge", 0, "service_cost", 1));
        // A strategy without a fee draws nothing for it: the same to the bit whatever the elasticity.
        for (String metric : none.metrics()) {
            assertThat(strong.series("baseline", 0, metric)).as(metric).containsExactly(none.series("baseline", 0, metric));
        }
    }

    @Test
    void aChargedFeeLowersSatisfactionOnlyWhenItsImpactIsOn() {
        MetricsTable off = run(market().with("behaviour.serviceFeeSatisfactionImpact", "0"));
        MetricsTable on = run(market().with("behaviour.serviceFeeSatisfactionImpact", "0.2"));
        // The same requests are charged in month 1 (satisfaction moves after the month's service) ...
        assertThat(on.value("charge", 0, "service_fees", 1)).isEqualTo(off.value("charge", 0, "service_fees", 1));
        // ... and those charged end it less satisfied.
        assertThat(on.value("charge", 0, "satisfaction_mean", 1)).isLessThan(off.value("charge", 0, "satisfaction_mean", 1));
        for (String metric : off.metrics()) {
            assertThat(on.series("baseline", 0, metric)).as(metric).containsExactly(off.series("baseline", 0, metric));
        }
    }
}
