package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of bad scenarios: each {@code bad/NAME.yaml} has one kind of mistake (its name and first comment say
 * which) and {@code bad/NAME.expected} lists, exactly and in order, the problems the loader must report, as
 * {@code line:column: path: message}. One file, one case: adding a case is adding two files.
 */
class BadScenarioCatalogueTest {

    /** The issue asks for at least this many cases. */
    private static final int MINIMUM_CASES = 40;

    static Stream<Path> badScenarios() {
        return TestScenarios.yamlFiles(TestScenarios.BAD).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badScenarios")
    void reportsExactlyTheExpectedProblems(Path file) throws Exception {
        Path expectedFile = Path.of(file.toString().replaceAll("\\.yaml$", ".expected"));
        assertThat(expectedFile).as("every bad scenario has its .expected").exists();
        List<String> expected = Files.readAllLines(expectedFile).stream().filter(l -> !l.isBlank()).collect(Collectors.toList());

        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.load(file).scenario());

        assertThat(e.problems()).extracting(LocatedProblem::withoutSource).containsExactlyElementsOf(expected);
        assertThat(e.problems()).allSatisfy(p -> {
            assertThat(p.source()).isEqualTo(file.toString());
            assertThat(p.line()).as("every problem in a file is located").isPositive();
            assertThat(p.column()).isPositive();
        });
        assertThat(e.getMessage()).startsWith(file + ":");
    }

    @Test
    void theCatalogueIsLargeEnough() {
        assertThat(badScenarios().count()).isGreaterThanOrEqualTo(MINIMUM_CASES);
    }

    @Test
    void everyExpectationHasItsScenario() throws Exception {
        try (Stream<Path> files = Files.list(TestScenarios.BAD)) {
            assertThat(files.filter(p -> p.toString().endsWith(".expected")))
                    .allSatisfy(p -> assertThat(Path.of(p.toString().replaceAll("\\.expected$", ".yaml"))).exists());
        }
    }
}
