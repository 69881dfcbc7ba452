package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or odd input is refused quickly, with a located message, through the YAML parser's own limits. */
class YamlSafetyTest {

    /**
     * How long a refusal may take. These inputs would take hours or exhaust memory if the parser expanded them;
     * refused, the slowest (8.6 s for the overlong text, building it included) ran in under 10 s on the loaded 2-core
     * box, so a minute holds on a machine four times slower and still tells a refusal from an expansion.
     */
    private static final Duration REFUSAL_DEADLINE = Duration.ofSeconds(60);


    private static final String VALID = TestScenarios.read(TestScenarios.GOOD.resolve("minimal.yaml"));

    private static ScenarioException refused(String yaml) {
        return assertThrows(ScenarioException.class, () -> Scenarios.parse(yaml, "t.yaml").scenario());
    }

    @Test
    void anAliasIsNeverReadAsItsName() {
        ScenarioException e = refused(VALID.replace("name: minimal", "name: &n minimal\ndescription: *n"));
        assertThat(e.problems()).extracting(LocatedProblem::withoutSource)
                .containsExactly("4:14: description: YAML aliases are not supported (*n); write the value out in full");
    }

    @Test
    void mergeKeysAreAliasesToo() {
        String yaml = VALID + "economics: &e {currency: USD}\nbehaviour:\n  <<: *e\n";
        assertThat(refused(yaml).getMessage()).contains("YAML aliases are not supported (*e)");
    }

    @Test
    void aBillionLaughsBombIsRefusedQuicklyWithAShortReport() {
        StringBuilder bomb = new StringBuilder("name: bomb\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 12; level++) {
            bomb.append('l').append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < 10; i++) {
                bomb.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            bomb.append("]\n");
        }
        ScenarioException e = assertTimeoutPreemptively(REFUSAL_DEADLINE, () -> refused(bomb.toString()));
        assertThat(e.problems()).hasSize(Problems.MAX_REPORTED + 1);
        assertThat(e.problems().get(Problems.MAX_REPORTED).message()).matches("… and \\d+ more problems not shown");
    }

    @Test
    void deepNestingIsStoppedByTheParser() {
        String deep = "name: deep\ndescription: " + "[ ".repeat(100_000) + "] ".repeat(100_000) + "\n";
        ScenarioException e = assertTimeoutPreemptively(REFUSAL_DEADLINE, () -> refused(deep));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("the YAML nests deeper than " + YamlReader.MAX_NESTING_DEPTH + " levels");
        });
    }

    @Test
    void overlongTextIsStoppedByTheParser() {
        String huge = "name: huge\ndescription: " + "x ".repeat(YamlReader.MAX_CODE_POINTS / 2) + "\n";
        ScenarioException e = assertTimeoutPreemptively(REFUSAL_DEADLINE, () -> refused(huge));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("the text is longer than " + YamlReader.MAX_CODE_POINTS + " characters; a scenario must be shorter"));
    }

    @Test
    void aValueTooLongForTheParserIsRefusedBeforeParsing() {
        String word = "name: word\ndescription: " + "x".repeat(YamlReader.MAX_RUN + 1) + "\n";
        ScenarioException e = assertTimeoutPreemptively(REFUSAL_DEADLINE, () -> refused(word));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(14);
            assertThat(p.message()).startsWith("more than " + YamlReader.MAX_RUN + " characters without a space");
        });
    }

    @Test
    void customTagsAreRefused() {
        assertThat(refused(VALID.replace("name: minimal", "name: !shell minimal")).getMessage())
                .contains("t.yaml:3:7: name: YAML tags are not supported, got '!shell'");
        // The core tags are plain YAML and fine.
        assertThat(Scenarios.parse(VALID.replace("name: minimal", "name: !!str 2024"), "t").scenario().name()).isEqualTo("2024");
    }

    @Test
    void byteOrderMarkAndWindowsLineEndingsAreFine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bom.yaml");
        Files.write(file, ("\uFEFF" + VALID.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        assertThat(Scenarios.load(file).scenario().name()).isEqualTo("minimal");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.load(file).with("months", "0").with("seed", "x").scenario());
        assertThat(e.problems()).hasSize(2);
        Path bad = dir.resolve("crlf.yaml");
        Files.writeString(bad, VALID.replace("\n", "\r\n").replace("share: 1", "share: 2"));
        assertThat(assertThrows(ScenarioException.class, () -> Scenarios.load(bad).scenario()).problems())
                .extracting(LocatedProblem::withoutSource).contains("6:25: archetypes[0].share: must be between 0 and 1, got 2");
    }

    @Test
    void aMissingFileIsAProblemOfThatFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.load(missing));
        assertThat(e.getMessage()).isEqualTo(missing + ": no such file");
        assertThat(e.problems().get(0).line()).isZero();
    }

    @Test
    void aFolderIsNotAScenario(@TempDir Path dir) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.load(dir));
        assertThat(e.getMessage()).isEqualTo(dir + ": is a folder, not a scenario file");
    }

    @Test
    void emptyTextIsEmpty() {
        assertThat(assertThrows(ScenarioException.class, () -> Scenarios.parse("", "e.yaml")).getMessage())
                .isEqualTo("e.yaml:1:1: the file is empty; a scenario needs at least name, market, archetypes and strategies");
        assertThat(assertThrows(ScenarioException.class, () -> Scenarios.parse("---\n...\n", "e.yaml")).getMessage())
                .contains("the file is empty");
    }

    @Test
    void locatedProblemsPrintLikeACompiler() {
        assertThat(new LocatedProblem("x.yaml", 14, 9, "archetypes[1].churn.beta", "must be > 0, got -1"))
                .hasToString("x.yaml:14:9: archetypes[1].churn.beta: must be > 0, got -1");
        assertThat(new LocatedProblem("x.yaml", 2, 1, "", "YAML syntax error: oops")).hasToString("x.yaml:2:1: YAML syntax error: oops");
        assertThat(new LocatedProblem("x.yaml", 0, 0, "", "no such file")).hasToString("x.yaml: no such file");
        assertThrows(IllegalArgumentException.class, () -> new LocatedProblem("x", -1, 0, "", "m"));
    }
}
