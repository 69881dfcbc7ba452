package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * With issue 14's mechanisms off — κ = 0 (where the old gate and the new damping agree), referrals that do not convert,
 * reputation that scales nothing, no campaign, no tenure effects, nobody back — the engine is the one before the
 * issue: these are the pre-issue engine's metrics of the four-types scenario as shipped before the issue, at 20 000
 * customers and 12 months, to the last bit.
 */
class WordOfMouthOffTest {

    @Test
    void withEveryMechanismOfIssue14OffTheEngineIsTheOneBeforeIt() throws URISyntaxException {
        Path file = Path.of(WordOfMouthOffTest.class.getResource("pre-issue-14-four-types.yaml").toURI());
        MetricsTable m = Simulator.run(Scenarios.load(file)
                .with("market.initialCustomers", "20000").with("market.potential", "200000").with("months", "12")
                .with("market.negativeWeight", "0").with("market.referralConversion", "0")
                .with("market.reputation.effect", "0").with("market.winBack", "{share: 0, delay: 6}")
                .with("behaviour.tenureSpendGrowth", "0").with("behaviour.tenureServiceDecline", "0").scenario(),
                RunOptions.threads(2)).metrics();
        assertThat(m.value("baseline", 0, "profit_cumulative", 12)).isEqualTo(2264954.815407429);
        assertThat(m.value("textbook", 0, "profit_cumulative", 12)).isEqualTo(2173762.7618753826);
        assertThat(m.value("textbook", 0, "discount_cost", 12)).isEqualTo(60341.83236618364);
        assertThat(m.value("baseline", 0, "active", 12)).isEqualTo(14371);
        assertThat(m.value("textbook", 0, "active", 12)).isEqualTo(17328);
        assertThat(m.value("textbook", 0, "referrals", 12)).isEqualTo(1442);
        assertThat(m.value("textbook", 0, "complaints", 12)).isEqualTo(357);
        assertThat(m.value("textbook", 0, "segment.loyal", 12)).isEqualTo(4661);
        assertThat(m.value("textbook", 0, "acquired_wom", 12)).isEqualTo(296);
        assertThat(m.value("baseline", 0, "acquired_total", 12)).isEqualTo(470);
        assertThat(m.value("baseline", 0, "acquired_referral", 12)).isZero();
        assertThat(m.value("baseline", 0, "acquired_winback", 12)).isZero();
    }
}
