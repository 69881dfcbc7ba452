package org.segmentlab.workbench.tournament;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.ScenarioException;
import org.segmentlab.simulator.scenario.Scenarios;
import org.segmentlab.workbench.ShippedScenarios;

/**
 * The tournament's pages and HTTP API (docs/workbench.md, "HTTP API"), and the access gate in front of the whole
 * server. Identity comes only from HttpOnly, SameSite=Strict cookies the server issued: a team's token (set at join),
 * the facilitator's secret (set when the facilitator's URL is opened or a room is opened from the page) and an access
 * session (set when a code is entered); nothing in a request body says who the caller is. Every state-changing
 * tournament request must carry the header {@value #CSRF_HEADER} (a page of another site cannot send it without a
 * CORS preflight, which this server never grants), besides the server-wide Origin check.
 */
public final class TournamentApi {

    static final String TEAM_COOKIE = "segmentlab-team";
    static final String FACILITATOR_COOKIE = "segmentlab-facilitator";
    static final String ACCESS_COOKIE = "segmentlab-access";
    static final String CSRF_HEADER = "X-SegmentLab-Page";
    /** A tournament request is a few hundred bytes; a body above this is refused with 413. */
    static final int MAX_BODY = 16 * 1024;
    private static final String STATIC = "/org/segmentlab/workbench/static/";
    private static final Map<String, String> ASSETS = Map.of(
            "tournament.js", "text/javascript; charset=utf-8",
            "tournament.css", "text/css; charset=utf-8",
            "access.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8");
    /** Reachable without access: what it takes to enter a code or join. */
    private static final Set<String> OPEN_PATHS = Set.of("/access", "/tournament", "/tournament/facilitate",
            "/api/access", "/api/tournament/join", "/api/tournament/state");

    private final Rooms rooms;
    private final AccessGate gate;
    private final ShippedScenarios shipped;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<String, byte[]> assets = new LinkedHashMap<>();
    /** Per client address: every tournament request; joins and code tries; rooms opened. Per team: entries. */
    private final RateLimiter requests = new RateLimiter(300, 10_000_000L, 10_000);
    private final RateLimiter joins = new RateLimiter(40, 2_000_000_000L, 10_000);
    private final RateLimiter opens = new RateLimiter(5, 60_000_000_000L, 10_000);
    private final RateLimiter entries = new RateLimiter(10, 6_000_000_000L, 10_000);

    public TournamentApi(Rooms rooms, AccessGate gate, ShippedScenarios shipped) {
        this.rooms = rooms;
        this.gate = gate;
        this.shipped = shipped;
        for (String name : new String[] {"tournament.html", "access.html", "tournament.js", "tournament.css", "access.js", "style.css"}) {
            assets.put(name, resource(name));
        }
    }

    public Rooms rooms() {
        return rooms;
    }

    public AccessGate gate() {
        return gate;
    }

    /** Registers the gate (first) and the routes. */
    public void register(RoutesConfig routes) {
        routes.before(this::guard);
        routes.get("/access", ctx -> page(ctx, "access.html"));
        routes.get("/tournament", ctx -> page(ctx, "tournament.html"));
        routes.get("/tournament/assets/{name}", this::asset);
        routes.get("/tournament/facilitate", this::facilitate);
        routes.post("/api/access", this::access);
        routes.post("/api/tournament/rooms", this::open);
        routes.post("/api/tournament/join", this::join);
        routes.get("/api/tournament/state", this::state);
        routes.post("/api/tournament/entry", this::entry);
        routes.post("/api/tournament/close", this::close);
        routes.post("/api/tournament/next", this::next);
        routes.get("/api/tournament/export.csv", this::csv);
        routes.get("/api/tournament/report.html", this::report);
        routes.exception(TournamentException.class, (e, ctx) -> message(ctx, e.status(), e.getMessage()));
    }

    /**
     * Opens a room for {@code segmentlab serve --tournament}: a shipped scenario by name, or a scenario file's text.
     * Returns the room; its facilitator's URL path is {@link #facilitatorPath(Room)}.
     */
    public Room openRoom(String shippedName, String yaml, String sourceName, RoomSettings.Request settings) {
        return rooms.open(shippedName != null ? shippedName : sourceName, document(shippedName, yaml, sourceName), settings);
    }

    /** The path that hands the facilitator's secret to a browser once (then an HttpOnly cookie keeps it). */
    public static String facilitatorPath(Room room) {
        return "tournament/facilitate?key=" + room.facilitatorSecret();
    }

    // ---- the gate -----------------------------------------------------------------------------------------------

