package org.segmentlab.simulator.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * Every shipped scenario is a workshop lesson (docs/workshop.md): it loads, has the shape of a workshop scenario
 * (a stated question, a baseline and at least one alternative, a default size of 20 000–100 000 customers over
 * 24–36 months), and at a small size — a few thousand customers, at the scenario's own seed — its lesson holds.
 */
class WorkshopLessonsTest {

    /** Initial customers in the test runs; market potential, budgets and fixed costs scale with it. */
    static final int TEST_CUSTOMERS = 4000;

    static Stream<Path> shipped() {
        return WorkshopRun.shippedFiles().stream();
    }

    @Test
    void everyShippedScenarioHasALessonAndEveryLessonAScenario() {
        assertThat(WorkshopRun.shippedFiles()).extracting(p -> p.getFileName().toString())
                .as("scenarios/*.yaml: each needs a lesson in WorkshopLessons.FILES (and docs/workshop.md)")
                .containsExactlyInAnyOrderElementsOf(WorkshopLessons.BY_FILE.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void isAWorkshopScenario(Path file) throws IOException {
        Scenario s = Scenarios.load(file).scenario();
        String first = Files.readAllLines(file).get(0);
        assertThat(first).isEqualTo("# yaml-language-server: $schema=schema/scenario.schema.json");
        assertThat(s.description()).as("the description states the question").isNotBlank();
        assertThat(s.strategies()).as("a baseline and at least one alternative").hasSizeGreaterThanOrEqualTo(2);
        assertThat(s.market().initialCustomers()).as("default size").isBetween(20_000, 100_000);
        assertThat(s.months()).as("default months").isBetween(24, 36);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void teachesItsLesson(Path file) {
        String name = file.getFileName().toString();
        WorkshopLessons.Lesson lesson = WorkshopLessons.BY_FILE.get(name);
        assertThat(lesson).as("%s has no lesson in WorkshopLessons.BY_FILE", name).isNotNull();
        lesson.holds(WorkshopRun.atSize(file, TEST_CUSTOMERS));
    }
}
