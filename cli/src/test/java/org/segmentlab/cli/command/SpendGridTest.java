package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.segmentlab.reports.calibration.SpendChart;
import org.segmentlab.reports.calibration.SpendDistribution;
import org.segmentlab.simulator.calibrate.PurchaseHistory;
import org.segmentlab.simulator.calibrate.TransactionLogReader;
import org.segmentlab.simulator.calibrate.fit.CustomerSummaries;
import org.segmentlab.simulator.calibrate.fit.TimeUnit;

/** The Gamma-Gamma density of the spend chart is computed over the chart's whole x axis, not short of the last bars. */
class SpendGridTest {

    @Test
    void theDensityReachesTheRightEndOfTheSpendChartsAxis() throws IOException {
        PurchaseHistory.Builder builder = PurchaseHistory.builder();
        TransactionLogReader.cdnow().read(TestFiles.cdnowSample(), builder);
        PurchaseHistory history = builder.build();
        CustomerSummaries summaries = CustomerSummaries.of(history, LocalDate.of(1997, 9, 30), LocalDate.of(1998, 6, 30), TimeUnit.WEEKS);
        SpendDistribution spend = CalibrationFits.of(history, summaries, "USD").spend();
        double[] sorted = spend.observedMeanSpend().clone();
        Arrays.sort(sorted);
        double axisHigh = SpendChart.axisHigh(sorted);
        double[] grid = spend.gridSpend();
        assertThat(grid[grid.length - 1]).as("the curve's last point against the axis' right end").isGreaterThanOrEqualTo(axisHigh);
        // as fine as before near the mode: at least 100 points over the axis
        assertThat(Arrays.stream(grid).filter(g -> g <= axisHigh).count()).isGreaterThanOrEqualTo(100);
    }
}
