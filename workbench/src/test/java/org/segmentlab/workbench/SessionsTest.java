package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.scenario.Scenario;

class SessionsTest {

    private static final Scenario SCENARIO = new ScenarioRequest("four-types", null, Map.of()).resolve(ShippedScenarios.load());

    private static RunJob job(String id) {
        return new RunJob(id, SCENARIO, java.util.List.of(), "0.1.0-TEST", 1); // never submitted: stays QUEUED until cancelled
    }

    @Test
    void aNewRunCancelsTheSessionsPreviousOneOnly() {
        Sessions sessions = new Sessions(10);
        RunJob a1 = job("a1");
        RunJob b1 = job("b1");
        sessions.start("a", a1);
        sessions.start("b", b1);
        RunJob a2 = job("a2");
        sessions.start("a", a2);
        assertThat(a1.state()).isEqualTo(RunJob.State.CANCELLED);
        assertThat(b1.state()).isEqualTo(RunJob.State.QUEUED);
        assertThat(sessions.current("a")).contains(a2);
        assertThat(sessions.run("a", "a1")).contains(a1);
        assertThat(sessions.run("b", "a1")).isEmpty();
        assertThat(sessions.current("c")).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedSessionIsDroppedAndItsRunCancelled() {
        Sessions sessions = new Sessions(2);
        RunJob a = job("a");
        RunJob b = job("b");
        sessions.start("a", a);
        sessions.start("b", b);
        sessions.current("a"); // a is now more recent than b
        sessions.start("c", job("c"));
        assertThat(sessions.size()).isEqualTo(2);
        assertThat(sessions.current("b")).isEmpty();
        assertThat(b.state()).isEqualTo(RunJob.State.CANCELLED);
        assertThat(a.state()).isEqualTo(RunJob.State.QUEUED);
    }

    @Test
    void onlyTheLatestFewRunsAreKept() {
        Sessions sessions = new Sessions(2);
        for (int i = 0; i < Sessions.RUNS_KEPT + 2; i++) {
            sessions.start("a", job("r" + i));
        }
        assertThat(sessions.run("a", "r0")).isEmpty();
        assertThat(sessions.run("a", "r" + (Sessions.RUNS_KEPT + 1))).isPresent();
    }
}
