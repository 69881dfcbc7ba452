package org.segmentlab.cli.command;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import org.segmentlab.cli.BadInputException;
import org.segmentlab.cli.ExitCodes;
import org.segmentlab.cli.OutputLocation;
import org.segmentlab.cli.VersionProvider;
import org.segmentlab.reports.deck.DeckWriter;
import org.segmentlab.reports.output.ReportInput;
import org.segmentlab.reports.output.ReportWriter;
import org.segmentlab.reports.table.StrategyFigures;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioWriter;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code run} and {@code compare} share: load and override the scenario, run it with a progress bar, write
 * the report folder atomically, print the summary table. Ctrl-C interrupts the run; the report writer then removes
 * its temporary folder, and a shutdown hook waits for that, so no partial output is left.
 */
abstract class SimulationCommand implements Callable<Integer> {

    @Mixin
    ScenarioRunOptions options;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "The report folder (default: out/<scenario name>). Replaced only when the new report is complete,"
                    + " and only if it is a report SegmentLab wrote (a new or empty folder otherwise).")
    Path out;

    @Option(names = "--deck",
            description = "Also write deck.pptx into the report folder: a 16:9 slide deck (PowerPoint, LibreOffice Impress,"
                    + " Keynote) with a title slide naming the run and every --set, the summary, and one slide per chart"
                    + " with its message as the title and the source line as a footnote.")
    boolean deck;

    @Option(names = "--no-attribution",
            description = "Skip the attribution by treatment (attribution.csv, the charts and report section \"What each"
                    + " treatment adds\"). It costs one extra strategy run per treated segment of each strategy besides the"
                    + " baseline (and one more for a strategy advertising differently): the four-types textbook strategy"
                    + " treats 4 segments, so 6 strategy runs instead of 2.")
    boolean noAttribution;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary table; only the report path.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** A hook to adjust the scenario document before it is validated (e.g. compare's replications). */
    abstract Scenario prepare(Scenario scenario);

    @Override
    @SuppressWarnings("try") // the progress bar is closed early, before the summary prints; closing twice is harmless
    public Integer call() throws IOException {
        PrintWriter outWriter = spec.commandLine().getOut();
        Scenario scenario = prepare(options.document().scenario());
        Path target = out != null ? out : options.defaultOut();
        OutputLocation.folder(target, ReportWriter.KIND);
        Thread worker = Thread.currentThread();
        Thread hook = new Thread(() -> {
            // Ctrl-C: stop the run and wait (briefly) until the partial report is cleaned up.
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "segmentlab-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        if (deck) {
            DeckWriter.warmUpInBackground();
        }
        try (RunProgress progress = RunProgress.start(scenario, quiet)) {
            RunResult result = Simulator.run(scenario, new RunOptions(options.threads(), progress::simulated, !noAttribution));
            ReportInput input = new ReportInput(result, scenario.description(), ScenarioWriter.toYaml(scenario),
                    VersionProvider.version(), options.appliedOverrides());
            Path written = ReportWriter.write(input, target, progress::reported, deck);
            progress.close();
            if (!quiet) {
                SummaryTable.print(outWriter, scenario, StrategyFigures.of(result.metrics()));
            }
            outWriter.println("Report: " + written.resolve(ReportWriter.HTML));
            if (deck) {
                outWriter.println("Deck:   " + written.resolve(ReportWriter.DECK));
            }
            outWriter.flush();
            return ExitCodes.OK;
        } catch (CancellationException | InterruptedIOException e) {
            spec.commandLine().getErr().println("segmentlab: interrupted; nothing was written to " + target);
            return ExitCodes.RUN_FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting (Ctrl-C): the hook is running and waits for us.
            }
        }
    }

    static void requireStrategies(Scenario scenario, int atLeast, String verb) {
        if (scenario.strategies().size() < atLeast) {
            throw new BadInputException(verb + " needs at least " + atLeast + " strategies; the scenario has "
                    + scenario.strategies().size() + " (add one under strategies:)");
        }
    }
}
