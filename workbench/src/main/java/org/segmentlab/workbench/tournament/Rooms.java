package org.segmentlab.workbench.tournament;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.ScenarioException;

/**
 * The rooms of this server, the teams' and facilitators' secrets, and the worker that runs closed rounds: one
 * thread with a bounded queue ({@link #QUEUED_ROUNDS}), so rounds never run on a request thread and a burst of
 * closes cannot pile up work.
 */
public final class Rooms implements AutoCloseable {

    static final int MAX_ROOMS = 10;
    static final int QUEUED_ROUNDS = 4;
    /** Join codes: no 0/O, 1/I/L, so a code read off a projector is typed right. */
    private static final String CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 6;

    private final int maxCustomers;
    private final int engineThreads;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Room> byCode = new LinkedHashMap<>();
    private final Map<String, Team> teamsByToken = new LinkedHashMap<>();
    private final Map<String, Room> roomsByToken = new LinkedHashMap<>();
    private final ThreadPoolExecutor worker;

    public Rooms(int maxCustomers, int engineThreads) {
        this.maxCustomers = maxCustomers;
        this.engineThreads = engineThreads;
        AtomicInteger n = new AtomicInteger();
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED_ROUNDS), task -> {
            Thread t = new Thread(task, "segmentlab-tournament-round-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens a room on a parsed scenario.
     *
     * @throws org.segmentlab.workbench.RequestException for bad settings; TournamentException (429) when full
     */
    public synchronized Room open(String title, ScenarioDocument document, RoomSettings.Request request) {
        if (byCode.size() >= MAX_ROOMS) {
            throw new TournamentException(429, "this server holds at most " + MAX_ROOMS + " rooms; restart it for more");
        }
        Scenario scenario;
        RoomSettings settings;
        try {
            Scenario given = document.scenario();
            settings = RoomSettings.of(request, given, maxCustomers);
            double ratio = (double) given.market().potential() / Math.max(1, given.market().initialCustomers());
            scenario = document.with("market.initialCustomers", Integer.toString(settings.customers()))
                    .with("market.potential", Long.toString(Math.max(settings.customers(), Math.round(settings.customers() * ratio))))
                    .with("replications", Integer.toString(settings.replications()))
                    .scenario();
        } catch (ScenarioException e) {
            throw BadRequest.at("scenario", e.getMessage());
        }
        String code;
        do {
            code = code();
        } while (byCode.containsKey(code));
        Room room = new Room(code, secret(), title, scenario, settings, segmentCustomers(scenario));
        byCode.put(code, room);
        roomsByToken.put(room.facilitatorSecret(), room);
        return room;
    }

    public synchronized Optional<Room> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    /** The room whose facilitator holds this secret. */
    synchronized Optional<Room> facilitating(String secret) {
        return secret == null ? Optional.empty() : Optional.ofNullable(roomsByToken.get(secret));
    }

    /** The team whose browser holds this token, and its room. */
    synchronized Optional<Map.Entry<Room, Team>> team(String token) {
        Team team = token == null ? null : teamsByToken.get(token);
        if (team == null) {
            return Optional.empty();
        }
        Room room = byCode.values().stream().filter(r -> r.team(team.id()).filter(t -> t == team).isPresent())
                .findFirst().orElseThrow();
        return Optional.of(Map.entry(room, team));
    }

    /** A new team in {@code room}, with its session token. */
    synchronized Team join(Room room, String name) {
        Team team = room.join(name, secret());
        teamsByToken.put(team.token(), team);
        return team;
    }

    /** Whether some room has this join code (the access gate admits its holders). */
    synchronized boolean isCode(String code) {
        return byCode(code).isPresent();
    }

    /**
     * Closes the room's round and queues its run. @throws TournamentException (409) in the wrong state, (429) when
     * the worker's queue is full
     */
    void close(Room room) {
        RoundPlan plan = room.close();
        try {
            worker.execute(() -> play(room, plan));
        } catch (RejectedExecutionException e) {
            room.failed("the server is running other rounds; close the round again in a minute");
            throw new TournamentException(429, "the server is running " + QUEUED_ROUNDS
                    + " other rounds; close the round again in a minute");
        }
    }

    private void play(Room room, RoundPlan plan) {
        try {
            RunResult result = Simulator.run(plan.scenario(), plan.phases(), RunOptions.threads(engineThreads));
            MetricsTable table = result.metrics();
            Map<String, String> names = room.names();
            Leaderboard board = Leaderboard.of(table, room.settings().objective(), plan.fromMonth(), names);
            Debrief debrief = Debrief.of(table, plan.fromMonth(), board);
            int round = room.round();
            room.revealed(new RoundResult(round, room.startOf(round), plan.fromMonth(), table.months(), board, debrief,
                    plan.played(), names));
        } catch (RuntimeException | OutOfMemoryError e) {
            room.failed("the round's run failed: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        }
    }

    /** Each segment's customers at month 0, from a one-month baseline run (for the teams' projected spend). */
    private static Map<String, Long> segmentCustomers(Scenario scenario) {
        Scenario oneMonth = new Scenario(scenario.name(), scenario.description(), scenario.seed(), 1, 1,
                scenario.market(), scenario.economics(), scenario.behaviour(), scenario.archetypes(), scenario.taxonomy(),
                scenario.truth(), scenario.treatments(), List.of(scenario.strategies().get(0)), List.of(),
                scenario.initialPopulation(), scenario.promotions(), scenario.observation(), scenario.mechanismsOff());
        MetricsTable table = Simulator.run(oneMonth, RunOptions.threads(1)).metrics();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String segment : scenario.taxonomy().segmentNames()) {
            counts.put(segment, Math.round(table.value(table.strategies().get(0), 0, Metric.segmentKey(segment), 0)));
        }
        return counts;
    }

    private String code() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            b.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        return b.toString();
    }

    private String secret() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
