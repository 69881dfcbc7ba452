package org.segmentlab.reports.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.segmentlab.simulator.metrics.AcquisitionChannel.ADVERTISING;
import static org.segmentlab.simulator.metrics.AcquisitionChannel.IMITATION;
import static org.segmentlab.simulator.metrics.AcquisitionChannel.INITIAL;
import static org.segmentlab.simulator.metrics.AcquisitionChannel.REFERRAL;
import static org.segmentlab.simulator.metrics.AcquisitionChannel.WIN_BACK;

import org.junit.jupiter.api.Test;
import org.segmentlab.reports.ChannelFixture;
import org.segmentlab.reports.ChannelRun;
import org.segmentlab.simulator.metrics.AcquisitionChannel;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/** Lifetime value by acquisition channel: pooled over replications by customers, NaN for a channel that brought nobody. */
class LifetimeValueTableTest {

    @Test
    void channelValuesArePooledByCustomersNotAveragedOverReplications() {
        LifetimeValueTable ltv = LifetimeValueTable.of(ChannelFixture.of());
        for (int s = 0; s < ltv.strategies().size(); s++) {
            assertThat(ltv.channelCustomers(s, ADVERTISING)).isEqualTo(200);
            assertThat(ltv.channelValue(s, ADVERTISING)).as("(100·50 + 300·30) / 400, not (50 + 30) / 2").isCloseTo(35, within(1e-12));
            assertThat(ltv.channelCost(s, ADVERTISING)).as("(100·10 + 300·20) / 400").isCloseTo(17.5, within(1e-12));
            assertThat(ltv.channelNetValue(s, ADVERTISING)).isCloseTo(17.5, within(1e-12));
            assertThat(ltv.channelValue(s, IMITATION)).as("(40·90 + 60·70) / 100").isCloseTo(78, within(1e-12));
            assertThat(ltv.channelNetValue(s, IMITATION)).isCloseTo(68, within(1e-12));
            assertThat(ltv.channelCustomers(s, INITIAL)).isEqualTo(1000);
            assertThat(ltv.channelValue(s, INITIAL)).isCloseTo(210, within(1e-12));
            assertThat(ltv.channelCost(s, INITIAL)).isZero();
        }
    }

    @Test
    void aReplicationWithoutCustomersOfAChannelDoesNotCountAndAnEmptyChannelIsNaN() {
        LifetimeValueTable ltv = LifetimeValueTable.of(ChannelFixture.of());
        assertThat(ltv.channelCustomers(0, REFERRAL)).as("50 in one of two replications").isEqualTo(25);
        assertThat(ltv.channelValue(0, REFERRAL)).isEqualTo(80);
        assertThat(ltv.channelNetValue(0, REFERRAL)).isEqualTo(75);
        assertThat(ltv.channelCustomers(0, WIN_BACK)).isZero();
        assertThat(ltv.channelValue(0, WIN_BACK)).isNaN();
        assertThat(ltv.channelCost(0, WIN_BACK)).isNaN();
        assertThat(ltv.channelNetValue(0, WIN_BACK)).isNaN();
        assertThat(ltv.channels()).containsExactly(AcquisitionChannel.values());
    }

    @Test
    void channelCustomersOfARealRunMatchTheMonthlyAcquisitions() {
        RunResult run = ChannelRun.get();
        MetricsTable table = run.metrics();
        LifetimeValueTable ltv = LifetimeValueTable.of(run);
        for (int s = 0; s < table.strategies().size(); s++) {
            String strategy = table.strategies().get(s);
            for (AcquisitionChannel channel : AcquisitionChannel.values()) {
                if (channel == INITIAL) {
                    continue;
                }
                Metric metric = org.segmentlab.reports.chart.AcquisitionChannelsChart.metric(channel);
                double sum = 0;
                for (int r = 0; r < table.replications(); r++) {
                    for (int t = 1; t <= table.months(); t++) {
                        sum += table.value(strategy, r, metric.key(), t);
                    }
                }
                assertThat(ltv.channelCustomers(s, channel)).as(strategy + " " + channel.label()).isCloseTo(sum / table.replications(), within(1e-9));
                assertThat(ltv.channelValue(s, channel)).as(strategy + " " + channel.label() + " value").isFinite();
                assertThat(ltv.channelCost(s, channel)).as(strategy + " " + channel.label() + " cost").isPositive();
            }
            assertThat(ltv.channelCustomers(s, INITIAL)).isEqualTo(3000);
        }
    }
}