    private void guard(Context ctx) {
        String path = ctx.path();
        boolean tournament = path.startsWith("/api/tournament") || path.startsWith("/tournament") || path.equals("/api/access")
                || path.equals("/access");
        if (tournament && !requests.tryAcquire(ctx.ip())) {
            throw tooMany(requests, ctx.ip(), "requests");
        }
        if (tournament && !"GET".equals(ctx.method().name()) && ctx.header(CSRF_HEADER) == null) {
            throw new TournamentException(403, "this request must come from the tournament page (header " + CSRF_HEADER + " missing)");
        }
        if (!gate.required() || OPEN_PATHS.contains(path) || path.startsWith("/tournament/assets/")
                || gate.admits(ctx.cookie(ACCESS_COOKIE)) || team(ctx).isPresent() || facilitated(ctx).isPresent()) {
            return;
        }
        if ("GET".equals(ctx.method().name()) && !path.startsWith("/api/")) {
            ctx.redirect("/access?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
            ctx.skipRemainingHandlers();
            return;
        }
        throw new TournamentException(401, "this workbench asks for a code: open /access and enter the access code"
                + " printed when the server started, or a room's join code");
    }

    // ---- handlers -----------------------------------------------------------------------------------------------

    private void access(Context ctx) {
        JsonNode body = body(ctx);
        if (!joins.tryAcquire(ctx.ip())) {
            throw tooMany(joins, ctx.ip(), "code tries");
        }
        String code = text(body, "code");
        if (!gate.isAccessCode(code) && !rooms.isCode(code)) {
            throw BadRequest.at("code", "that is not this workbench's access code nor a room's join code");
        }
        cookie(ctx, ACCESS_COOKIE, gate.issue());
        ctx.status(204);
    }

    private void open(Context ctx) {
        JsonNode body = body(ctx);
        if (!opens.tryAcquire(ctx.ip())) {
            throw tooMany(opens, ctx.ip(), "rooms opened");
        }
        String scenario = text(body, "scenario");
        if (scenario == null || shipped.yaml(scenario).isEmpty()) {
            throw BadRequest.at("scenario", "choose one of: " + String.join(", ", shipped.names()));
        }
        RoomSettings.Request settings;
        try {
            settings = json.treeToValue(body, RoomSettings.Request.class);
        } catch (JsonProcessingException e) {
            throw BadRequest.at("request", "the settings are not what the page sends: " + e.getOriginalMessage());
        }
        Room room = openRoom(scenario, null, null, settings);
        cookie(ctx, FACILITATOR_COOKIE, room.facilitatorSecret());
        json(ctx, 201, Map.of("code", room.code(), "facilitatorPath", "/" + facilitatorPath(room)));
    }

    private void facilitate(Context ctx) {
        Optional<Room> room = rooms.facilitating(ctx.queryParam("key"));
        if (room.isEmpty()) {
            throw new TournamentException(403, "this facilitator link is not valid on this server");
        }
        cookie(ctx, FACILITATOR_COOKIE, room.get().facilitatorSecret());
        // Off the address bar (and the browser's history) at once; the cookie keeps the secret from now on.
        ctx.redirect("/tournament", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void join(Context ctx) {
        JsonNode body = body(ctx);
        if (!joins.tryAcquire(ctx.ip())) {
            throw tooMany(joins, ctx.ip(), "joins");
        }
        Room room = rooms.byCode(text(body, "code"))
                .orElseThrow(() -> BadRequest.at("code", "no room has this code; check it on the projector"));
        Team team = rooms.join(room, text(body, "team"));
        cookie(ctx, TEAM_COOKIE, team.token());
        json(ctx, 201, Map.of("team", team.name(), "room", room.code()));
    }

    private void state(Context ctx) {
        Optional<Room> facilitating = facilitated(ctx);
        if (facilitating.isPresent()) {
            json(ctx, 200, facilitating.get().view(null, true));
            return;
        }
        Map.Entry<Room, Team> team = team(ctx).orElseThrow(() -> new TournamentException(401, "join a room first"));
        json(ctx, 200, team.getKey().view(team.getValue(), false));
    }

    private void entry(Context ctx) {
        JsonNode body = body(ctx);
        Map.Entry<Room, Team> team = team(ctx)
                .orElseThrow(() -> new TournamentException(403, "only a team that joined from this browser can submit"));
        String named = text(body, "team");
        if (named != null && !named.equals(team.getValue().id()) && !named.equals(team.getValue().name())) {
            throw new TournamentException(403, "a team can submit only its own entry");
        }
        if (!entries.tryAcquire(team.getValue().token())) {
            throw tooMany(entries, team.getValue().token(), "entries");
        }
        Map<String, String> treatments = new LinkedHashMap<>();
        JsonNode given = body.get("treatments");
        if (given == null || !given.isObject() || given.size() > 64) {
            throw BadRequest.at("treatments", "send one treatment per segment, e.g. {\"loyal\": \"loyalty-perks\"}");
        }
        given.properties().forEach(e -> treatments.put(e.getKey(), e.getValue().asText()));
        team.getKey().submit(team.getValue(), treatments);
        json(ctx, 200, Map.of("submitted", true, "round", team.getKey().round()));
    }

    private void close(Context ctx) {
        body(ctx);
        Room room = facilitator(ctx);
        rooms.close(room);
        json(ctx, 202, Map.of("round", room.round(), "state", room.state().name().toLowerCase(Locale.ROOT)));
    }

    private void next(Context ctx) {
        JsonNode body = body(ctx);
        Room room = facilitator(ctx);
        RoundMode mode = RoundMode.byId(String.valueOf(text(body, "mode")).toLowerCase(Locale.ROOT));
        if (mode == null) {
            throw BadRequest.at("mode", "continue (each team's market goes on) or restart (from month 0)");
        }
        room.next(mode);
        json(ctx, 200, Map.of("round", room.round()));
    }

    private void csv(Context ctx) {
        Room room = resultsReader(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"tournament-" + room.code() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(TournamentExport.csv(room.results(), room.segments()));
    }

    private void report(Context ctx) {
        Room room = resultsReader(ctx);
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        ctx.contentType("text/html; charset=utf-8").result(TournamentExport.html(room.base().name(), room.settings(),
                room.results(), room.segments()));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The facilitator's room, or 403. */
    private Room facilitator(Context ctx) {
        return facilitated(ctx).orElseThrow(() -> new TournamentException(403,
                "only the facilitator can do this: open the facilitator's link printed when the room was opened"));
    }

    /** The facilitator's room, or a team's room once a round has been revealed; else 403. */
    private Room resultsReader(Context ctx) {
        Optional<Room> room = facilitated(ctx);
        if (room.isPresent()) {
            return room.get();
        }
        Room teamRoom = team(ctx).map(Map.Entry::getKey)
                .orElseThrow(() -> new TournamentException(403, "the results are for the room's facilitator and teams"));
        if (teamRoom.results().isEmpty()) {
            throw new TournamentException(403, "the results can be downloaded after the first round is revealed");
        }
        return teamRoom;
    }

    private Optional<Room> facilitated(Context ctx) {
        return rooms.facilitating(ctx.cookie(FACILITATOR_COOKIE));
    }

    private Optional<Map.Entry<Room, Team>> team(Context ctx) {
        return rooms.team(ctx.cookie(TEAM_COOKIE));
    }

    private JsonNode body(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw BadRequest.at("request", "send the request as application/json");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY) {
            throw new TournamentException(413, "a tournament request is at most " + MAX_BODY + " bytes, got " + bytes.length);
        }
        try {
            JsonNode node = bytes.length == 0 ? null : json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw BadRequest.at("request", "send a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw BadRequest.at("request", "the request is not JSON: "
                    + (e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage()));
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static TournamentException tooMany(RateLimiter limiter, String key, String what) {
        return new TournamentException(429, "too many " + what + " too fast; try again in "
                + limiter.retryAfterSeconds(key) + " s");
    }

    private static void cookie(Context ctx, String name, String value) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict");
    }

    private ScenarioDocument document(String shippedName, String yaml, String sourceName) {
        try {
            if (shippedName != null) {
                String text = shipped.yaml(shippedName).orElseThrow(() -> BadRequest.at("scenario",
                        "no shipped scenario is called '" + shippedName + "'; choose one of: " + String.join(", ", shipped.names())));
                return Scenarios.parse(text, shippedName + ".yaml");
            }
            return Scenarios.parse(yaml, sourceName);
        } catch (ScenarioException e) {
            throw BadRequest.at("scenario", e.getMessage());
        }
    }

    private void page(Context ctx, String name) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'");
        ctx.contentType("text/html; charset=utf-8").result(assets.get(name));
    }

    private void asset(Context ctx) {
        String type = ASSETS.get(ctx.pathParam("name"));
        if (type == null) {
            message(ctx, 404, "not found");
            return;
        }
        ctx.contentType(type).result(assets.get(ctx.pathParam("name")));
    }

    private void message(Context ctx, int status, String message) {
        json(ctx, status, Map.of("message", message));
    }

    private void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = TournamentApi.class.getResourceAsStream(STATIC + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + STATIC + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
