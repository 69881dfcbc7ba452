package org.segmentlab.workbench.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segmentlab.workbench.Workbench;
import org.segmentlab.workbench.WorkbenchSettings;

/** The tournament over real HTTP: who may do what, what is hidden, and the limits. */
class TournamentApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Workbench server;
    private static Room room;

    @BeforeAll
    static void start() {
        server = Workbench.start(new WorkbenchSettings("127.0.0.1", 0, 100_000, 1, 2, 5_000, "test-version"));
        room = server.tournament().openRoom("four-types", null, null,
                new RoomSettings.Request(null, null, 2, 1000, 3, null));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static HttpResponse<String> get(HttpClient client, int port, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST as the page sends it (JSON, the page's header), plus {@code headers} (name, value, …). */
    static HttpResponse<String> post(HttpClient client, int port, String path, Object body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        boolean page = true;
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equals("no-page-header")) {
                page = false;
            } else {
                b.header(headers[i], headers[i + 1]);
            }
        }
        if (page) {
            b.header(TournamentApi.CSRF_HEADER, "1");
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient c, String path) throws IOException, InterruptedException {
        return get(c, server.port(), path);
    }

    private static HttpResponse<String> post(HttpClient c, String path, Object body, String... headers)
            throws IOException, InterruptedException {
        return post(c, server.port(), path, body, headers);
    }

    private static HttpClient joined(String team) throws IOException, InterruptedException {
        HttpClient c = browser();
        HttpResponse<String> r = post(c, "/api/tournament/join", Map.of("code", room.code(), "team", team));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return c;
    }

    private static HttpClient facilitator() throws IOException, InterruptedException {
        HttpClient c = browser();
        HttpResponse<String> r = get(c, "/" + TournamentApi.facilitatorPath(room));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/tournament");
        return c;
    }

    private static Map<String, Object> entry(String treatment) {
        Map<String, String> t = new LinkedHashMap<>();
        for (String s : new String[] {"loyal", "fence-sitter", "price-sensitive", "negative"}) {
            t.put(s, treatment);
        }
        return Map.of("treatments", t);
    }

    @Test
    void aTeamCannotReadAnotherTeamsEntryNorSubmitForIt() throws Exception {
        HttpClient ann = joined("Ann's team");
        HttpClient bob = joined("Bob");
        assertThat(post(ann, "/api/tournament/entry", entry("loyalty-perks")).statusCode()).isEqualTo(200);

        JsonNode seenByBob = JSON.readTree(get(bob, "/api/tournament/state").body());
        assertThat(seenByBob.get("entry").isNull()).isTrue();
        assertThat(seenByBob.get("results")).isEmpty();
        for (JsonNode t : seenByBob.get("teams")) {
            assertThat(t.size()).as("names and submitted only: " + t).isEqualTo(2);
        }
        assertThat(seenByBob.toString()).doesNotContain("\"loyal\":\"loyalty-perks\"");

        // Bob names Ann's team in the body: refused, and Ann's entry is untouched.
        Map<String, Object> forged = new LinkedHashMap<>(entry("terminate"));
        forged.put("team", "team-1");
        assertThat(post(bob, "/api/tournament/entry", forged).statusCode()).isEqualTo(403);
        // A made-up session token is nobody.
        HttpClient stranger = browser();
        String fake = "segmentlab-team=0123456789abcdef0123456789abcdef";
        assertThat(post(stranger, "/api/tournament/entry", entry("terminate"), "Cookie", fake).statusCode()).isEqualTo(403);
        assertThat(get(stranger, "/api/tournament/state").statusCode()).isEqualTo(401);
        JsonNode seenByAnn = JSON.readTree(get(ann, "/api/tournament/state").body());
        assertThat(seenByAnn.get("entry").get("loyal").asText()).isEqualTo("loyalty-perks");
    }

    @Test
    void facilitatorActionsNeedTheFacilitatorsSecret() throws Exception {
        HttpClient team = joined("Carla");
        assertThat(post(team, "/api/tournament/close", Map.of()).statusCode()).isEqualTo(403);
        assertThat(post(team, "/api/tournament/next", Map.of("mode", "restart")).statusCode()).isEqualTo(403);
        assertThat(get(team, "/api/tournament/export.csv").statusCode()).isEqualTo(403);
        assertThat(get(browser(), "/tournament/facilitate?key=00000000000000000000000000000000").statusCode()).isEqualTo(403);
        assertThat(post(browser(), "/api/tournament/close", Map.of(), "Cookie",
                "segmentlab-facilitator=" + "f".repeat(32)).statusCode()).isEqualTo(403);
        JsonNode asFacilitator = JSON.readTree(get(facilitator(), "/api/tournament/state").body());
        assertThat(asFacilitator.get("role").asText()).isEqualTo("facilitator");
        assertThat(asFacilitator.get("code").asText()).isEqualTo(room.code());
    }

    @Test
    void crossOriginAndPagelessPostsAreRefused() throws Exception {
        HttpResponse<String> foreign = post(browser(), "/api/tournament/join", Map.of("code", room.code(), "team", "Evil"),
                "Origin", "http://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> pageless = post(browser(), "/api/tournament/join", Map.of("code", room.code(), "team", "Evil"),
                "no-page-header", "");
        assertThat(pageless.statusCode()).isEqualTo(403);
        assertThat(pageless.body()).contains(TournamentApi.CSRF_HEADER);
        assertThat(room.names()).doesNotContainValue("Evil");
    }

    @Test
    void badNamesAndLargeBodiesAreRefusedWithClearMessages() throws Exception {
        HttpResponse<String> longName = post(browser(), "/api/tournament/join", Map.of("code", room.code(), "team", "x".repeat(25)));
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(longName.body()).get("problems").get(0).get("field").asText()).isEqualTo("team");
        HttpResponse<String> badCode = post(browser(), "/api/tournament/join", Map.of("code", "ZZZZZZ", "team", "Dan"));
        assertThat(badCode.statusCode()).isEqualTo(400);
        assertThat(badCode.body()).contains("no room has this code");
        HttpResponse<String> large = post(browser(), "/api/tournament/join",
                Map.of("code", room.code(), "team", "Eve", "padding", "p".repeat(20_000)));
        assertThat(large.statusCode()).isEqualTo(413);
    }

    @Test
    void submittingTooFastIsAnswered429() throws Exception {
        HttpClient team = joined("Fast");
        int last = 0;
        int accepted = 0;
        for (int i = 0; i < 12 && last != 429; i++) {
            last = post(team, "/api/tournament/entry", entry(i % 2 == 0 ? "none" : "loyalty-perks")).statusCode();
            accepted += last == 200 ? 1 : 0;
        }
        assertThat(last).isEqualTo(429);
        assertThat(accepted).isEqualTo(10);
    }
}
