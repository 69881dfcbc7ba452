package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.segmentlab.cli.SegmentLabCommand;

/**
 * The work and heap limit at the command line: growth toward the potential is refused by {@code validate} and
 * {@code run} with exit 2 and nothing written, and the figure a refusal names really runs in that heap.
 */
class HeapLimitTest {
    private static final Path FOUR_TYPES = Path.of("..", "scenarios", "four-types.yaml");
    private static final String[] GROWS_TO_TWO_BILLION = {
        "--set", "market.initialCustomers=0", "--set", "market.potential=2000000000"};
    private static final Pattern SUGGESTED = Pattern.compile("at most market\\.potential=(\\d+) fits");

    private static String[] args(String verb, String file, String[] sets, String... more) {
        List<String> all = new ArrayList<>(List.of(verb, file));
        all.addAll(List.of(sets));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void validateReportsAPopulationThatCannotFitWithExit2() {
        // validate used to say OK, and the run died mid-way with an OutOfMemoryError.
        Run r = Run.of(args("validate", FOUR_TYPES.toString(), GROWS_TO_TWO_BILLION));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).doesNotContain("OK");
        assertThat(r.err()).startsWith(FOUR_TYPES + ": market.potential: the population can grow from 0 to ")
                .containsPattern(SUGGESTED.pattern()).contains("JAVA_OPTS=-Xmx").doesNotContain("Exception");
    }

    @Test
    void runRefusesGrowthTowardThePotentialAndWritesNothing(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report");
        Run r = Run.of(args("run", FOUR_TYPES.toString(), GROWS_TO_TWO_BILLION, "--out", out.toString()));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("market.potential: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    /**
     * In a real JVM with a small heap under each collector a user may pick: everyone in a 5-million market arrives in
     * month 1, which 160 MiB cannot hold; the figure the refusal names then runs. G1 used to fail it now and then: its
     * 1.04 MiB columns took two 1 MiB regions each, which the estimate did not count.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default", "-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseSerialGC"})
    void theFigureTheRefusalNamesRunsInThatHeap(String collector, @TempDir Path dir) throws Exception {
        String[] sets = {"--set", "market.initialCustomers=0", "--set", "market.innovation=1", "--set", "months=2",
            "--set", "events=[]"};
        Forked refused = fork(collector, args("run", FOUR_TYPES.toString(), sets, "--set", "market.potential=5000000",
                "--quiet", "--out", dir.resolve("refused").toString()));
        assertThat(refused.exit).as(refused.err).isEqualTo(2);
        assertThat(refused.err).startsWith("market.potential: ").contains("JAVA_OPTS=-Xmx");
        assertThat(dir.resolve("refused")).doesNotExist();
        Matcher m = SUGGESTED.matcher(refused.err);
        assertThat(m.find()).as(refused.err).isTrue();
        long suggested = Long.parseLong(m.group(1));
        assertThat(suggested).isBetween(50_000L, 5_000_000L);

        Forked ran = fork(collector, args("run", FOUR_TYPES.toString(), sets, "--set", "market.potential=" + suggested,
                "--quiet", "--out", dir.resolve("ran").toString()));
        assertThat(ran.exit).as(ran.err).isZero();
        assertThat(dir.resolve("ran").resolve("metrics.csv")).isNotEmptyFile();
    }

    private record Forked(int exit, String err) {
    }

    /** {@code segmentlab ARGS} in a new JVM with -Xmx160m, {@code collector} and this test's class path. */
    private static Forked fork(String collector, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-Djava.awt.headless=true"));
        if (!collector.equals("default")) {
            command.add(collector);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SegmentLabCommand.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        // generous: a loaded 2-core CI box is four times slower than a developer machine
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("forked segmentlab finished").isTrue();
        return new Forked(p.exitValue(), err);
    }
}
