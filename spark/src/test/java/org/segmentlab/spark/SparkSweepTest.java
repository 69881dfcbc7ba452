package org.segmentlab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.spark.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.cli.SegmentLabCommand;
import org.segmentlab.simulator.experiment.PointOrder;

/**
 * A sweep whose points run on Spark ({@code local[2]}) writes the local sweep's bytes — table and charts — and a
 * Spark sweep that died midway resumes to those bytes; a task that fails once and is retried by Spark changes nothing.
 */
class SparkSweepTest {

    private static final Path FOUR_TYPES = Path.of("..", "scenarios", "four-types.yaml");

    /** The local sweep every Spark run is compared with. */
    private static Path local;

    /** A tiny sweep: 2 000 customers, 3 months, 2 replications, 6 points of a grid, every month in the table. */
    private static List<String> args(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of(FOUR_TYPES.toString(),
                "--set", "market.initialCustomers=2000", "--set", "market.potential=20000",
                "--set", "behaviour.featureWindow=2", "--set", "thresholds.loyal.frequency.min=2", "--set", "events[0].month=2",
                "--months", "3", "--replications", "2", "--vary", "market.imitation=0.1..0.4:6", "--quiet", "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    @BeforeAll
    static void localSweep(@TempDir Path dir) {
        local = dir.resolve("local");
        List<String> all = new ArrayList<>(List.of("sweep"));
        all.addAll(args(local));
        StringWriter err = new StringWriter();
        var cmd = SegmentLabCommand.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        assertThat(cmd.execute(all.toArray(String[]::new))).as(err.toString()).isZero();
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result spark(List<String> args, UnaryOperator<PointTask> wrap) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SparkSweep.run(args, new PrintWriter(out, true), new PrintWriter(err, true), wrap);
        return new Result(exit, out.toString(), err.toString());
    }

    private static void assertSameFiles(Path spark) throws Exception {
        assertThat(Files.readAllBytes(spark.resolve("sweep.csv"))).as("sweep.csv").isEqualTo(Files.readAllBytes(local.resolve("sweep.csv")));
        assertThat(Files.readAllBytes(spark.resolve("sweep.fingerprint.json"))).as("the fingerprint")
                .isEqualTo(Files.readAllBytes(local.resolve("sweep.fingerprint.json")));
        for (String chart : List.of("sweep-market-imitation.png", "sweep-market-imitation.svg")) {
            assertThat(Files.readAllBytes(spark.resolve("charts").resolve(chart))).as(chart)
                    .isEqualTo(Files.readAllBytes(local.resolve("charts").resolve(chart)));
        }
    }

    @Test
    void theTableAndChartsAreTheLocalSweepsBytesAndARetriedTaskChangesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("spark");
        // local[2,2]: two cores, a failed task is tried twice. Point 4's first attempt fails; Spark runs it again.
        Result r = spark(args(out, "--spark", "local[2,2]"), task -> (PointTask) point -> {
            if (point == 4 && TaskContext.get().attemptNumber() == 0) {
                throw new IllegalStateException("injected failure of point 4's first attempt");
            }
            return task.compute(point);
        });
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Sweep: 6 points × 2 replications (grid design)").contains("on Spark");
        assertSameFiles(out);
    }

    @Test
    void aSparkSweepThatDiedMidwayResumesToTheSameBytes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("spark");
        int[] order = PointOrder.interleaved(6);
        // Every attempt at the fourth point in the sweep's order fails: the job dies with the first three written.
        int dies = order[3];
        Set<Integer> written = Set.of(order[0], order[1], order[2]);
        Result died = spark(args(out, "--spark", "local[2]"), task -> (PointTask) point -> {
            if (point == dies) {
                throw new IllegalStateException("injected failure of point " + dies);
            }
            return task.compute(point);
        });
        assertThat(died.exit()).as(died.err()).isEqualTo(1);
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(lines.stream().skip(1).map(l -> Integer.parseInt(l.substring(0, l.indexOf(',')))).distinct())
                .containsExactlyElementsOf(written.stream().sorted((a, b) -> indexOf(order, a) - indexOf(order, b)).toList());
        // A kill also cuts the last block short, mid-line: the resume drops it and runs that point again.
        String partial = Files.readString(out.resolve("sweep.csv"));
        Files.writeString(out.resolve("sweep.csv"), partial.substring(0, partial.length() - 25));

        Result resumed = spark(args(out, "--spark", "local[2]", "--resume"), null);
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("2 resumed from the table");
        assertSameFiles(out);
    }

    private static int indexOf(int[] order, int id) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] == id) {
                return i;
            }
        }
        return -1;
    }
}
