package org.segmentlab.simulator.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.simulator.scenario.ScenarioDocument;

/**
 * A sweep table's fingerprint: what it records, that it names each kind of difference, and that {@link Sweep#resume}
 * refuses a table whose fingerprint differs (or is missing) and leaves it byte for byte as it was.
 */
class SweepFingerprintTest {

    private static final List<Factor> IMITATION = List.of(Factor.parse("market.imitation=0.1,0.3"));

    private static ScenarioDocument small() {
        return Fixtures.sweep10k().with("market.initialCustomers", "300");
    }

    private static Sweep grid(ScenarioDocument doc) {
        return Sweep.of(doc, Design.grid(IMITATION)).threads(1).toolVersion("1.0").finalMonthOnly();
    }

    @Test
    void theFingerprintLivesBesideTheTableAndRecordsWhatMakesTheRows(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("s.csv");
        grid(small()).overrides(Map.of("market.initialCustomers", "300")).run(csv);
        Path sidecar = dir.resolve("s.fingerprint.json");
        assertThat(SweepFingerprint.sidecarOf(csv)).isEqualTo(sidecar);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("s.csv", "s.fingerprint.json");
        String json = Files.readString(sidecar);
        assertThat(json).contains("\"tool\" : \"1.0\"", "\"seed\" : 42", "\"months\" : 2", "\"rows\" : \"last month only\"",
                "\"kind\" : \"grid\"", "\"market.imitation=0.1,0.3\"", "\"market.initialCustomers\" : \"300\"",
                "\"grossMargin\" : 0.35");
        // The table stays a plain CSV: the header first, no comment lines.
        assertThat(Files.readAllLines(csv).get(0)).startsWith("point,market.imitation,strategy,");
    }

    @Test
    void eachDifferenceIsNamedWithBothValues() {
        SweepFingerprint table = grid(small()).overrides(Map.of("market.initialCustomers", "300")).fingerprint();
        assertThat(grid(small()).overrides(Map.of("market.initialCustomers", "300")).fingerprint().differences(table)).isEmpty();

        assertThat(grid(small().with("seed", "43")).overrides(Map.of("market.initialCustomers", "300")).fingerprint()
                .differences(table)).containsExactly("seed: table 42, now 43");
        assertThat(grid(small().with("market.initialCustomers", "400")).overrides(Map.of("market.initialCustomers", "400"))
                .fingerprint().differences(table)).containsExactly(
                        "override market.initialCustomers: table 300, now 400",
                        "scenario: resolved content differs at market.initialCustomers: table 300, now 400");
        ScenarioDocument shares = small().with("archetypes[1].share", "0.25").with("archetypes[2].share", "0.4");
        assertThat(grid(shares).overrides(Map.of("market.initialCustomers", "300")).fingerprint().differences(table))
                .containsExactly("scenario: resolved content differs at archetypes[1].share: table 0.35, now 0.25",
                        "scenario: resolved content differs at archetypes[2].share: table 0.3, now 0.4");
        assertThat(Sweep.of(small(), Design.grid(List.of(Factor.parse("market.imitation=0.1,0.2")))).threads(1).toolVersion("1.0")
                .finalMonthOnly().overrides(Map.of("market.initialCustomers", "300")).fingerprint().differences(table))
                .containsExactly("design factor market.imitation: table 0.1,0.3, now 0.1,0.2");
        assertThat(Sweep.of(small(), Design.list(IMITATION)).threads(1).toolVersion("1.0").finalMonthOnly()
                .overrides(Map.of("market.initialCustomers", "300")).fingerprint().differences(table))
                .containsExactly("design: table grid, now list");
        assertThat(grid(small()).replications(2).overrides(Map.of("market.initialCustomers", "300")).fingerprint()
                .differences(table)).containsExactly("replications: table 1, now 2");
        assertThat(Sweep.of(small(), Design.grid(IMITATION)).threads(1).toolVersion("1.0")
                .overrides(Map.of("market.initialCustomers", "300")).fingerprint().differences(table))
                .containsExactly("rows: table last month only, now every month");
        assertThat(grid(small()).toolVersion("1.1").overrides(Map.of("market.initialCustomers", "300")).fingerprint()
                .differences(table)).containsExactly("tool version: table 1.0, now 1.1");
        // Every point replaces the base value of a varied path: overriding it changes no row.
        assertThat(grid(small().with("market.imitation", "0.33"))
                .overrides(Map.of("market.initialCustomers", "300", "market.imitation", "0.33")).fingerprint()
                .differences(table)).isEmpty();
        // The threads do not change the rows, so they are not in the fingerprint.
        assertThat(grid(small()).threads(2).overrides(Map.of("market.initialCustomers", "300")).fingerprint()
                .differences(table)).isEmpty();
    }

