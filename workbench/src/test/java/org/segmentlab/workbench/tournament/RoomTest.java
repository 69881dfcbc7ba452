package org.segmentlab.workbench.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.scenario.Scenarios;
import org.segmentlab.workbench.RequestException;
import org.segmentlab.workbench.ShippedScenarios;

/** A room's rounds from join to reveal, on the four-types scenario at a classroom-test size. */
class RoomTest {

    private final Rooms rooms = new Rooms(100_000, 2);

    @AfterEach
    void close() {
        rooms.close();
    }

    private Room fourTypes() {
        String yaml = ShippedScenarios.load().yaml("four-types").orElseThrow();
        return rooms.open("four-types", Scenarios.parse(yaml, "four-types.yaml"),
                new RoomSettings.Request(null, null, 3, 1500, 4, null));
    }

    private static Map<String, String> all(String treatment) {
        return Map.of("loyal", treatment, "fence-sitter", treatment, "price-sensitive", treatment, "negative", treatment);
    }

    private static void awaitRevealed(Room room) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (room.state() != Room.State.REVEALED && Instant.now().isBefore(deadline)) {
            assertThat(room.view(null, true).get("error")).isNull();
            Thread.sleep(50);
        }
        assertThat(room.state()).isEqualTo(Room.State.REVEALED);
    }

    @Test
    void threeTeamsPlayARoundThenAContinuedRound() throws InterruptedException {
        Room room = fourTypes();
        Team a = rooms.join(room, "Alpha");
        Team b = rooms.join(room, "Beta");
        Team c = rooms.join(room, "Gamma");
        room.submit(a, all("loyalty-perks"));
        room.submit(b, all("none"));
        room.submit(c, all("price-campaign"));
        room.submit(c, all("unique-offer")); // re-submitting replaces the entry

        // Before the reveal a team sees names and "submitted" only, never another team's entry.
        for (Team viewer : new Team[] {a, b}) {
            Map<String, Object> view = room.view(viewer, false);
            assertThat(view.get("teams")).asInstanceOf(InstanceOfAssertFactories.LIST).allSatisfy(t -> assertThat(((Map<?, ?>) t).keySet()).isEqualTo(java.util.Set.of("name", "submitted")));
            assertThat(view.get("results")).asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
            assertThat(view.values()).doesNotContain(all("unique-offer"), all(viewer == a ? "none" : "loyalty-perks"));
        }
        assertThat(room.view(a, false).get("entry")).isEqualTo(all("loyalty-perks"));

        rooms.close(room);
        assertThatThrownBy(() -> room.submit(a, all("none"))).isInstanceOf(TournamentException.class)
                .hasMessageContaining("closed");
        awaitRevealed(room);
        RoundResult first = room.results().get(0);
        assertThat(first.fromMonth()).isZero();
        assertThat(first.toMonth()).isEqualTo(4);
        assertThat(first.leaderboard().standings()).hasSize(3);
        assertThat(first.played().get(c.id()).treatments()).containsEntry("loyal", "unique-offer");
        assertThat(first.debrief().bridges()).containsOnlyKeys(a.id(), b.id(), c.id());
        assertThat(first.debrief().topTwo()).isNotEmpty();
        // After the reveal the entries are everyone's to see.
        assertThat(room.view(b, false).get("results")).asInstanceOf(InstanceOfAssertFactories.LIST).singleElement()
                .satisfies(r -> assertThat(((Map<?, ?>) r).get("entries")).isEqualTo(Map.of(
                        "Alpha", all("loyalty-perks"), "Beta", all("none"), "Gamma", all("unique-offer"))));

        room.next(RoundMode.CONTINUE);
        room.submit(a, all("none"));
        rooms.close(room);
        awaitRevealed(room);
        RoundResult second = room.results().get(1);
        assertThat(second.start()).isEqualTo(RoundMode.CONTINUE);
        assertThat(second.fromMonth()).isEqualTo(4);
        assertThat(second.toMonth()).isEqualTo(8);
        // Beta played "none" both rounds, like Alpha in round 2: a team keeps its entry when it does not resubmit.
        assertThat(second.played().get(b.id()).treatments()).containsEntry("loyal", "none");
        assertThat(second.played().get(c.id()).treatments()).containsEntry("loyal", "unique-offer");

        room.next(RoundMode.RESTART);
        rooms.close(room);
        awaitRevealed(room);
        assertThat(room.results().get(2).fromMonth()).isZero();
        assertThat(room.results().get(2).toMonth()).isEqualTo(4);
    }

    @Test
    void badNamesAndEntriesAreRefusedAtTheirFields() {
        Room room = fourTypes();
        assertThatThrownBy(() -> rooms.join(room, "x".repeat(25))).isInstanceOf(RequestException.class)
                .hasMessageContaining("1 to 24");
        assertThatThrownBy(() -> rooms.join(room, "<script>")).isInstanceOf(RequestException.class);
        Team a = rooms.join(room, "Alpha");
        assertThatThrownBy(() -> rooms.join(room, "alpha")).isInstanceOf(RequestException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> room.submit(a, Map.of("loyal", "no-such-thing")))
                .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).contains("treatments.loyal", "treatments.negative"));
        assertThatThrownBy(() -> rooms.close(room)).hasMessageContaining("no team has submitted");
    }
}
