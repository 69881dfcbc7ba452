package org.segmentlab.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.segmentlab.cli.SegmentLabCommand;
import org.segmentlab.cli.command.SweepCommand;

import picocli.CommandLine;

/**
 * The Spark application: {@code segmentlab sweep}'s arguments, the sweep run with its points as Spark tasks. Started
 * by {@code segmentlab sweep … --spark MASTER} (a child JVM) or by spark-submit:
 *
 * <pre>
 * spark-submit --master spark://host:7077 --class org.segmentlab.spark.SparkSweep segmentlab-spark.jar \
 *     /shared/scenario.yaml --vary market.imitation=0.1..0.4:7 --out /shared/out/s
 * </pre>
 *
 * Everything but where points are computed is the sweep command's own: options, checks, messages, exit codes, the
 * table, its fingerprint, {@code --resume} and the charts.
 */
public final class SparkSweep {

    private SparkSweep() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(List.of(args), out, err));
    }

    /** Runs the sweep of {@code args} (those after {@code sweep}) on Spark; returns the command's exit code. */
    public static int run(List<String> args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, null);
    }

    /** As {@link #run(List, PrintWriter, PrintWriter)}, with each task wrapped by {@code wrap} (tests inject failures). */
    static int run(List<String> args, PrintWriter out, PrintWriter err, java.util.function.UnaryOperator<PointTask> wrap) {
        if (args.stream().noneMatch(a -> a.equals("--spark") || a.startsWith("--spark=")) && System.getProperty("spark.master") == null) {
            err.println("segmentlab sweep: no Spark master: pass --spark MASTER (e.g. local[2]), or start this application"
                    + " with spark-submit --master …");
            err.flush();
            return org.segmentlab.cli.ExitCodes.BAD_INPUT;
        }
        CommandLine cmd = SegmentLabCommand.commandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        SweepCommand sweep = cmd.getSubcommands().get("sweep").getCommand();
        PointTask recipe = new SweepRecipe(args, Path.of("").toAbsolutePath().toString());
        PointTask task = wrap == null ? recipe : wrap.apply(recipe);
        sweep.runPointsOn((master, s) -> SparkPointRunner.start(master, task));
        List<String> all = new ArrayList<>();
        all.add("sweep");
        all.addAll(args);
        return cmd.execute(all.toArray(String[]::new));
    }
}
