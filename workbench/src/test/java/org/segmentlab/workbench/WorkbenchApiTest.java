package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON API over real HTTP: validation, limits, traversal, sessions, cancellation and the bundle. */
class WorkbenchApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Workbench server;

    @BeforeAll
    static void start() {
        server = Workbench.start(new WorkbenchSettings("127.0.0.1", 0, 200_000, 2, 2, 5_000, "test-version"));
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

    private static HttpResponse<String> post(HttpClient client, String path, String body) throws IOException, InterruptedException {
        return ApiCalls.post(client, server, path, body);
    }

    private static String runBody(String shipped, Map<String, String> overrides) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shipped", shipped);
        body.put("overrides", overrides);
        return JSON.writeValueAsString(body);
    }

    private static Map<String, String> small() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("market.initialCustomers", "3000");
        o.put("months", "12");
        return o;
    }

    /** Polls until the run leaves QUEUED/RUNNING; returns its last status. */
    private static JsonNode await(HttpClient client, String run) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            JsonNode status = JSON.readTree(get(client, "/api/status?run=" + run).body());
            String state = status.get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + run + " did not finish in 60 s");
    }

    @Test
    void listsTheShippedScenarios() throws Exception {
        JsonNode body = JSON.readTree(get(browser(), "/api/scenarios").body());
        List<String> names = new ArrayList<>();
        body.get("scenarios").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).contains("four-types", "discount-trap", "vampires");
        assertThat(body.get("default").asText()).isEqualTo("four-types");
    }

    @Test
    void formHasAGridCellPerSegmentAndStrategyAndTheLevers() throws Exception {
        JsonNode form = JSON.readTree(post(browser(), "/api/form", "{\"shipped\":\"four-types\"}").body());
        assertThat(form.get("segments")).hasSize(4);
        assertThat(form.get("strategies")).hasSize(2);
        assertThat(form.get("strategies").get(1).get("treatments").get("loyal").asText()).isEqualTo("loyalty-perks");
        List<String> paths = new ArrayList<>();
        form.get("levers").forEach(s -> paths.add(s.get("path").asText()));
        assertThat(paths).contains("market.initialCustomers", "months", "market.innovation", "market.imitation",
                "treatments.price-campaign.discount", "treatments.price-campaign.leakage", "strategies[1].budget",
                "thresholds.loyal.frequency.min");
    }

    @Test
    void aRunFinishesWithKeyFiguresChartsAndABundle() throws Exception {
        HttpClient client = browser();
        Map<String, String> o = small();
        o.put("strategies[1].treatments.negative", "terminate");
        HttpResponse<String> started = post(client, "/api/run", runBody("four-types", o));
        assertThat(started.statusCode()).isEqualTo(202);
        String run = JSON.readTree(started.body()).get("run").asText();
        JsonNode status = await(client, run);
        assertThat(status.get("state").asText()).isEqualTo("DONE");
        JsonNode result = status.get("result");
        assertThat(result.get("customers").asInt()).isEqualTo(3000);
        assertThat(result.get("months").asInt()).isEqualTo(12);
        assertThat(result.get("figures").get("rows")).hasSize(2);
        assertThat(result.get("figures").get("rows").get(1).get("cells").get(0).get("differenceText").asText()).endsWith("pp");

        // the profit bridge of the compared strategy is on the page, beside the differences
        List<String> differenceCaptions = new ArrayList<>();
        result.get("charts").forEach(c -> {
            if (c.get("group").asText().equals("differences")) {
                differenceCaptions.add(c.get("caption").asText());
            }
        });
        assertThat(differenceCaptions).anyMatch(c -> c.startsWith("Profit bridge of \u201ctextbook\u201d against \u201cbaseline\u201d"));
        String chartUrl = result.get("charts").get(0).get("url").asText();
        HttpResponse<String> chart = get(client, chartUrl);
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(chart.body()).contains("<svg");
        // the page's charts say which run made them: version, seed and every changed value (the population too)
        assertThat(chart.body()).contains("Source: SegmentLab test-version", "(seed 42, ", "modified: market.initialCustomers=3000",
                "months=12", "strategies[1].treatments.negative=terminate");

        HttpResponse<byte[]> zip = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/bundle?run=" + run)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        String summary = null;
        String resolved = null;
        String retentionSvg = null;
        String bridge = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.add(e.getName().substring(e.getName().indexOf('/') + 1));
                if (e.getName().endsWith("summary.json")) {
                    summary = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } else if (e.getName().endsWith("charts/retention.svg")) {
                    retentionSvg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } else if (e.getName().endsWith("/bridge.csv")) {
                    bridge = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } else if (e.getName().endsWith("scenario.resolved.yaml")) {
                    resolved = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(entries).contains("report.html", "metrics.csv", "summary.json", "scenario.resolved.yaml",
                "charts/retention.svg", "charts/retention.png", "bridge.csv", "charts/bridge-textbook.png");
        assertThat(bridge).startsWith("strategy,component,mean,low,high\ntextbook,retention,").contains("\ntextbook,total,");
        assertThat(JSON.readTree(summary).get("seed").asLong()).isEqualTo(42);
        assertThat(JSON.readTree(summary).get("version").asText()).isEqualTo("test-version");
        assertThat(resolved).contains("initialCustomers: 3000").contains("negative: terminate");
        // the zipped report names the page's changes like `segmentlab run --set` would, the scaled potential included
        List<String> overrides = new ArrayList<>();
        JSON.readTree(summary).at("/source/overrides").forEach(n -> overrides.add(n.asText()));
        assertThat(overrides).startsWith("market.initialCustomers=3000", "months=12", "strategies[1].treatments.negative=terminate")
                .anyMatch(v -> v.startsWith("market.potential="));
        assertThat(retentionSvg).contains("strategies[1].treatments.negative=terminate", "market.initialCustomers=3000");
    }

    @Test
    void aBadValueComesBackAtItsField() throws Exception {
        Map<String, String> o = small();
        o.put("market.innovation", "5");
        o.put("strategies[1].treatments.loyal", "free-lunch");
        HttpResponse<String> response = post(browser(), "/api/run", runBody("four-types", o));
        assertThat(response.statusCode()).isEqualTo(400);
        Map<String, String> byField = new LinkedHashMap<>();
        JSON.readTree(response.body()).get("problems").forEach(p -> byField.put(p.get("field").asText(), p.get("message").asText()));
        assertThat(byField).containsKeys("market.innovation", "strategies[1].treatments.loyal");
        assertThat(byField.get("market.innovation")).contains("1");
        assertThat(byField.get("strategies[1].treatments.loyal")).contains("free-lunch");
    }

    @Test
    void aBadUploadIsLocatedInTheFile() throws Exception {
        String yaml = "name: x\nmarket: {potential: 100, initialCustomers: 10}\narchetypes: []\nstrategies: []\nmonths: many\n";
        HttpResponse<String> response = post(browser(), "/api/form", JSON.writeValueAsString(Map.of("yaml", yaml)));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problems = JSON.readTree(response.body()).get("problems");
        assertThat(problems).isNotEmpty();
        boolean months = false;
        for (JsonNode p : problems) {
            assertThat(p.get("field").asText()).isEqualTo("upload");
            if (p.get("path").asText().equals("months")) {
                months = true;
                assertThat(p.get("line").asInt()).isEqualTo(5);
            }
        }
        assertThat(months).isTrue();
    }

    /** A calibrated scenario names its customers file; an upload must not make the server read a path. */
    @Test
    void anUploadCannotNameAFileOnTheServer() throws Exception {
        String yaml = String.join("\n", "name: calibrated", "market: {potential: 10, initialCustomers: 10}",
                "archetypes: [{name: a, share: 1, purchaseRate: 1, spend: 10}]",
                "strategies: [{name: s, treatments: {default: none}}]",
                "initialPopulation: {file: /etc/passwd}", "");
        HttpResponse<String> response = post(browser(), "/api/form", JSON.writeValueAsString(Map.of("yaml", yaml)));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body()).get("problems").get(0);
        assertThat(problem.get("field").asText()).isEqualTo("upload");
        assertThat(problem.get("path").asText()).isEqualTo("initialPopulation.file");
        assertThat(problem.get("line").asInt()).isEqualTo(5);
        assertThat(problem.get("message").asText())
                .isEqualTo("files can only be named by a scenario read from a file on this machine");
    }

    @Test
    void anUnknownShippedNameIsRefusedAndNoPathIsRead() throws Exception {
        HttpResponse<String> response = post(browser(), "/api/form", "{\"shipped\":\"../pom\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"scenario\"").contains("no shipped scenario is called '../pom'");
    }

    @Test
    void theBodyLimitIsEnforcedWith413() throws Exception {
        String big = "{\"yaml\":\"" + "#".repeat(Workbench.MAX_BODY_BYTES + 10) + "\"}";
        assertThat(post(browser(), "/api/form", big).statusCode()).isEqualTo(413);
        assertThat(post(browser(), "/api/run", big).statusCode()).isEqualTo(413);
    }

    @Test
    void onlyJsonIsAccepted() throws Exception {
        HttpResponse<String> response = browser().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/run"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(runBody("four-types", small()))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("application/json");
        assertThat(post(browser(), "/api/run", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void thePopulationCapIsRefusedWithAMessage() throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("market.initialCustomers", "200001");
        HttpResponse<String> response = post(browser(), "/api/run", runBody("four-types", o));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body()).get("problems").get(0);
        assertThat(problem.get("field").asText()).isEqualTo("market.initialCustomers");
        assertThat(problem.get("message").asText()).contains("at most 200000 customers");
    }

    @Test
    void growthTowardThePotentialCountsAsWorkAndTheRunIsRefused() throws Exception {
        // No customers at month 0, but everyone in the potential arrives in month 1 and is walked every month after.
        Map<String, String> o = new LinkedHashMap<>();
        o.put("market.initialCustomers", "0");
        o.put("market.potential", "2000000");
        o.put("market.innovation", "1");
        o.put("months", "1200");
        o.put("replications", "10000");
        HttpClient client = browser();
        HttpResponse<String> response = post(client, "/api/run", runBody("four-types", o));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body()).get("problems").get(0);
        assertThat(problem.get("field").asText()).isEqualTo("replications");
        assertThat(problem.get("message").asText()).contains("too large for the workbench")
                .contains("from 0 to 2000000 customers").contains("months").contains("market.potential");
        // and nothing was queued: this session has no run
        assertThat(get(client, "/api/status").statusCode()).isEqualTo(404);
    }

    @Test
    void pageAndAssetsAreServedAndNothingElse() throws Exception {
        HttpClient client = browser();
        HttpResponse<String> page = get(client, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("SegmentLab");
        assertThat(page.headers().firstValue("Set-Cookie").orElse("")).startsWith(Workbench.SESSION_COOKIE + "=");
        assertThat(get(client, "/assets/app.js").statusCode()).isEqualTo(200);
        assertThat(get(client, "/assets/style.css").statusCode()).isEqualTo(200);
        assertThat(get(client, "/assets/index.html").statusCode()).isEqualTo(404);
    }

    /** Raw requests, so neither the client nor a URI class normalises the path before the server sees it. */
    @ParameterizedTest
    @ValueSource(strings = {
        "/../pom.xml", "/assets/../../pom.xml", "/assets/..%2F..%2Fpom.xml", "/assets/%2e%2e/%2e%2e/pom.xml",
        "/assets/..%5c..%5cpom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/assets/%252e%252e/pom.xml",
        "/org/segmentlab/workbench/scenarios.list", "/static/app.js", "/assets/../static/index.html",
        "/api/runs/../../etc/passwd/charts/0",
    })
    void traversalIsRefused(String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            // Jetty refuses a path that climbs above the root as a bad request (400) before any handler sees it;
            // everything else that is not one of the page's files is 404. Either way nothing is read.
            assertThat(response).matches("(?s)HTTP/1.1 (404|400) .*");
            assertThat(response).doesNotContain("<artifactId>").doesNotContain("root:");
        }
    }

    @Test
    void aNewRunFromTheSameSessionCancelsTheRunningOne() throws Exception {
        HttpClient client = browser();
        Map<String, String> big = new LinkedHashMap<>();
        big.put("market.initialCustomers", "200000");
        big.put("months", "24");
        String first = JSON.readTree(post(client, "/api/run", runBody("four-types", big)).body()).get("run").asText();
        // Wait until it is really simulating, then start another.
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!JSON.readTree(get(client, "/api/status?run=" + first).body()).get("state").asText().equals("RUNNING")) {
            assertThat(System.nanoTime()).isLessThan(end);
            Thread.sleep(20);
        }
        String second = JSON.readTree(post(client, "/api/run", runBody("four-types", small())).body()).get("run").asText();
        JsonNode firstStatus = await(client, first);
        assertThat(firstStatus.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(firstStatus.get("done").asLong()).isLessThan(firstStatus.get("total").asLong());
        assertThat(await(client, second).get("state").asText()).isEqualTo("DONE");
        assertThat(JSON.readTree(get(client, "/api/status").body()).get("run").asText()).isEqualTo(second);
    }

    @Test
    void explicitCancelStopsTheRun() throws Exception {
        HttpClient client = browser();
        Map<String, String> big = new LinkedHashMap<>();
        big.put("market.initialCustomers", "200000");
        big.put("months", "24");
        String run = JSON.readTree(post(client, "/api/run", runBody("four-types", big)).body()).get("run").asText();
        assertThat(post(client, "/api/cancel", "").statusCode()).isEqualTo(204);
        assertThat(await(client, run).get("state").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void sessionsDoNotSeeEachOthersRuns() throws Exception {
        HttpClient alice = browser();
        HttpClient bob = browser();
        get(alice, "/");
        get(bob, "/");
        String aliceRun = JSON.readTree(post(alice, "/api/run", runBody("four-types", small())).body()).get("run").asText();
        assertThat(get(bob, "/api/status").statusCode()).isEqualTo(404);
        assertThat(get(bob, "/api/status?run=" + aliceRun).statusCode()).isEqualTo(404);
        assertThat(await(alice, aliceRun).get("state").asText()).isEqualTo("DONE");
        assertThat(get(bob, "/api/runs/" + aliceRun + "/charts/0").statusCode()).isEqualTo(404);
        assertThat(get(bob, "/api/bundle?run=" + aliceRun).statusCode()).isEqualTo(404);
        // Bob's own run does not cancel Alice's.
        Map<String, String> other = small();
        other.put("months", "13");
        HttpResponse<String> bobStarted = post(bob, "/api/run", runBody("four-types", other));
        assertThat(bobStarted.statusCode()).as(bobStarted.body()).isEqualTo(202);
        String bobRun = JSON.readTree(bobStarted.body()).get("run").asText();
        assertThat(await(bob, bobRun).get("result").get("months").asInt()).isEqualTo(13);
        JsonNode aliceStatus = JSON.readTree(get(alice, "/api/status").body());
        assertThat(aliceStatus.get("run").asText()).isEqualTo(aliceRun);
        assertThat(aliceStatus.get("result").get("months").asInt()).isEqualTo(12);
    }
}
