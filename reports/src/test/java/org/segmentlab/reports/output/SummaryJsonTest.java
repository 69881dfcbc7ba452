package org.segmentlab.reports.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.segmentlab.reports.ChannelFixture;
import org.segmentlab.reports.Fixtures;
import org.segmentlab.reports.SyntheticRun;
import org.segmentlab.reports.table.PairedDifferences;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.RunResult;

class SummaryJsonTest {

    private static JsonNode json(ReportInput input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryJson.write(input, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void holdsTheKeyFiguresDifferencesAndReplayData() throws Exception {
        RunResult run = SyntheticRun.of(3, 4, 12, 23);
        JsonNode root = json(new ReportInput(run, "desc", "name: x\n", "0.1.0-TEST"));
        assertThat(root.get("scenario").asText()).isEqualTo(run.scenarioName());
        assertThat(root.get("seed").asLong()).isEqualTo(23);
        assertThat(root.get("version").asText()).isEqualTo("0.1.0-TEST");
        assertThat(root.get("baseline").asText()).isEqualTo("baseline");
        assertThat(root.get("strategies")).hasSize(3);

        JsonNode textbook = root.get("strategies").get(1);
        assertThat(textbook.get("name").asText()).isEqualTo("textbook");
        double meanProfit = MeanInterval.of(run.metrics().finalValues("textbook", Metric.PROFIT_CUMULATIVE.key())).mean();
        assertThat(textbook.at("/final/cumulativeProfit/mean").asDouble()).isEqualTo(meanProfit);
        double difference = PairedDifferences.of(run.metrics(), "textbook", Metric.RETENTION_INITIAL.key()).mean();
        assertThat(textbook.at("/differenceToBaseline/finalRetention/mean").asDouble()).isCloseTo(difference, within(0.0));
        assertThat(textbook.at("/differenceToBaseline/finalRetention/replications").asInt()).isEqualTo(4);
        assertThat(textbook.at("/classifier/accuracy/mean").asDouble()).isBetween(0.0, 1.0);
        assertThat(root.get("strategies").get(0).has("differenceToBaseline")).isFalse();

        assertThat(root.get("pairedDifferences")).hasSize(2 * 4);
        assertThat(root.get("segmentLifetimeValues")).hasSize(4);
        assertThat(root.at("/segmentLifetimeValues/0/segment").asText()).isEqualTo("loyal");
        assertThat(root.at("/segmentLifetimeValues/0/lifetimeValue/baseline").asDouble()).isEqualTo(900.0);
    }

    @Test
    void writesNullForMissingIntervalsAndLeavesOutClassifierWithoutTruth() throws Exception {
        RunResult run = Fixtures.withoutTruth(SyntheticRun.of(2, 1, 6, 23));
        JsonNode root = json(new ReportInput(run, "", "", "v"));
        JsonNode second = root.get("strategies").get(1);
        assertThat(second.at("/differenceToBaseline/netWom/low").isNull()).isTrue();
        assertThat(second.at("/differenceToBaseline/netWom/mean").isNumber()).isTrue();
        assertThat(second.has("classifier")).isFalse();
    }

    @Test
    void holdsLifetimeValueByChannelPooledOverReplications() throws Exception {
        RunResult run = ChannelFixture.of();
        JsonNode root = json(new ReportInput(run, "", "", "v"));
        JsonNode channels = root.get("lifetimeValueByChannel");
        assertThat(channels).hasSize(5);
        assertThat(channels.findValuesAsText("channel")).containsExactly("initial", "advertising", "imitation", "referral", "win-back");
        JsonNode advertising = channels.get(1);
        assertThat(advertising.at("/customers/textbook").asDouble()).isEqualTo(200.0);
        assertThat(advertising.at("/lifetimeValue/textbook").asDouble()).isEqualTo(35.0);
        assertThat(advertising.at("/acquisitionCost/textbook").asDouble()).isEqualTo(17.5);
        assertThat(advertising.at("/netValue/baseline").asDouble()).isEqualTo(17.5);
        JsonNode winBack = channels.get(4);
        assertThat(winBack.at("/customers/baseline").asDouble()).isZero();
        assertThat(winBack.at("/lifetimeValue/baseline").isNull()).as("no customers: null").isTrue();
        assertThat(winBack.at("/netValue/baseline").isNull()).isTrue();
        // the keys that were there before are unchanged
        assertThat(root.get("segmentLifetimeValues")).hasSize(4);
        assertThat(root.has("pairedDifferences")).isTrue();
    }
}
