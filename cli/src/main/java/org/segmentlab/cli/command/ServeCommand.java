package org.segmentlab.cli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.segmentlab.cli.BadInputException;
import org.segmentlab.cli.ExitCodes;
import org.segmentlab.cli.VersionProvider;
import org.segmentlab.cli.option.OptionTypes;
import org.segmentlab.workbench.HostAllowlist;
import org.segmentlab.workbench.Workbench;
import org.segmentlab.workbench.WorkbenchSettings;

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

    @Spec
    CommandSpec spec;

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
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            workbench.close();
            stopped.countDown();
        }, "segmentlab-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println("SegmentLab workbench: " + workbench.url());
        out.println("Open it in a browser; stop with Ctrl-C.");
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
