package org.segmentlab.workbench.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.workbench.tournament.TournamentApiTest.browser;
import static org.segmentlab.workbench.tournament.TournamentApiTest.get;
import static org.segmentlab.workbench.tournament.TournamentApiTest.post;

import java.net.http.HttpClient;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segmentlab.workbench.Workbench;
import org.segmentlab.workbench.WorkbenchSettings;

/**
 * A server bound beyond loopback ({@code --host 0.0.0.0}; the test talks to it on 127.0.0.1 only): nothing without
 * the access code, a room's code or a session issued for one.
 */
class ClassroomAccessTest {

    private static Workbench server;
    private static Room room;

    @BeforeAll
    static void start() {
        server = Workbench.start(new WorkbenchSettings("0.0.0.0", 0, 100_000, 1, 2, 5_000, "test-version"));
        room = server.tournament().openRoom("four-types", null, null, new RoomSettings.Request(null, null, 1, 500, 2, null));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void withoutACodeThePageAndTheApiAreRefused() throws Exception {
        HttpClient c = browser();
        assertThat(get(c, server.port(), "/api/scenarios").statusCode()).isEqualTo(401);
        assertThat(post(c, server.port(), "/api/form", Map.of("shipped", "four-types")).statusCode()).isEqualTo(401);
        var page = get(c, server.port(), "/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).startsWith("/access");
        assertThat(get(c, server.port(), "/access").statusCode()).isEqualTo(200);
        var wrong = post(c, server.port(), "/api/access", Map.of("code", "WRONGCODE"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(get(c, server.port(), "/api/scenarios").statusCode()).isEqualTo(401);
    }

    @Test
    void thePrintedAccessCodeOpensTheWorkbench() throws Exception {
        HttpClient c = browser();
        String code = server.tournament().gate().accessCode().orElseThrow();
        assertThat(post(c, server.port(), "/api/access", Map.of("code", code.toLowerCase(java.util.Locale.ROOT))).statusCode()).isEqualTo(204);
        assertThat(get(c, server.port(), "/api/scenarios").statusCode()).isEqualTo(200);
        assertThat(get(c, server.port(), "/").statusCode()).isEqualTo(200);
    }

    @Test
    void aRoomsCodeLetsATeamJoinAndPlay() throws Exception {
        HttpClient c = browser();
        assertThat(get(c, server.port(), "/tournament").statusCode()).isEqualTo(200);
        assertThat(post(c, server.port(), "/api/tournament/join", Map.of("code", room.code(), "team", "Front row")).statusCode())
                .isEqualTo(201);
        assertThat(get(c, server.port(), "/api/tournament/state").statusCode()).isEqualTo(200);
    }

    @Test
    void onLoopbackNoCodeIsAsked() {
        assertThat(new AccessGate(true).required()).isFalse();
        assertThat(new AccessGate(true).accessCode()).isEmpty();
        assertThat(server.tournament().gate().required()).isTrue();
    }
}