    @Test
    void promotionsObservationAndTheBehaviourResponsesAreComparedValueByValue() {
        SweepFingerprint table = grid(small().with("promotions", "{every: 3, discount: 0.2}")).fingerprint();
        assertThat(grid(small().with("promotions", "{every: 3, discount: 0.2}")).fingerprint().differences(table)).isEmpty();
        assertThat(grid(small().with("promotions", "{every: 2, discount: 0.2}")).fingerprint().differences(table))
                .containsExactly("scenario: resolved content differs at promotions.every: table 3, now 2");
        assertThat(grid(small()).fingerprint().differences(table))
                .containsExactly("scenario: resolved content differs at promotions: table (a mapping of 4 keys), now []");
        assertThat(grid(small().with("promotions", "{every: 3, discount: 0.2}").with("observation.voiceRate", "0.5"))
                .fingerprint().differences(table))
                .containsExactly("scenario: resolved content differs at observation.voiceRate: table 1, now 0.5");
        assertThat(grid(small().with("promotions", "{every: 3, discount: 0.2}").with("behaviour.dealTraining", "0.1"))
                .fingerprint().differences(table))
                .containsExactly("scenario: resolved content differs at behaviour.dealTraining: table 0, now 0.1");
        SweepFingerprint list = grid(small().with("promotions", "[{month: 11, discount: 0.3}]")).fingerprint();
        assertThat(grid(small().with("promotions", "[{month: 11, discount: 0.35}]")).fingerprint().differences(list))
                .containsExactly("scenario: resolved content differs at promotions[0].discount: table 0.3, now 0.35");
    }

    @Test
    void aLatinHypercubeRecordsItsSeedAndPointsButNotGridLevels() {
        List<Factor> range = List.of(Factor.parse("market.imitation=0.1..0.4"));
        SweepFingerprint table = Sweep.of(small(), Design.latinHypercube(range, 8, 42)).fingerprint();
        assertThat(Sweep.of(small(), Design.latinHypercube(range, 8, 7)).fingerprint().differences(table))
                .containsExactly("design seed: table 42, now 7");
        assertThat(Sweep.of(small(), Design.latinHypercube(range, 9, 42)).fingerprint().differences(table))
                .containsExactly("design points: table 8, now 9");
        // Grid levels do not move a hypercube's points; whole-number bounds (integers only) do.
        assertThat(Sweep.of(small(), Design.latinHypercube(List.of(Factor.parse("market.imitation=0.1..0.4:9")), 8, 42))
                .fingerprint().differences(table)).isEmpty();
        List<Factor> ints = List.of(Factor.parse("thresholds.loyal.frequency.min=2..12"));
        List<Factor> reals = List.of(Factor.parse("thresholds.loyal.frequency.min=2.0..12.0"));
        assertThat(Sweep.of(small(), Design.latinHypercube(reals, 8, 42)).fingerprint()
                .differences(Sweep.of(small(), Design.latinHypercube(ints, 8, 42)).fingerprint()))
                .containsExactly("design factor thresholds.loyal.frequency.min: table 2..12, now 2.0..12.0");
    }

    @Test
    void aChangedSeedOnAGridIsRefusedAndTheTableIsLeftByteForByte(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("s.csv");
        grid(small()).run(csv);
        byte[] whole = Files.readAllBytes(csv);
        // A kill after the first point: the second is still to run.
        String text = new String(whole, StandardCharsets.UTF_8);
        byte[] cut = text.substring(0, text.indexOf("\n1,") + 1).getBytes(StandardCharsets.UTF_8);
        Files.write(csv, cut);
        byte[] fingerprint = Files.readAllBytes(SweepFingerprint.sidecarOf(csv));

        assertThatThrownBy(() -> grid(small().with("seed", "43")).resume(csv)).isInstanceOf(SweepResumeException.class)
                .hasMessageContaining("written by another sweep").hasMessageContaining("seed: table 42, now 43");
        assertThat(Files.readAllBytes(csv)).isEqualTo(cut);
        assertThat(Files.readAllBytes(SweepFingerprint.sidecarOf(csv))).isEqualTo(fingerprint);

        // The same sweep continues to the table an uninterrupted one writes.
        SweepOutcome resumed = grid(small()).resume(csv);
        assertThat(resumed.resumed()).isEqualTo(1);
        assertThat(Files.readAllBytes(csv)).isEqualTo(whole);
    }

    @Test
    void aTableWithoutAFingerprintIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("s.csv");
        grid(small()).run(csv);
        Files.delete(SweepFingerprint.sidecarOf(csv));
        byte[] before = Files.readAllBytes(csv);
        assertThatThrownBy(() -> grid(small()).resume(csv)).isInstanceOf(SweepResumeException.class)
                .hasMessageContaining("has no fingerprint").hasMessageContaining("s.fingerprint.json")
                .hasMessageContaining("another folder");
        assertThat(Files.readAllBytes(csv)).isEqualTo(before);
    }

    @Test
    void aDamagedFingerprintIsRefusedWithItsLocation(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("s.csv");
        grid(small()).run(csv);
        Files.writeString(SweepFingerprint.sidecarOf(csv), "{\n  \"format\": 1,\n  oops\n}\n");
        byte[] before = Files.readAllBytes(csv);
        assertThatThrownBy(() -> grid(small()).resume(csv)).isInstanceOf(SweepResumeException.class)
                .hasMessageContaining("s.fingerprint.json:3:").hasMessageContaining("not a sweep fingerprint");
        Files.writeString(SweepFingerprint.sidecarOf(csv), "[1, 2]\n");
        assertThatThrownBy(() -> grid(small()).resume(csv)).isInstanceOf(SweepResumeException.class)
                .hasMessageContaining("not a sweep fingerprint");
        assertThat(Files.readAllBytes(csv)).isEqualTo(before);
    }
}
