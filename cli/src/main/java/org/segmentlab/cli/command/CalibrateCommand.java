package org.segmentlab.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.segmentlab.cli.BadInputException;
import org.segmentlab.cli.ExitCodes;
import org.segmentlab.cli.OutputLocation;
import org.segmentlab.cli.VersionProvider;
import org.segmentlab.cli.option.OptionTypes;
import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.reports.calibration.CalibrationReportWriter;
import org.segmentlab.reports.calibration.ListedFile;
import org.segmentlab.reports.output.OutputFolder;
import org.segmentlab.reports.output.OutputKind;
import org.segmentlab.simulator.calibrate.BadLine;
import org.segmentlab.simulator.calibrate.CalibratedBase;
import org.segmentlab.simulator.calibrate.LogFeatures;
import org.segmentlab.simulator.calibrate.PurchaseHistory;
import org.segmentlab.simulator.calibrate.ReadSummary;
import org.segmentlab.simulator.calibrate.TransactionLogException;
import org.segmentlab.simulator.calibrate.fit.CustomerSummaries;
import org.segmentlab.simulator.calibrate.fit.TimeUnit;
import org.segmentlab.simulator.scenario.LocatedProblem;
import org.segmentlab.simulator.scenario.ScenarioException;
import org.segmentlab.simulator.scenario.Scenarios;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code segmentlab calibrate LOG --calibration-end DATE --unit weeks --out DIR}: fits the classic customer-base
 * models to a transaction log (BG/NBD, Gamma-Gamma, shifted-beta-geometric; {@link CalibrationFits}), writes their
 * parameters (JSON, CSV, a one-page HTML with the fit charts) and a scenario that starts from the log's own
 * customers ({@link CalibratedBase}). The scenario is loaded back before the folder is published, so what is
 * written always runs; the folder appears complete or not at all.
 */
@Command(name = "calibrate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        headerHeading = "%n",
        header = "Fit the classic customer-base models to a transaction log and write a scenario that starts from its customers.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%n",
        description = {
            "Reads a transaction log, summarises each customer as the customer-base literature does (repeat"
                    + " purchases x, time of the last purchase t_x, age T, mean repeat spend) over the calibration"
                    + " period, fits by maximum likelihood the BG/NBD (purchasing and dropout), the Gamma-Gamma"
                    + " (spend) and the shifted-beta-geometric (cohort retention, in months) models, with standard"
                    + " errors, and checks them against the holdout period after the calibration end.",
            "",
            "Writes to the output folder: calibration.html (parameters and fit charts), parameters.json,"
                    + " parameters.csv, charts/*.png|svg, summaries.csv (per customer: x, t_x, T, spend, P(alive),"
                    + " expected purchases and spend, features and segment at the calibration end), and"
                    + " scenario.yaml with customers.csv: a scenario whose"
                    + " month 0 is the calibration end and whose customers are the log's own, each with their"
                    + " history, segment and posterior. Run it with 'bin/segmentlab run DIR/scenario.yaml'.",
        },
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  bin/segmentlab calibrate data/cdnow/CDNOW_sample.txt \\",
            "      --calibration-end 1997-09-30 --unit weeks --out out/cdnow",
            "  bin/segmentlab run out/cdnow/scenario.yaml --out out/cdnow-forward",
            "  bin/segmentlab calibrate docs/examples/sales.csv --customer \"Customer ID\" \\",
            "      --date InvoiceDate --amount Revenue --calibration-end 1997-09-30 \\",
            "      --unit weeks --out out/client",
        })
public final class CalibrateCommand implements Callable<Integer> {

    /** A calibration's folder; earlier versions wrote the same names without a marker. */
    static final OutputKind KIND = new OutputKind("calibration", "SegmentLab calibration", Set.of(
            CalibrationReportWriter.HTML, CalibrationReportWriter.JSON, CalibrationReportWriter.CSV,
            CalibrationReportWriter.CHARTS, CustomerSummaryCsv.FILE, CalibratedBase.SCENARIO, CalibratedBase.CUSTOMERS));

