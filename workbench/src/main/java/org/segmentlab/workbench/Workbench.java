package org.segmentlab.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;
import io.javalin.config.JettyConfig;
import io.javalin.http.Context;

import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;

import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.workbench.tournament.AccessGate;
import org.segmentlab.workbench.tournament.Rooms;
import org.segmentlab.workbench.tournament.TournamentApi;

/**
 * The workbench server: one page and a small JSON API behind it. Runs are validated on the request thread (so
 * problems come back at once, addressed to their fields) and simulated on {@link RunQueue}'s workers; the page
 * polls {@code /api/status}. A browser session is a random id in a cookie; each session has its own runs.
 *
 * <p>Safety: the request body is limited ({@link #MAX_BODY_BYTES}, answered 413); scenarios come by shipped name
 * from a whitelist or as uploaded text, never as a path; the page's files are served from a fixed list of
 * classpath resources (any other path is 404); runs are capped by {@link RunLimits}. Every request passes
 * {@link RequestGuard} first ({@link HostAllowlist}, {@link OriginCheck}: 403), then {@link WholeBodyHandler} (the
 * body is read without holding a thread, within {@link ServerLimits}); connections are capped and time out.
 *
 * <pre>{@code
 * try (Workbench wb = Workbench.start(WorkbenchSettings.defaults("dev").withAddress("127.0.0.1", 0))) {
 *     System.out.println(wb.url());
 * }
 * }</pre>
 */
public final class Workbench implements AutoCloseable {

    /** A scenario is a few kilobytes; a request body above this is refused with 413. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** Far more than the page has controls; bounds the work of applying them. */
    static final int MAX_OVERRIDES = 1000;
    static final String SESSION_COOKIE = "segmentlab-session";
    static final int MAX_SESSIONS = 200;

    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{32}");
    private static final String SESSION_ATTRIBUTE = "segmentlab.session";
    private static final String STATIC = "static/";
    /** The page's files: the only paths served from resources. */
    private static final Map<String, String> ASSETS = Map.of(
            "app.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8");

    private final WorkbenchSettings settings;
    private final ShippedScenarios shipped;
    private final RunLimits limits;
    private final RunQueue queue;
    private final Sessions sessions = new Sessions(MAX_SESSIONS);
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> assets = new LinkedHashMap<>();
    private final Future<?> warmUp;
    private final TournamentApi tournament;
    private final Javalin app;
    private volatile NetworkConnectionLimit connectionLimit;

