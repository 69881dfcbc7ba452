package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.segmentlab.cli.SegmentLabCommand;

/** Every verb's {@code --out}: SegmentLab's own folders only, plain refusals with exit 2, ordinary permissions. */
class OutputLocationTest {
    private static final Path FOUR_TYPES = Path.of("..", "scenarios", "four-types.yaml");

    @TempDir
    Path root;
    /** Where the outputs go; the log lives beside it, so that listings show only what a verb wrote. */
    Path dir;
    Path log;

    @BeforeEach
    void folders() {
        dir = root.resolve("work");
        log = TestFiles.excerpt(root, "excerpt.txt");
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The shipped scenario made small. */
    private static List<String> small(String verb, String... more) {
        List<String> args = new ArrayList<>(List.of(verb, FOUR_TYPES.toString(),
                "--set", "market.initialCustomers=1000", "--set", "market.potential=10000", "--set", "events[0].month=2", "--months", "3",
                "--replications", "2", "--threads", "2"));
        args.addAll(List.of(more));
        return args;
    }

    /** Each verb with --out, and whether it writes a folder (else a file). */
    static Stream<Arguments> verbs() {
        BiFunction<Path, Path, List<String>> run = (out, log) -> small("run", "--out", out.toString());
        BiFunction<Path, Path, List<String>> compare = (out, log) -> small("compare", "--out", out.toString());
        BiFunction<Path, Path, List<String>> sweep = (out, log) -> small("sweep", "--vary", "market.imitation=0.1,0.2", "--out", out.toString());
        BiFunction<Path, Path, List<String>> sensitivity = (out, log) -> small("sensitivity", "--threshold", "loyal.frequency.min",
                "--steps", "1", "--out", out.toString());
        BiFunction<Path, Path, List<String>> tune = (out, log) -> small("tune", "--vary", "market.imitation=0.1..0.3", "--objective", "profit",
                "--budget", "2", "--out", out.toString());
        BiFunction<Path, Path, List<String>> calibrate = (out, log) -> List.of("calibrate", log.toString(),
                "--calibration-end", "1997-02-28", "--out", out.toString());
        BiFunction<Path, Path, List<String>> classify = (out, log) -> List.of("classify", log.toString(),
                "--out", out.toString());
        return Stream.of(Arguments.of("run", run, true), Arguments.of("compare", compare, true),
                Arguments.of("sweep", sweep, true), Arguments.of("sensitivity", sensitivity, true),
                Arguments.of("calibrate", calibrate, true), Arguments.of("tune", tune, false),
                Arguments.of("classify", classify, false));
    }

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertPlainRefusal(Run r, String... says) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--out: ").contains(says).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFolderOfTheUsersIsRefusedAndKeepsEveryFile() throws IOException {
        // the reproducer, as written
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("metrics.csv"), "a,b\n");
        Files.writeString(data.resolve("thesis.txt"), "thesis\n");
        Run r = Run.of("run", FOUR_TYPES.toString(), "--out", data.toString());
        assertPlainRefusal(r, "is not empty and is not a SegmentLab report folder", "Choose a new or empty folder");
        assertThat(names(data)).containsExactly("metrics.csv", "thesis.txt");
        assertThat(data.resolve("metrics.csv")).hasContent("a,b");
        assertThat(data.resolve("thesis.txt")).hasContent("thesis");
        assertThat(names(dir)).containsExactly("data");
    }

    @Test
    void aReportOfAnEarlierVersionIsRefusedWithWhatToDo() throws IOException {
        Path old = Files.createDirectories(dir.resolve("old").resolve("charts"));
        for (String file : List.of("report.html", "metrics.csv", "summary.json", "scenario.resolved.yaml", "charts/retention.png")) {
            Files.writeString(dir.resolve("old").resolve(file), "from 0.9");
        }
        Run r = Run.of(small("run", "--out", dir.resolve("old").toString()).toArray(String[]::new));
        assertPlainRefusal(r, "earlier SegmentLab version", "rm -r ");
        assertThat(old.resolve("retention.png")).hasContent("from 0.9");
    }

    @Test
    void aReportIsReplacedAndAKilledRunsLeftoversAreCleanedUp() throws Exception {
        Path report = dir.resolve("report");
        assertThat(Run.of(small("run", "--quiet", "--out", report.toString()).toArray(String[]::new)).exit()).isZero();
        assertThat(Files.readString(report.resolve(".segmentlab-output"))).contains("kind=report", "file=report.html");
        // what SIGKILL leaves: a hidden temporary folder of a process that no longer runs
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path leftover = Files.createDirectory(dir.resolve(".report.tmp-" + gone.pid() + "-0"));
        Files.writeString(leftover.resolve(".segmentlab-output"), "kind=report\n");
        Files.write(leftover.resolve("metrics.csv"), new byte[1 << 20]);

        Run again = Run.of(small("run", "--quiet", "--seed", "7", "--out", report.toString()).toArray(String[]::new));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(names(dir)).containsExactly("report");
        assertThat(Files.readString(report.resolve("scenario.resolved.yaml"))).contains("seed: 7");
    }

    @Test
    void aRunKilledWhileWritingItsReportKeepsTheEarlierOneAndTheNextRunCleansUp() throws Exception {
        Path report = dir.resolve("report");
        assertThat(Run.of(small("run", "--quiet", "--out", report.toString()).toArray(String[]::new)).exit()).isZero();
        String before = Files.readString(report.resolve("summary.json"));

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), SegmentLabCommand.class.getName()));
        command.addAll(small("run", "--quiet", "--seed", "7", "--out", report.toString()));
        Path childLog = root.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
        Path writing;
        try {
            writing = awaitReportBeingWritten(child, report);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
            child.waitFor();
        }
        assertThat(writing).as("the killed run's hidden folder").exists();
        assertThat(report.resolve("summary.json")).hasContent(before);

        Run next = Run.of(small("run", "--quiet", "--seed", "9", "--out", report.toString()).toArray(String[]::new));
        assertThat(next.exit()).as(next.err()).isZero();
        assertThat(names(dir)).containsExactly("report");
        assertThat(report.resolve("scenario.resolved.yaml")).content().contains("seed: 9");
    }

    /** Polls (deadline sized for a slow, loaded machine) until the child has begun writing its report's files. */
    private Path awaitReportBeingWritten(Process child, Path report) throws IOException, InterruptedException {
        String prefix = "." + report.getFileName() + ".tmp-" + child.pid() + "-";
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(dir)) {
                var found = files.filter(p -> p.getFileName().toString().startsWith(prefix))
                        .filter(p -> Files.exists(p.resolve("metrics.csv"))).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            if (!child.isAlive()) {
                throw new AssertionError("the run ended (exit " + child.exitValue() + ") before it could be killed: "
                        + Files.readString(root.resolve("child.log")));
            }
            Thread.onSpinWait();
            Thread.sleep(2);
        }
        throw new AssertionError("the run did not start writing its report within 10 minutes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void anOutThatIsAFileOrBelowOneIsBadInput(String verb, BiFunction<Path, Path, List<String>> args, boolean folder) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        Path out = folder ? file : file.resolve("out.csv");
        Run r = Run.of(args.apply(out, log).toArray(String[]::new));
        assertPlainRefusal(r, "is a file, not a folder");
        assertThat(file).hasContent("mine");
        assertThat(names(dir)).containsExactly("notes.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void anOutWhereNothingCanBeWrittenIsBadInput(String verb, BiFunction<Path, Path, List<String>> args, boolean folder) {
        // /proc takes no new folders, not even from root (for whom permission bits do not count)
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc", "self")));
        Path place = Path.of("/proc", "segmentlab-test");
        Run r = Run.of(args.apply(folder ? place : place.resolve("out.csv"), log).toArray(String[]::new));
        assertPlainRefusal(r, "cannot write");
    }

    @Test
    void aFolderWithoutWritePermissionIsBadInput() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(locked), "permission bits do not bind this user (root)");
            assertPlainRefusal(Run.of(small("run", "--out", locked.resolve("report").toString()).toArray(String[]::new)),
                    "permission denied");
            assertPlainRefusal(Run.of("classify", log.toString(), "--out",
                    locked.resolve("s.csv").toString()), "permission denied");
            assertThat(names(locked)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void outputsGetOrdinaryPermissions() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plainFolder = Files.createDirectory(dir.resolve("plain"));
        Set<PosixFilePermission> folder = Files.getPosixFilePermissions(plainFolder);
        Set<PosixFilePermission> file = Files.getPosixFilePermissions(Files.createFile(plainFolder.resolve("plain.txt")));

        Path report = dir.resolve("report");
        assertThat(Run.of(small("run", "--quiet", "--out", report.toString()).toArray(String[]::new)).exit()).isZero();
        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(folder).contains(PosixFilePermission.GROUP_READ);
        assertThat(Files.getPosixFilePermissions(report.resolve("charts"))).isEqualTo(folder);
        assertThat(Files.getPosixFilePermissions(report.resolve("report.html"))).isEqualTo(file);

        Path segments = dir.resolve("new").resolve("segments.csv");
        Run classify = Run.of("classify", log.toString(), "--quiet", "--out", segments.toString());
        assertThat(classify.exit()).as(classify.err()).isZero();
        assertThat(Files.getPosixFilePermissions(segments)).isEqualTo(file);
        assertThat(Files.getPosixFilePermissions(segments.getParent())).isEqualTo(folder);
    }

    @Test
    void classifyWritesUnderOutByDefault() {
        var option = SegmentLabCommand.commandLine().getSubcommands().get("classify").getCommandSpec().findOption("--out");
        assertThat(option.defaultValue()).isEqualTo("out/segments.csv");
        assertThat(Run.of("classify", "--help").out()).contains("out/segments.csv");
    }
}
