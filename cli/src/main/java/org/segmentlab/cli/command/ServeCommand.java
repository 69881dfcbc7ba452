package org.segmentlab.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.segmentlab.cli.BadInputException;
import org.segmentlab.cli.ExitCodes;
import org.segmentlab.cli.VersionProvider;
import org.segmentlab.cli.option.OptionTypes;
import org.segmentlab.workbench.HostAllowlist;
import org.segmentlab.workbench.RequestException;
import org.segmentlab.workbench.ShippedScenarios;
import org.segmentlab.workbench.Workbench;
import org.segmentlab.workbench.WorkbenchSettings;
import org.segmentlab.workbench.tournament.Room;
import org.segmentlab.workbench.tournament.RoomSettings;
import org.segmentlab.workbench.tournament.TournamentApi;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code segmentlab serve}: starts the workbench, a local web page for comparing strategies, prints its address
 * and serves until Ctrl-C (or until this thread is interrupted, as tests do).
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Start the workbench: a web page to choose a scenario, change treatments and values, and compare runs.",
        description = {
            "Serves one page on this machine (127.0.0.1 by default): pick a shipped scenario or upload one, set each"
                + " segment's treatment per strategy, move the sliders (population, months, Bass coefficients,"
                + " discounts, budgets, thresholds), run, and compare the charts and key figures side by side;"
                + " download the report as a zip. Every value is validated as by 'bin/segmentlab run --set'.",
            "",
            "Several people can use one server at once; each browser gets its own results. Stop it with Ctrl-C.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bin/segmentlab serve",
            "  bin/segmentlab serve --port 8080 --max-customers 100000",
            "  bin/segmentlab serve --host 0.0.0.0    # a classroom: anyone who can reach it",
            "  bin/segmentlab serve --tournament four-types    # a team tournament",
        })
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = WorkbenchSettings.DEFAULT_HOST,
            converter = OptionTypes.NonBlank.class,
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + WorkbenchSettings.DEFAULT_PORT,
            converter = OptionTypes.PortNumber.class,
            description = "The port, 0 to 65535 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--max-customers", paramLabel = "N", defaultValue = "" + WorkbenchSettings.DEFAULT_MAX_CUSTOMERS,
            converter = OptionTypes.CustomerLimit.class,
            description = "The largest population a run may ask for, 1 to " + OptionTypes.MAX_CUSTOMERS
                    + " (default: ${DEFAULT-VALUE}).")
    int maxCustomers;

    @Option(names = "--allow-host", paramLabel = "NAME", split = ",",
            description = "Also answer to this host name (repeatable, or comma-separated), e.g. the name trainees type"
                    + " for this machine. Always answered: localhost, 127.0.0.1, [::1] and the --host address; with a"
                    + " --host other people can reach, any IP address too. Other names get 403 (a guard against DNS"
                    + " rebinding).")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--tournament", paramLabel = "SCENARIO",
            description = "Open a tournament room at start on a shipped scenario (e.g. four-types) or a scenario file;"
                    + " prints the join code for the teams and the facilitator's link (open it once: the browser then"
                    + " keeps the facilitator's secret).")
    String tournament;

    @Spec
    CommandSpec spec;

    /** The room of --tournament: a shipped scenario by name, else a scenario file. */
    private Room openRoom(Workbench workbench) {
        try {
            if (ShippedScenarios.load().yaml(tournament).isPresent()) {
                return workbench.tournament().openRoom(tournament, null, null, RoomSettings.Request.DEFAULTS);
            }
            Path file = Path.of(tournament);
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("--tournament '" + tournament + "' is neither a shipped scenario ("
                        + String.join(", ", ShippedScenarios.load().names()) + ") nor a scenario file");
            }
            return workbench.tournament().openRoom(null, Files.readString(file), file.toString(), RoomSettings.Request.DEFAULTS);
        } catch (IOException e) {
            throw new BadInputException("cannot read --tournament " + tournament + ": " + e.getMessage());
        } catch (RequestException e) {
            throw new BadInputException("--tournament " + tournament + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() {
        WorkbenchSettings settings;
        try {
            settings = WorkbenchSettings.defaults(VersionProvider.version()).withAddress(host, port).withMaxCustomers(maxCustomers);
            // Checked here so that a bad name is bad input, not a failure to listen.
            HostAllowlist.of(settings.host(), allowHosts);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        Workbench workbench;
        try {
            workbench = Workbench.start(settings, allowHosts);
        } catch (RuntimeException e) {
            throw new BadInputException("cannot listen on " + host + ":" + port + ": " + rootMessage(e));
        }
        Room room = null;
        if (tournament != null) {
            try {
                room = openRoom(workbench);
            } catch (RuntimeException e) {
                workbench.close();
                throw e;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            workbench.close();
            stopped.countDown();
        }, "segmentlab-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println("SegmentLab workbench: " + workbench.url());
        out.println("Open it in a browser; stop with Ctrl-C.");
        workbench.tournament().gate().accessCode().ifPresent(code -> out.println(
                "Access code (others reach this server; the page asks for it): " + code));
        if (room != null) {
            out.println("Tournament room on " + tournament + ": teams open " + workbench.url() + "tournament and join with code "
                    + room.code());
            out.println("Facilitator (open once, keep it private): " + workbench.url() + TournamentApi.facilitatorPath(room));
        }
        out.flush();
        boolean interrupted = false;
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // An embedder (or a test) stops the server by interrupting this thread: a normal end. The flag is
            // restored only after closing, since Jetty's stop waits and would be cut short by it.
            interrupted = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            workbench.close();
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is closing the server.
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