    private Workbench(WorkbenchSettings settings, HostAllowlist hosts, ServerLimits serverLimits) {
        this.settings = settings;
        this.shipped = ShippedScenarios.load();
        this.limits = new RunLimits(settings.maxCustomers());
        this.queue = new RunQueue(settings.workers(), settings.engineThreads(), settings.version());
        assets.put("index.html", resource(STATIC + "index.html"));
        for (String name : ASSETS.keySet()) {
            assets.put(name, resource(STATIC + name));
        }
        this.warmUp = queue.warmUp(warmUpScenario(), 3);
        this.tournament = new TournamentApi(new Rooms(settings.maxCustomers(), settings.engineThreads()),
                new AccessGate(hosts.loopbackOnly()), shipped);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            configureServer(cfg.jetty, hosts, serverLimits);
            // The access gate first: beyond loopback nothing else runs for a caller without a code or session.
            tournament.register(cfg.routes);
            cfg.routes.before(this::session);
            cfg.routes.get("/", this::page);
            cfg.routes.get("/assets/{name}", this::asset);
            cfg.routes.get("/api/scenarios", this::scenarios);
            cfg.routes.post("/api/form", this::form);
            cfg.routes.post("/api/run", this::run);
            cfg.routes.get("/api/status", this::status);
            cfg.routes.get("/api/runs/{run}/charts/{chart}", this::chart);
            cfg.routes.get("/api/bundle", this::bundle);
            cfg.routes.post("/api/cancel", this::cancel);
            cfg.routes.exception(RequestException.class, (e, ctx) -> problems(ctx, e.problems()));
        });
    }

    /** Starts a server on the settings' host and port (0: any free port). */
    public static Workbench start(WorkbenchSettings settings) {
        return start(settings, List.of());
    }

    /**
     * Starts a server that also answers to {@code extraHosts} (see {@link HostAllowlist}).
     *
     * @throws IllegalArgumentException when an extra host is not a host name or address
     */
    public static Workbench start(WorkbenchSettings settings, List<String> extraHosts) {
        return start(settings, extraHosts, ServerLimits.DEFAULTS);
    }

    static Workbench start(WorkbenchSettings settings, List<String> extraHosts, ServerLimits serverLimits) {
        HostAllowlist hosts = HostAllowlist.of(settings.host(), extraHosts);
        Workbench workbench = new Workbench(settings, hosts, serverLimits);
        try {
            workbench.app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            workbench.queue.close();
            throw e;
        }
        return workbench;
    }

    /** The port listened on (the chosen one when the settings said 0). */
    public int port() {
        return app.port();
    }

    /** Connections open now (at most {@link ServerLimits#maxConnections()}). */
    int openConnections() {
        NetworkConnectionLimit limit = connectionLimit;
        return limit == null ? 0 : limit.getNetworkConnectionCount();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:7070/}. */
    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port() + "/";
    }

    /**
     * Waits until the start-up run that warms the JIT has finished (the server answers meanwhile; only the first
     * runs are slower). Returns whether it finished in time.
     */
    public boolean awaitWarmUp(Duration timeout) throws InterruptedException {
        try {
            warmUp.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException | CancellationException e) {
            // A failed or cancelled warm-up only means the first runs are slower.
            return true;
        }
    }

    /** Tournament rooms and the access gate (its code is printed at start when the server is reachable by others). */
    public TournamentApi tournament() {
        return tournament;
    }

    @Override
    public void close() {
        tournament.rooms().close();
        sessions.cancelAll();
        warmUp.cancel(true);
        app.stop();
        queue.close();
    }

    /**
     * The Jetty side: one connector with the idle timeout and the connection cap, and the guards in front of
     * Javalin's routes (outermost first: {@link RequestGuard}, then {@link WholeBodyHandler}).
     */
    private void configureServer(JettyConfig jetty, HostAllowlist hosts, ServerLimits serverLimits) {
        jetty.modifyServer(server -> {
            // insertHandler puts each in front of the previous one; Javalin attaches its routes innermost.
            server.insertHandler(new WholeBodyHandler(MAX_BODY_BYTES, serverLimits.bodyDeadline()));
            server.insertHandler(new RequestGuard(hosts));
        });
        jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(settings.host());
            connector.setPort(settings.port());
            connector.setIdleTimeout(serverLimits.idleTimeout().toMillis());
            NetworkConnectionLimit limit = new NetworkConnectionLimit(serverLimits.maxConnections(), connector);
            server.addBean(limit);
            connectionLimit = limit;
            return connector;
        });
    }

    // ---- handlers ---------------------------------------------------------------------------------------------

    /** Every request gets a session: the cookie's id, or a new random one set as a cookie. */
    private void session(Context ctx) {
        String id = ctx.cookie(SESSION_COOKIE);
        if (id == null || !SESSION_ID.matcher(id).matches()) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
            ctx.header("Set-Cookie", SESSION_COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict");
        }
        ctx.attribute(SESSION_ATTRIBUTE, id);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
    }

    private static String sessionOf(Context ctx) {
        return ctx.attribute(SESSION_ATTRIBUTE);
    }

    private void page(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'");
        ctx.contentType("text/html; charset=utf-8").result(assets.get("index.html"));
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("name");
        String type = ASSETS.get(name);
        if (type == null) {
            notFound(ctx);
            return;
        }
        ctx.contentType(type).result(assets.get(name));
    }

    private void scenarios(Context ctx) {
        List<Map<String, String>> list = shipped.names().stream()
                .map(n -> Map.of("name", n, "title", shipped.title(n))).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("default", ShippedScenarios.DEFAULT);
        body.put("scenarios", list);
        body.put("maxCustomers", settings.maxCustomers());
        body.put("previewCustomers", settings.previewCustomers());
        body.put("version", settings.version());
        json(ctx, 200, body);
    }

    private void form(Context ctx) {
        ScenarioRequest request = read(ctx);
        Scenario scenario = new ScenarioRequest(request.shipped(), request.yaml(), Map.of()).base(shipped);
        json(ctx, 200, ScenarioForm.of(scenario, settings));
    }

    private void run(Context ctx) {
        ScenarioRequest request = read(ctx);
        ScenarioRequest.Resolved resolved = request.resolved(shipped);
        Scenario scenario = resolved.scenario();
        limits.check(scenario);
        String session = sessionOf(ctx);
        RunJob job;
        synchronized (sessions) {
            // Cancel first, so the old run frees its worker before the new one queues behind it.
            sessions.cancel(session);
            RunJob.Outcome previous = sessions.lastDone(session).map(RunJob::outcome).orElse(null);
            job = queue.submitWithPreview(newRunId(), scenario, resolved.overrides(),
                    previous == null ? null : previous.result(), settings.previewCustomers());
            sessions.start(session, job);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run", job.id());
        body.put("preview", job.preview() == null ? null : job.preview().id());
        json(ctx, 202, body);
    }

    private void status(Context ctx) {
        Optional<RunJob> job = findRun(ctx, ctx.queryParam("run"));
        if (job.isEmpty()) {
            json(ctx, 404, Map.of("state", "NONE", "message", "no run in this session yet"));
            return;
        }
        json(ctx, 200, RunStatus.of(job.get()));
    }

    /** A chart of a finished run or preview, or of a running run's latest snapshot (never cached). */
    private void chart(Context ctx) {
        Optional<RunJob> job = findRun(ctx, ctx.pathParam("run"));
        RunJob.Outcome outcome = job.map(RunJob::outcome).orElse(null);
        RunJob.Snapshot snapshot = outcome == null ? job.map(RunJob::snapshot).orElse(null) : null;
        List<PageCharts.Drawn> charts = outcome != null ? outcome.charts() : snapshot != null ? snapshot.charts() : List.of();
        int index = parseIndex(ctx.pathParam("chart"));
        if (index < 0 || index >= charts.size()) {
            notFound(ctx);
            return;
        }
        ctx.header("Cache-Control", outcome != null ? "private, max-age=3600" : "no-store");
        ctx.contentType("image/svg+xml; charset=utf-8").result(charts.get(index).svg());
    }

    private void bundle(Context ctx) throws IOException {
        RunJob.Outcome outcome = findRun(ctx, ctx.queryParam("run")).map(RunJob::outcome).orElse(null);
        if (outcome == null) {
            json(ctx, 404, Map.of("message", "no finished run in this session to download"));
            return;
        }
        byte[] zip = ReportBundle.zip(outcome);
        ctx.header("Content-Disposition", "attachment; filename=\"" + ReportBundle.fileName(outcome) + ".zip\"");
        ctx.contentType("application/zip").result(zip);
    }

    private void cancel(Context ctx) {
        sessions.cancel(sessionOf(ctx));
        ctx.status(204);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Optional<RunJob> findRun(Context ctx, String runId) {
        String session = sessionOf(ctx);
        return runId == null ? sessions.current(session) : sessions.run(session, runId);
    }

    private ScenarioRequest read(Context ctx) {
        // JSON only: a page on another site can post text/plain without asking, but not application/json.
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw RequestException.of(FieldProblem.REQUEST, "send the request as application/json");
        }
        // Over MAX_BODY_BYTES, reading the body throws Javalin's 413 response.
        byte[] body = ctx.bodyAsBytes();
        try {
            ScenarioRequest request = json.readValue(body, ScenarioRequest.class);
            if (request == null) {
                throw RequestException.of(FieldProblem.REQUEST, "the request body is empty; send a JSON object");
            }
            if (request.overrides().size() > MAX_OVERRIDES) {
                throw RequestException.of(FieldProblem.REQUEST, "at most " + MAX_OVERRIDES + " changed values per run, got "
                        + request.overrides().size());
            }
            return request;
        } catch (IOException e) {
            throw RequestException.of(FieldProblem.REQUEST, "the request is not the JSON the page sends: "
                    + (e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage()));
        }
    }

    private void problems(Context ctx, List<FieldProblem> problems) {
        json(ctx, 400, Map.of("problems", problems));
    }

    private void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json; charset=utf-8").result(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void notFound(Context ctx) {
        ctx.status(404).contentType("text/plain; charset=utf-8").result("Not found");
    }

    private static int parseIndex(String s) {
        return s.matches("\\d{1,4}") ? Integer.parseInt(s) : -1;
    }

    private String newRunId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A small run of the default scenario at start-up, so the first trainee's run is JIT-compiled already. */
    private Scenario warmUpScenario() {
        Map<String, String> small = new LinkedHashMap<>();
        small.put(ScenarioRequest.INITIAL_CUSTOMERS, "20000");
        small.put("months", "24");
        return new ScenarioRequest(ShippedScenarios.DEFAULT, null, small).resolve(shipped);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Workbench.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath (a build problem)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
