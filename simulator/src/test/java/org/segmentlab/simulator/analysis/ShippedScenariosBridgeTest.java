package org.segmentlab.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * Issue 15, "what must show": on every shipped scenario (at 3 000 initial customers, the potential scaled alike, two
 * replications) and every non-baseline strategy, the bridge's components add up to the cumulative profit difference
 * within 1e-6 relative, in each replication and in the mean.
 */
class ShippedScenariosBridgeTest {

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(BridgeRuns.SHIPPED)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
            assertThat(names).as("shipped scenarios").hasSizeGreaterThanOrEqualTo(9);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void componentsAddUpToTheProfitDifference(String file) {
        MetricsTable table = BridgeRuns.run(BridgeRuns.reduced(file, 3_000, 2));
        assertThat(table.strategies()).as("%s compares strategies", file).hasSizeGreaterThan(1);
        String baseline = table.strategies().get(0);
        List<BridgeRow> rows = ProfitBridge.of(table);
        assertThat(rows).hasSize((table.strategies().size() - 1) * BridgeComponent.values().length);
        for (String strategy : table.strategies().subList(1, table.strategies().size())) {
            double[][] values = ProfitBridge.perReplication(table, strategy);
            double[] baseProfit = table.finalValues(baseline, "profit_cumulative");
            double[] profit = table.finalValues(strategy, "profit_cumulative");
            for (int r = 0; r < table.replications(); r++) {
                double total = values[BridgeComponent.TOTAL.ordinal()][r];
                assertThat(total).as("%s %s: total = the profit difference", file, strategy)
                        .isEqualTo(profit[r] - baseProfit[r]);
                double sum = 0;
                for (BridgeComponent c : BridgeComponent.values()) {
                    if (c.isPart()) {
                        sum += values[c.ordinal()][r];
                    }
                }
                assertThat(sum).as("%s %s replication %d: components against the total", file, strategy, r)
                        .isCloseTo(total, within(1e-6 * Math.abs(total)));
            }
            // The rows are the paired intervals of those values, and their means add up too.
            double meanSum = 0;
            MeanInterval total = null;
            for (BridgeRow row : rows.stream().filter(x -> x.strategy().equals(strategy)).toList()) {
                assertThat(row.value()).isEqualTo(MeanInterval.of(values[row.component().ordinal()]));
                if (row.component().isPart()) {
                    meanSum += row.value().mean();
                } else {
                    total = row.value();
                }
            }
            assertThat(total).isNotNull();
            assertThat(meanSum).as("%s %s: mean components against the mean total", file, strategy)
                    .isCloseTo(total.mean(), within(1e-6 * Math.abs(total.mean())));
        }
    }
}