    /** Customers with a repeat purchase before the calibration end that the fits need at the least. */
    static final int MIN_REPEAT_CUSTOMERS = 10;
    /** The longest scenario (and so the longest default holdout), in months. */
    static final int MAX_MONTHS = 1200;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOG",
            description = "The transaction log: whitespace columns (like CDNOW_sample.txt) or CSV with a header.")
    private Path log;

    @Mixin
    private TransactionLogOptions logOptions;

    @Option(names = "--calibration-end", required = true, paramLabel = "DATE", converter = ClassifyCommand.DateConverter.class,
            description = "Last day of the calibration period (yyyy-MM-dd or yyyyMMdd); the days after it are the holdout.")
    private LocalDate calibrationEnd;

    @Option(names = "--holdout-end", paramLabel = "DATE", converter = ClassifyCommand.DateConverter.class,
            description = "Last day of the holdout period. Default: the log's last day.")
    private LocalDate holdoutEnd;

    @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "weeks", converter = UnitConverter.class,
            description = "Time unit of the BG/NBD and the tracking charts: days, weeks or months (default: ${DEFAULT-VALUE}).")
    private TimeUnit unit;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output folder; replaced only when complete, and only if it is a calibration SegmentLab"
                    + " wrote (a new or empty folder otherwise).")
    private Path out;

    @Option(names = "--taxonomy", paramLabel = "NAME", defaultValue = BuiltInTaxonomies.FOUR_TYPES,
            completionCandidates = ClassifyCommand.TaxonomyNames.class, converter = OptionTypes.TaxonomyName.class,
            description = "Taxonomy of the written scenario: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private String taxonomy;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "USD", converter = OptionTypes.CurrencyCode.class,
            description = "Currency of the amounts, ISO 4217 (default: ${DEFAULT-VALUE}).")
    private String currency;

    @Option(names = "--gross-margin", paramLabel = "SHARE", defaultValue = "0.3", converter = OptionTypes.Share.class,
            description = "Gross margin on sales for the scenario's profit figures, 0 to 1 (default: ${DEFAULT-VALUE}).")
    private double grossMargin;

    @Option(names = "--months", paramLabel = "T", converter = OptionTypes.MonthCount.class,
            description = "Months the written scenario simulates, 1 to " + OptionTypes.MAX_MONTHS + ". Default: the"
                    + " holdout's length in months, at least 12.")
    private Integer months;

    @Option(names = {"-r", "--replications"}, paramLabel = "R", defaultValue = "20",
            converter = OptionTypes.ReplicationCount.class,
            description = "Replications of the written scenario, 1 to " + OptionTypes.MAX_REPLICATIONS
                    + " (default: ${DEFAULT-VALUE}).")
    private int replications;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the written scenario and of the fits' starting points (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors and warnings.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        OutputLocation.folder(out, KIND);
        PrintWriter stdout = spec.commandLine().getOut();
        PurchaseHistory.Builder builder = PurchaseHistory.builder();
        ReadSummary read = logOptions.read(log, quiet, builder);
        PurchaseHistory history = builder.build();
        ClassifyCommand.reportSkipped(read, spec.commandLine().getErr());
        if (history.isEmpty()) {
            throw new BadInputException("LOG: " + log + " holds no transactions");
        }
        if (calibrationEnd.isBefore(history.firstDate())) {
            throw new BadInputException("--calibration-end " + calibrationEnd + " is before the log's first day "
                    + history.firstDate() + ": there is nothing to calibrate on");
        }
        LocalDate holdout = holdoutEnd != null ? holdoutEnd
                : history.lastDate().isAfter(calibrationEnd) ? history.lastDate() : calibrationEnd;
        if (holdout.isBefore(calibrationEnd)) {
            throw new BadInputException("--holdout-end " + holdout + " is before --calibration-end " + calibrationEnd);
        }
        checkHoldoutSpan(read, holdout);
        CustomerSummaries summaries = CustomerSummaries.of(history, calibrationEnd, holdout, unit);
        if (summaries.repeatCustomerCount() < MIN_REPEAT_CUSTOMERS) {
            throw new BadInputException("LOG: " + log + " is too small to calibrate on: the models need at least "
                    + MIN_REPEAT_CUSTOMERS + " customers who bought again by --calibration-end " + calibrationEnd
                    + ", and it has " + summaries.repeatCustomerCount() + " (of " + summaries.size() + " customers);"
                    + " choose a later --calibration-end or a longer log");
        }
        CalibrationFits fits = fit(history, summaries);
        int scenarioMonths = months != null ? months
                : Math.max(12, (int) Math.ceil(ChronoUnit.DAYS.between(calibrationEnd, holdout) / LogFeatures.DAYS_PER_MONTH));
        String source = log.getFileName().toString();
        CalibratedBase.Settings settings = new CalibratedBase.Settings("Calibrated from " + source, source, currency,
                grossMargin, taxonomy, scenarioMonths, replications, seed, LogFeatures.DEFAULT_WINDOW_MONTHS);
        Path written = OutputFolder.write(out, KIND, VersionProvider.version(), dir -> {
            CalibrationReportWriter.write(fits.report(source, VersionProvider.version(), listedFiles(), forwardCommand()), dir);
            CalibratedBase.write(dir, history, summaries, fits.bgNbd(), fits.gammaGamma(), settings);
            CustomerSummaryCsv.write(dir.resolve(CustomerSummaryCsv.FILE), history, summaries, fits.bgNbd(),
                    fits.gammaGamma(), BuiltInTaxonomies.byName(taxonomy).orElseThrow());
            loadBack(dir.resolve(CalibratedBase.SCENARIO), summaries); // what is published always runs
        });
        if (!quiet) {
            fits.printSummary(stdout, read);
            stdout.printf(Locale.ROOT, "%nWrote %s: calibration.html, parameters.json, parameters.csv, charts/, %s, %s, %s%n",
                    written, CustomerSummaryCsv.FILE, CalibratedBase.SCENARIO, CalibratedBase.CUSTOMERS);
            stdout.printf("Simulate forward: bin/segmentlab run %s --out %s%n", written.resolve(CalibratedBase.SCENARIO),
                    written.resolveSibling(written.getFileName() + "-forward"));
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    /** The files this command writes beside the calibration report, as the page lists them. */
    private static List<ListedFile> listedFiles() {
        return List.of(
                new ListedFile(CalibratedBase.SCENARIO, "the calibrated scenario: the log's customers at the calibration end, simulated forward by segmentlab run"),
                new ListedFile(CalibratedBase.CUSTOMERS, "every customer's fitted traits and history before month 0, read by scenario.yaml"),
                new ListedFile(CustomerSummaryCsv.FILE, "one row per customer: x, t_x, T, spend, P(alive), expected purchases and segment, to sort and act on"));
    }

    /** The forward simulation as the console prints it, with the folder as the user named it (the page may move). */
    private String forwardCommand() {
        return "bin/segmentlab run " + out.resolve(CalibratedBase.SCENARIO) + " --out " + out.resolveSibling(out.getFileName() + "-forward");
    }

    /**
     * The default holdout runs to the log's last day; a day far in the future (a typo such as 2997 for 1997) would
     * make it, and the written scenario, centuries long. Refused at the line that holds it.
     */
    private void checkHoldoutSpan(ReadSummary read, LocalDate holdout) {
        double holdoutMonths = ChronoUnit.DAYS.between(calibrationEnd, holdout) / LogFeatures.DAYS_PER_MONTH;
        if (holdoutMonths <= MAX_MONTHS) {
            return;
        }
        String span = String.format(Locale.ROOT, "%.0f months after --calibration-end %s; the holdout may span at most %d"
                + " months (100 years)", holdoutMonths, calibrationEnd, MAX_MONTHS);
        if (holdoutEnd != null) {
            throw new BadInputException("--holdout-end " + holdoutEnd + " is " + span);
        }
        BadLine at = read.lastDateAt();
        throw new TransactionLogException(new BadLine(at.source(), at.line(), at.column(), "date: " + holdout + " is "
                + span + ": correct the date, or give an earlier --holdout-end to leave it out"));
    }

    /**
     * The fits; a log whose data cannot determine them (too few or too uniform customers) is bad input, said
     * plainly, not a failure of the program.
     */
    private CalibrationFits fit(PurchaseHistory history, CustomerSummaries summaries) {
        try {
            return CalibrationFits.of(history, summaries, currency);
        } catch (ArithmeticException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException("LOG: the models cannot be fitted to " + log + " (" + e.getMessage() + "); "
                    + tooLittleData(summaries));
        }
    }

    /**
     * Loads the written scenario back. A refusal here means the fits reached values a scenario cannot hold (a fit
     * on too little data runs off to a bound); it is said in terms of the log, never of the unpublished temporary
     * folder.
     */
    private void loadBack(Path scenario, CustomerSummaries summaries) {
        try {
            Scenarios.load(scenario).scenario();
        } catch (ScenarioException e) {
            StringBuilder what = new StringBuilder();
            for (LocatedProblem p : e.problems()) {
                what.append(what.length() == 0 ? "" : "; ").append(p.path().isEmpty() ? "" : p.path() + ": ").append(p.message());
            }
            throw new BadInputException("LOG: the models fitted to " + log + " reach values a scenario cannot hold ("
                    + what + "); " + tooLittleData(summaries) + ". Nothing was written");
        }
    }

    private String tooLittleData(CustomerSummaries summaries) {
        return "the log has too little data for a stable fit: " + summaries.repeatCustomerCount() + " of "
                + summaries.size() + " customers bought again by " + calibrationEnd + " (a fit needs at least "
                + MIN_REPEAT_CUSTOMERS + ", and a few hundred for stable figures); choose a later --calibration-end"
                + " or a longer log";
    }

    /** {@code days}, {@code weeks}, {@code months} (any case). */
    static final class UnitConverter implements ITypeConverter<TimeUnit> {
        @Override
        public TimeUnit convert(String value) {
            try {
                return TimeUnit.fromKey(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
