package org.segmentlab.workbench.tournament;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A team of a room: a display name, an internal id (its strategy's name in the runs, so no team name can collide
 * with the baseline's), the secret token of its browser session, and its entries by round. Guarded by its room.
 */
final class Team {

    private final String id;
    private final String name;
    private final String token;
    private final TreeMap<Integer, TeamEntry> entries = new TreeMap<>();

    Team(String id, String name, String token) {
        this.id = id;
        this.name = name;
        this.token = token;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String token() {
        return token;
    }

    void submit(int round, TeamEntry entry) {
        entries.put(round, entry);
    }

    boolean submitted(int round) {
        return entries.containsKey(round);
    }

    /** The entry a round plays: the one submitted for it, else the latest before it (a team keeps its plan). */
    Optional<TeamEntry> playing(int round) {
        Map.Entry<Integer, TeamEntry> e = entries.floorEntry(round);
        return e == null ? Optional.empty() : Optional.of(e.getValue());
    }

    Optional<TeamEntry> submittedFor(int round) {
        return Optional.ofNullable(entries.get(round));
    }
}
