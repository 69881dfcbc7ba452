package org.segmentlab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.cli.SegmentLabCommand;

/**
 * {@code segmentlab sweep … --spark local[2]} as a user runs it: the command launches the Spark application in a
 * child JVM on spark/target/segmentlab-spark.jar and the Spark jars. Killed midway (the child stopped as by Ctrl-C)
 * and run again with {@code --resume}, it writes the local sweep's bytes. Runs after {@code package} (it needs the
 * jar): in the spark profile's verify phase.
 */
class SparkLaunchTest {

    private static final Path FOUR_TYPES = Path.of("..", "scenarios", "four-types.yaml");
    private static final int POINTS = 30;

    /** 30 points of 12 000 customers × 12 months, the last month only: long enough to be stopped midway. */
    private static List<String> sweep(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", FOUR_TYPES.toString(),
                "--set", "market.initialCustomers=12000", "--set", "market.potential=40000",
                "--months", "12", "--replications", "1", "--final-only", "--vary", "market.imitation=0.1..0.5:" + POINTS,
                "--quiet", "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static int run(List<String> args, StringWriter err) {
        var cmd = SegmentLabCommand.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args.toArray(String[]::new));
    }

    private static long pointsIn(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return 0;
        }
        return Files.readAllLines(csv).stream().skip(1).filter(l -> l.indexOf(',') > 0)
                .map(l -> l.substring(0, l.indexOf(','))).distinct().count();
    }

    @Test
    void aKilledSparkSweepResumesToTheLocalSweepsBytes(@TempDir Path dir) throws Exception {
        StringWriter localErr = new StringWriter();
        Path local = dir.resolve("local");
        assertThat(run(sweep(local), localErr)).as(localErr.toString()).isZero();

        Path out = dir.resolve("spark");
        Path csv = out.resolve("sweep.csv");
        StringWriter firstErr = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread first = new Thread(() -> exit.set(run(sweep(out, "--spark", "local[2]"), firstErr)), "spark-sweep");
        first.start();
        // Stop it once a point is in the table (Spark starts in seconds; a loaded machine may take a minute).
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (pointsIn(csv) < 1 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first.interrupt();
        first.join(180_000);
        assertThat(first.isAlive()).isFalse();
        assertThat(exit.get()).as(firstErr.toString()).isEqualTo(1);
        assertThat(firstErr.toString()).contains("--resume");
        long kept = pointsIn(csv);
        assertThat(kept).as("points written before the kill").isBetween(1L, POINTS - 1L);

        StringWriter resumeErr = new StringWriter();
        assertThat(run(sweep(out, "--spark", "local[2]", "--resume"), resumeErr)).as(resumeErr.toString()).isZero();
        assertThat(Files.readAllBytes(csv)).isEqualTo(Files.readAllBytes(local.resolve("sweep.csv")));
        assertThat(Files.readAllBytes(out.resolve("charts").resolve("sweep-market-imitation.png")))
                .isEqualTo(Files.readAllBytes(local.resolve("charts").resolve("sweep-market-imitation.png")));
    }
}
