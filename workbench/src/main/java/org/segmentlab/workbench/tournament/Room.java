package org.segmentlab.workbench.tournament;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * One tournament: a scenario, its settings, the teams and their entries, and the rounds played. A round is OPEN
 * (teams submit; re-submitting replaces the entry), RUNNING (closed by the facilitator, on a worker) or REVEALED
 * (results for all; the facilitator opens the next round, continuing or restarting the market). Every method is
 * synchronized: request threads and the round's worker share it.
 */
public final class Room {

    /** A round's state. */
    public enum State { OPEN, RUNNING, REVEALED }

    static final int MAX_TEAMS = 60;
    static final int MAX_NAME = 24;
    static final int MAX_ROUNDS = 10;
    /** Letters, digits, spaces and . _ ' - ; starting with a letter or digit. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._'-]*");

    private final String code;
    private final String facilitatorSecret;
    private final String title;
    private final Scenario base;
    private final Map<String, Long> segmentCustomers;
    private RoomSettings settings;
    private final Map<String, Team> teams = new LinkedHashMap<>();
    private final List<RoundMode> starts = new ArrayList<>(List.of(RoundMode.RESTART));
    private final List<RoundResult> results = new ArrayList<>();
    private State state = State.OPEN;
    private String error;

    /**
     * @param base             the scenario with the room's population and replications
     * @param segmentCustomers segment → its customers at month 0 (for the projected spend)
     */
    Room(String code, String facilitatorSecret, String title, Scenario base, RoomSettings settings,
         Map<String, Long> segmentCustomers) {
        this.code = code;
        this.facilitatorSecret = facilitatorSecret;
        this.title = title;
        this.base = base;
        this.settings = settings;
        this.segmentCustomers = Map.copyOf(segmentCustomers);
    }

    public String code() {
        return code;
    }

    String facilitatorSecret() {
        return facilitatorSecret;
    }

    Scenario base() {
        return base;
    }

    synchronized RoomSettings settings() {
        return settings;
    }

    synchronized int round() {
        return starts.size();
    }

    /** How round {@code round} (1-based) started. */
    synchronized RoundMode startOf(int round) {
        return starts.get(round - 1);
    }

    synchronized State state() {
        return state;
    }

    synchronized List<RoundResult> results() {
        return List.copyOf(results);
    }

