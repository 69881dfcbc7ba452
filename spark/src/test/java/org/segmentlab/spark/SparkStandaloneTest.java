package org.segmentlab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.cli.SegmentLabCommand;

/**
 * The cluster path on a real Spark standalone cluster on this machine: spark/cluster.sh starts a master and a worker
 * from the Maven-resolved jars, submits the sweep through SparkSubmit and stops them; the table and charts are the
 * local sweep's bytes. Runs after {@code package} (it submits segmentlab-spark.jar), in the spark profile.
 */
class SparkStandaloneTest {

    private static final Path SCRIPT = Path.of("cluster.sh").toAbsolutePath();
    private static final Path FOUR_TYPES = Path.of("..", "scenarios", "four-types.yaml").toAbsolutePath();

    private static List<String> sweep(Path out) {
        return List.of(FOUR_TYPES.toString(), "--set", "market.initialCustomers=2000", "--set", "market.potential=20000",
                "--set", "behaviour.featureWindow=2", "--set", "thresholds.loyal.frequency.min=2", "--set", "events[0].month=2",
                "--months", "3", "--replications", "2", "--vary", "market.imitation=0.1..0.4:6", "--quiet", "--out", out.toString());
    }

    /** Runs the script; its output goes to {@code log}. A generous deadline: a loaded machine starts JVMs slowly. */
    private static int script(Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            return -1;
        }
        return p.exitValue();
    }

    @Test
    void aSweepSubmittedToAStandaloneClusterWritesTheLocalSweepsBytes(@TempDir Path dir) throws Exception {
        Path local = dir.resolve("local");
        List<String> localArgs = new ArrayList<>(List.of("sweep"));
        localArgs.addAll(sweep(local));
        var cmd = SegmentLabCommand.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cmd.execute(localArgs.toArray(String[]::new))).isZero();

        Path log = dir.resolve("cluster.log");
        Path out = dir.resolve("cluster");
        try {
            assertThat(script(log, "start", "2")).as(Files.readString(log)).isZero();
            List<String> submit = new ArrayList<>(List.of("submit"));
            submit.addAll(sweep(out));
            assertThat(script(log, submit.toArray(String[]::new))).as(Files.readString(log)).isZero();
        } finally {
            assertThat(script(log, "stop")).as(Files.readString(log)).isZero();
        }
        assertThat(Files.readString(log)).contains("Sweep: 6 points × 2 replications (grid design)").contains("on Spark");
        assertThat(Files.readAllBytes(out.resolve("sweep.csv"))).isEqualTo(Files.readAllBytes(local.resolve("sweep.csv")));
        assertThat(Files.readAllBytes(out.resolve("charts").resolve("sweep-market-imitation.png")))
                .isEqualTo(Files.readAllBytes(local.resolve("charts").resolve("sweep-market-imitation.png")));
    }
}
