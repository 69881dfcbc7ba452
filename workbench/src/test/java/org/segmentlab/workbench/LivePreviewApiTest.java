package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live answers over HTTP: a run of a scenario larger than the preview sample answers first with a preview (a sample,
 * scaled, its charts marked), then with snapshots of the months simulated so far, then the whole run; a small one
 * runs at once; a new run stops the old one's preview too.
 */
class LivePreviewApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Workbench server;

    @BeforeAll
    static void start() {
        server = Workbench.start(new WorkbenchSettings("127.0.0.1", 0, 200_000, 1, 2, 5_000, "test-version"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpClient browser() {
        return ApiCalls.browser();
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return ApiCalls.get(client, server, path);
    }

    private static JsonNode run(HttpClient client, Map<String, String> overrides) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shipped", "four-types");
        body.put("overrides", overrides);
        HttpResponse<String> started = ApiCalls.post(client, server, "/api/run", JSON.writeValueAsString(body));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return JSON.readTree(started.body());
    }

    @Test
    void aLargeScenarioAnswersWithAPreviewThenItsMonthsThenTheWholeRun() throws Exception {
        HttpClient client = browser();
        // the shipped four-types (100,000 customers) for 24 months; two replications so a snapshot also counts them
        JsonNode started = run(client, Map.of("replications", "2", "months", "24"));
        String run = started.get("run").asText();
        assertThat(started.get("preview").asText()).isEqualTo(run + "-preview");

        JsonNode preview = null;
        List<JsonNode> partials = new ArrayList<>();
        JsonNode status;
        long end = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            status = JSON.readTree(get(client, "/api/status?run=" + run).body());
            if (preview == null && status.path("preview").path("state").asText().equals("DONE")) {
                preview = status.get("preview").get("result");
            }
            JsonNode partial = status.get("partial");
            if (partial != null && !partial.isNull()
                    && (partials.isEmpty() || partials.get(partials.size() - 1).get("version").asInt() != partial.get("version").asInt())) {
                partials.add(partial);
                // a snapshot's charts are there while it is the latest: fetched at once
                HttpResponse<String> chart = get(client, partial.get("charts").get(0).get("url").asText());
                if (chart.statusCode() == 200) {
                    assertThat(chart.headers().firstValue("Cache-Control").orElse("")).isEqualTo("no-store");
                    assertThat(chart.body()).contains("<svg", "in progress: ");
                }
            }
            String state = status.get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                break;
            }
            assertThat(System.nanoTime()).as("the run ends within 4 minutes").isLessThan(end);
            Thread.sleep(20);
        }
        assertThat(status.get("state").asText()).isEqualTo("DONE");
        // once done, only the whole run is answered
        assertThat(status.get("preview").isNull()).isTrue();
        assertThat(status.get("partial").isNull()).isTrue();

        // the preview: the scenario's size and months, one replication of a 5,000-customer sample, charts that say so
        assertThat(preview).as("the preview was answered before the run ended").isNotNull();
        assertThat(preview.get("customers").asInt()).isEqualTo(100_000);
        assertThat(preview.get("sampleCustomers").asInt()).isEqualTo(5_000);
        assertThat(preview.get("months").asInt()).isEqualTo(24);
        assertThat(preview.get("replications").asInt()).isEqualTo(1);
        HttpResponse<String> previewChart = get(client, preview.get("charts").get(0).get("url").asText());
        assertThat(previewChart.statusCode()).isEqualTo(200);
        assertThat(previewChart.body()).contains("preview: a 5,000-customer sample scaled up");
        // scaled to the full market: its cumulative profit is of the full run's order, not the sample's (1/20 of it)
        double previewProfit = figure(preview, "textbook", "cumulativeProfit");
        double finalProfit = figure(status.get("result"), "textbook", "cumulativeProfit");
        assertThat(previewProfit / finalProfit).isBetween(0.8, 1.25);

        // snapshots: numbered in order, months growing during the first replication, then the replications counted
        assertThat(partials).as("snapshots while the run went on").isNotEmpty();
        int lastMonth = 0;
        for (int i = 0; i < partials.size(); i++) {
            JsonNode p = partials.get(i);
            if (i > 0) {
                assertThat(p.get("version").asInt()).isGreaterThan(partials.get(i - 1).get("version").asInt());
            }
            int months = p.get("monthsDone").asInt();
            int replications = p.get("replicationsDone").asInt();
            assertThat(replications).isLessThan(2);
            if (replications == 0) {
                assertThat(months).isBetween(lastMonth, 23);
                lastMonth = months;
            } else {
                assertThat(months).isEqualTo(24);
            }
            assertThat(p.get("customers").asInt()).isEqualTo(100_000);
            assertThat(p.get("sampleCustomers").asInt()).isEqualTo(100_000);
        }
        assertThat(status.get("result").get("replications").asInt()).isEqualTo(2);
    }

    /** A key figure's value. */
    private static double figure(JsonNode result, String strategy, String figure) {
        for (JsonNode row : result.get("figures").get("rows")) {
            if (row.get("strategy").asText().equals(strategy)) {
                for (JsonNode cell : row.get("cells")) {
                    if (cell.get("figure").asText().equals(figure)) {
                        return cell.get("value").asDouble();
                    }
                }
            }
        }
        throw new AssertionError("no " + figure + " for " + strategy + " in " + result.get("figures"));
    }

    @Test
    void aScenarioNoLargerThanTheSampleRunsWithoutAPreview() throws Exception {
        HttpClient client = browser();
        JsonNode started = run(client, Map.of("market.initialCustomers", "4000", "months", "12"));
        assertThat(started.get("preview").isNull()).isTrue();
        JsonNode status = JSON.readTree(get(client, "/api/status?run=" + started.get("run").asText()).body());
        assertThat(status.get("preview").isNull()).isTrue();
    }

    @Test
    void aNewRunStopsTheOldRunAndItsPreviewAndAnotherSessionCannotReadThem() throws Exception {
        HttpClient client = browser();
        JsonNode first = run(client, Map.of("months", "48"));
        JsonNode second = run(client, Map.of("months", "12", "market.initialCustomers", "3000"));
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String previewState;
        String firstState;
        do {
            JsonNode old = JSON.readTree(get(client, "/api/status?run=" + first.get("run").asText()).body());
            firstState = old.get("state").asText();
            previewState = JSON.readTree(get(client, "/api/status?run=" + first.get("preview").asText()).body())
                    .get("state").asText();
            Thread.sleep(20);
        } while ((firstState.equals("RUNNING") || previewState.equals("RUNNING")) && System.nanoTime() < end);
        assertThat(firstState).isEqualTo("CANCELLED");
        assertThat(previewState).isIn("CANCELLED", "DONE");
        assertThat(second.get("run").asText()).isNotEqualTo(first.get("run").asText());
        // another browser session sees neither the run nor its preview
        HttpClient other = browser();
        get(other, "/api/scenarios");
        assertThat(get(other, "/api/status?run=" + first.get("preview").asText()).statusCode()).isEqualTo(404);
        assertThat(get(other, "/api/runs/" + first.get("preview").asText() + "/charts/0").statusCode()).isEqualTo(404);
    }
}