    /** @throws org.segmentlab.workbench.RequestException for a bad or taken name; TournamentException when full */
    synchronized Team join(String rawName, String token) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty() || name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
            throw BadRequest.at("team", "a team name is 1 to " + MAX_NAME + " letters, digits, spaces or . _ ' -"
                    + ", starting with a letter or digit");
        }
        for (Team t : teams.values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                throw BadRequest.at("team", "a team called '" + t.name() + "' is already in this room; choose another name");
            }
        }
        if (teams.size() >= MAX_TEAMS) {
            throw new TournamentException(429, "this room is full: at most " + MAX_TEAMS + " teams");
        }
        Team team = new Team("team-" + (teams.size() + 1), name, token);
        teams.put(team.id(), team);
        return team;
    }

    synchronized void submit(Team team, Map<String, String> treatments) {
        if (state != State.OPEN) {
            throw new TournamentException(409, "round " + round() + " is closed; wait for the facilitator to open the next one");
        }
        team.submit(round(), TeamEntry.checked(treatments, segments(), base.treatments()));
    }

    /** Closes the round: what to run. @throws TournamentException when it is not open or nobody has an entry */
    synchronized RoundPlan close() {
        if (state != State.OPEN) {
            throw new TournamentException(409, "round " + round() + " is not open (it is " + state.name().toLowerCase(Locale.ROOT) + ")");
        }
        RoundPlan plan = RoundPlan.of(base, settings, round(), starts, List.copyOf(teams.values()));
        if (plan.played().isEmpty()) {
            throw new TournamentException(409, "no team has submitted an entry yet");
        }
        state = State.RUNNING;
        error = null;
        return plan;
    }

    /** The round's results are in: reveal them. */
    synchronized void revealed(RoundResult result) {
        results.add(result);
        state = State.REVEALED;
    }

    /** The round's run failed: the round is open again, with the reason for the facilitator. */
    synchronized void failed(String message) {
        error = message;
        state = State.OPEN;
    }

    /** Opens the next round, the market continuing or restarting. */
    synchronized void next(RoundMode mode) {
        if (state != State.REVEALED) {
            throw new TournamentException(409, "close round " + round() + " and wait for its results first");
        }
        if (round() >= MAX_ROUNDS) {
            throw new TournamentException(409, "a room plays at most " + MAX_ROUNDS + " rounds; open a new room");
        }
        starts.add(mode);
        settings = settings.withMode(mode);
        state = State.OPEN;
    }

    synchronized Optional<Team> team(String id) {
        return Optional.ofNullable(teams.get(id));
    }

    synchronized List<Team> teams() {
        return List.copyOf(teams.values());
    }

    synchronized Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        teams.values().forEach(t -> names.put(t.id(), t.name()));
        return names;
    }

    List<String> segments() {
        return base.taxonomy().segmentNames();
    }

    /**
     * What a person in the room sees: the room, the round, the teams with "submitted yes/no" only, the revealed
     * rounds, and, for a team, its own entries; for the facilitator also the join code and the last error.
     */
    synchronized Map<String, Object> view(Team viewer, boolean facilitator) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("role", facilitator ? "facilitator" : "team");
        if (facilitator) {
            v.put("code", code);
            v.put("error", error);
        } else {
            v.put("team", Map.of("id", viewer.id(), "name", viewer.name()));
            v.put("entry", viewer.submittedFor(round()).map(TeamEntry::treatments).orElse(null));
            v.put("previous", viewer.playing(round() - 1).map(TeamEntry::treatments).orElse(null));
        }
        v.put("scenario", title);
        v.put("description", base.description());
        v.put("currency", base.economics().currency());
        v.put("objective", Map.of("id", settings.objective().id(), "label", settings.objective().label()));
        v.put("budget", settings.budget());
        v.put("customers", settings.customers());
        v.put("replications", settings.replications());
        v.put("monthsPerRound", settings.monthsPerRound());
        v.put("round", round());
        v.put("start", starts.get(round() - 1).id());
        v.put("state", state.name().toLowerCase(Locale.ROOT));
        v.put("segments", segments().stream().map(s -> Map.of("name", s, "customers", segmentCustomers.getOrDefault(s, 0L))).toList());
        v.put("treatments", treatmentList());
        v.put("baseline", base.strategies().get(0).name());
        v.put("teams", teams.values().stream().map(t -> Map.of("name", t.name(), "submitted", t.submitted(round()))).toList());
        v.put("results", results.stream().map(r -> resultView(r, viewer, facilitator)).toList());
        return v;
    }

    private List<Map<String, Object>> treatmentList() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map.Entry<String, Treatment> e : base.treatments().entrySet()) {
            Treatment t = e.getValue();
            Map<String, Object> parameters = new LinkedHashMap<>();
            Treatment neutral = Treatment.neutral(t.name());
            t.parameters().forEach((p, value) -> {
                if (neutral.get(p) != value) {
                    parameters.put(p.key(), value);
                }
            });
            list.add(Map.of("name", e.getKey(), "cost", t.cost(), "fixedCost", t.fixedCost(), "parameters", parameters));
        }
        return list;
    }

    /** A revealed round; a team sees its own bridge and the top two's, the facilitator every bridge. */
    private static Map<String, Object> resultView(RoundResult r, Team viewer, boolean facilitator) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("round", r.round());
        v.put("start", r.start().id());
        v.put("fromMonth", r.fromMonth());
        v.put("toMonth", r.toMonth());
        v.put("leaderboard", r.leaderboard());
        Map<String, Object> entries = new LinkedHashMap<>();
        r.played().forEach((id, entry) -> entries.put(r.names().get(id), entry.treatments()));
        v.put("entries", entries);
        Map<String, Object> bridges = new LinkedHashMap<>();
        r.debrief().bridges().forEach((id, lines) -> {
            if (facilitator || viewer != null && viewer.id().equals(id)) {
                bridges.put(r.names().get(id), lines);
            }
        });
        v.put("bridges", bridges);
        v.put("topTwo", r.debrief().topTwo());
        v.put("winner", r.names().get(r.debrief().winner()));
        v.put("runnerUp", r.names().get(r.debrief().runnerUp()));
        return v;
    }
}
