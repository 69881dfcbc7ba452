package org.segmentlab.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.segmentlab.cli.SegmentLabCommand;
import org.segmentlab.cli.command.SweepCommand;
import org.segmentlab.simulator.experiment.PointRows;
import org.segmentlab.simulator.experiment.Sweep;

import picocli.CommandLine;

/**
 * The sweep as an executor rebuilds it: the driver's {@code sweep} arguments and working folder. Shipping the
 * arguments rather than a built sweep keeps tasks small and makes an executor's sweep the driver's by construction
 * (same parsing, same overrides, same design). The scenario file is read on each executor, at the driver's path.
 *
 * @param args       the arguments after {@code sweep}
 * @param workingDir the driver's working folder, against which a relative scenario path is resolved
 */
public record SweepRecipe(List<String> args, String workingDir) implements PointTask {
    private static final long serialVersionUID = 1L;

    /** One sweep per recipe per JVM: an executor parses the scenario once, not once per task. */
    private static final Map<SweepRecipe, Sweep> BUILT = new ConcurrentHashMap<>();

    public SweepRecipe {
        args = List.copyOf(args);
    }

    @Override
    public PointRows compute(int point) {
        Sweep sweep = BUILT.computeIfAbsent(this, SweepRecipe::build);
        return sweep.compute(sweep.design().sweepPoint(point));
    }

    private Sweep build() {
        CommandLine cmd = SegmentLabCommand.commandLine();
        String[] all = new String[args.size() + 1];
        all[0] = "sweep";
        for (int i = 0; i < args.size(); i++) {
            all[i + 1] = args.get(i);
        }
        cmd.parseArgs(all);
        SweepCommand command = cmd.getSubcommands().get("sweep").getCommand();
        return command.sweep(Path.of(workingDir));
    }
}
