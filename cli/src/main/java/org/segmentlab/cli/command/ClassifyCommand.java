package org.segmentlab.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.segmentlab.cli.AtomicFile;
import org.segmentlab.cli.OutputLocation;
import org.segmentlab.cli.BadInputException;
import org.segmentlab.cli.DynamicHelp;
import org.segmentlab.cli.ExitCodes;
import org.segmentlab.cli.option.OptionTypes;
import org.segmentlab.cli.option.ThresholdPaths;
import org.segmentlab.model.DefinitionException;
import org.segmentlab.model.Problem;
import org.segmentlab.model.classify.RuleTableClassifier;
import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.feature.FeatureTable;
import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.model.segment.Condition;
import org.segmentlab.model.segment.Rule;
import org.segmentlab.model.segment.Segment;
import org.segmentlab.model.segment.Taxonomy;
import org.segmentlab.simulator.calibrate.BadLine;
import org.segmentlab.simulator.calibrate.LogFeatures;
import org.segmentlab.simulator.calibrate.LogField;
import org.segmentlab.simulator.calibrate.PurchaseHistory;
import org.segmentlab.simulator.calibrate.ReadSummary;
import org.segmentlab.simulator.calibrate.TransactionLogReader;
import org.segmentlab.simulator.csv.Csv;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code segmentlab classify LOG}: reads a real transaction log, computes every customer's observable features
 * ({@link LogFeatures}), classifies them with a built-in taxonomy (thresholds overridable with {@code --set}),
 * prints the segment counts and shares, and writes {@code customer,segment,<every feature>} to a CSV file.
 * All input is checked before anything is written; the CSV appears complete or not at all. The help's footer
 * (features, thresholds with their defaults, examples) is built in {@link #addHelp}, from the model, so it never
 * goes stale.
 */
@Command(name = "classify",
        sortOptions = false,
        headerHeading = "%n",
        header = "Classify the customers of a real transaction log into segments.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%n",
        description = {
            "Reads a transaction log (one purchase line per row: customer, date, amount, optionally quantity and"
                    + " discount), computes each customer's observable features over a trailing window, classifies"
                    + " every customer with a built-in taxonomy, prints how many customers fall in each segment,"
                    + " and writes one row per customer to a CSV file: customer,segment,<every feature>.",
        },
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%n")
public final class ClassifyCommand implements Callable<Integer>, DynamicHelp {

    /** Features a transaction log cannot tell and {@link LogFeatures} leaves unknown (NaN). */
    private static final Set<Feature> UNKNOWN_IN_A_LOG = EnumSet.of(Feature.SATISFACTION, Feature.MARGIN,
            Feature.SERVICE_TO_MARGIN);
    /** Features a transaction log does not record and {@link LogFeatures} sets to 0. */
    private static final Set<Feature> ZERO_IN_A_LOG = EnumSet.of(Feature.COMPLAINTS, Feature.REFERRALS,
            Feature.COST_TO_SERVE);

    /** Help lines are wrapped to fit the 80-column default of picocli. */
    private static final int HELP_WIDTH = 79;

    /** A plain decimal number, as a threshold is written. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOG",
            description = "The transaction log: whitespace columns (like CDNOW_sample.txt) or CSV with a header.")
    private Path log;

    @Mixin
    private TransactionLogOptions logOptions;

    @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
            description = "Compute the features as of this day (yyyy-MM-dd or yyyyMMdd); later purchases are"
                    + " ignored. Default: the last day in the log.")
    private LocalDate asOf;

    @Option(names = "--window", paramLabel = "MONTHS", defaultValue = "" + LogFeatures.DEFAULT_WINDOW_MONTHS,
            converter = OptionTypes.WindowMonths.class,
            description = "Length of the trailing window, in calendar months, 1 to " + OptionTypes.MAX_MONTHS
                    + " (default: ${DEFAULT-VALUE}).")
    private int window;

    @Option(names = "--taxonomy", paramLabel = "NAME", defaultValue = BuiltInTaxonomies.FOUR_TYPES,
            completionCandidates = TaxonomyNames.class, converter = OptionTypes.TaxonomyName.class,
            description = "Built-in taxonomy: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private String taxonomyName;

    @Option(names = "--set", paramLabel = "PATH=VALUE", mapFallbackValue = CommandLine.Option.NULL_VALUE,
            description = "Override a threshold of the taxonomy; repeatable. PATH is"
                    + " segment.feature.min|max|above|below, e.g. --set loyal.frequency.min=4 (all paths below), with"
                    + " or without thresholds. in front as in a scenario.")
    private Map<String, String> thresholds = new LinkedHashMap<>();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.csv", defaultValue = "out/segments.csv",
            description = "The CSV file to write customer,segment,<features> to (default: ${DEFAULT-VALUE};"
                    + " missing folders are created). Replaced only when complete.")
    private Path out;

    @Option(names = {"-q", "--quiet"},
            description = "Print nothing but errors and warnings (no table, no progress bar).")
    private boolean quiet;

    @Override
    public void addHelp(CommandSpec commandSpec) {
        List<String> f = new ArrayList<>();
        f.add("Features computed from the log, per customer, as of --as-of (customers whose first purchase is");
        f.add("later are left out; later purchases are ignored):");
        String indent = " ".repeat(17);
        wrap(f, "  recency        ", indent, "months since the last purchase: days / 30.4375 (the mean month); 0 ="
                + " bought on the as-of day");
        wrap(f, "  frequency      ", indent, "purchases in the window; all lines of one customer on one day are one"
                + " purchase (as Fader & Hardie count CDNOW)");
        wrap(f, "  monetary       ", indent, "sum of the amounts in the window");
        wrap(f, "  tenure         ", indent, "months since the first purchase: days / 30.4375");
        wrap(f, "  valueRank      ", indent, "percentile of monetary among all n customers, as the simulator ranks:"
                + " k / (n - 1), k = customers with strictly lower monetary; tied customers share the lowest rank;"
                + " 0 = lowest (and every customer who did not buy in the window), 1 = highest");
        wrap(f, "  discountShare  ", indent, "share of the window's purchases with a discount > 0; 0 without a"
                + " discount column");
        wrap(f, "  promoLift      ", indent, "purchases per month with a discount offered / per full-price month,"
                + " shrunk toward 1 (docs/model.md); a month is offered when at least a fifth of the log's purchases"
                + " that month were discounted (a sale) or the customer bought on discount; unknown without"
                + " discounted purchases");
        wrap(f, "  satisfaction   ", indent, "unknown (empty in the CSV)");
        wrap(f, "  margin         ", indent, "unknown (empty in the CSV): the log has revenue, not cost");
        wrap(f, "  serviceToMargin", indent, "unknown (empty in the CSV): the log has no service cost");
        wrap(f, "", "", "A feature the log cannot tell for anyone has its conditions left out of the rules: four-types"
                + " loyal is then frequency and promoLift alone; a rule that reads nothing else matches nobody.");
        wrap(f, "  complaints     ", indent, "0: a transaction log does not record them");
        wrap(f, "  referrals      ", indent, "0: a transaction log does not record them");
        wrap(f, "  costToServe    ", indent, "0: a transaction log does not record it");
        wrap(f, "", "", "The window is the --window calendar months that end on the as-of day (12 months as of"
                + " 1998-06-30: 1997-07-01 to 1998-06-30).");
        f.add("");
        f.add("Thresholds for --set PATH=VALUE, with their defaults:");
        for (String name : BuiltInTaxonomies.names()) {
            Taxonomy t = BuiltInTaxonomies.byName(name).orElseThrow();
            wrap(f, "  " + name + ": ", "    ", t.thresholdPaths().stream()
                    .map(p -> p + "=" + number(t.threshold(p).orElseThrow()))
                    .collect(Collectors.joining(", ")));
        }
        f.add("");
        f.add("Examples:");
        f.add("  bin/segmentlab classify data/cdnow/CDNOW_sample.txt");
        f.add("  bin/segmentlab classify data/cdnow/CDNOW_sample.txt \\");
        f.add("      --as-of 1997-12-31 --set loyal.frequency.min=4 --out early.csv");
        f.add("  bin/segmentlab classify docs/examples/sales.csv --customer \"Customer ID\" \\");
        f.add("      --date InvoiceDate --amount Revenue --taxonomy circles --quiet");
        UsageMessageSpec usage = commandSpec.usageMessage();
        usage.footer(f.toArray(new String[0]));
        usage.exitCodeListHeading("%nExit codes:%n");
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "ok");
        codes.put("1", "the run failed (e.g. the CSV could not be written)");
        codes.put("2", "bad input: unknown option or taxonomy, bad --set, bad line in LOG, an --out that is a folder"
                + " or cannot be written; nothing written");
        usage.exitCodeList(codes);
        // Exit codes last, after the footer.
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        keys.removeAll(List.of(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING, UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST));
        keys.add(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING);
        keys.add(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST);
        usage.sectionKeys(keys);
    }

    /** Word-wraps {@code text} at {@link #HELP_WIDTH} columns: the first line after {@code first}, the rest after {@code next}. */
    private static void wrap(List<String> lines, String first, String next, String text) {
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > HELP_WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(next);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        lines.add(line.toString());
    }

    @Override
    public Integer call() throws IOException {
        // Everything the user gave is checked before the log is read, and the log before anything is written.
        Taxonomy taxonomy = taxonomy();
        checkOut();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();

        PurchaseHistory.Builder builder = PurchaseHistory.builder();
        ReadSummary read = logOptions.read(log, quiet, builder);
        PurchaseHistory history = builder.build();
        reportSkipped(read, stderr);
        if (history.isEmpty()) {
            throw new BadInputException("LOG: " + log + " holds no transactions"
                    + (read.skipped() > 0 ? " that could be read (" + read.skipped() + " bad lines skipped)" : ""));
        }
        if (asOf != null && asOf.isBefore(history.firstDate())) {
            throw new BadInputException("--as-of " + asOf + " is before the log's first day " + history.firstDate()
                    + ": no customer would exist yet");
        }
        LogFeatures features = asOf == null
                ? LogFeatures.compute(history, window)
                : LogFeatures.compute(history, asOf, window);

        // A feature the log cannot tell for anyone leaves its conditions out of the rules (docs/calibration.md).
        Set<Feature> untold = EnumSet.copyOf(UNKNOWN_IN_A_LOG);
        if (!features.promotionResponseKnown()) {
            untold.add(Feature.PROMO_LIFT);
        }
        Set<Feature> leftOut = EnumSet.noneOf(Feature.class);
        for (Feature f : taxonomy.featuresUsed()) {
            if (untold.contains(f)) {
                leftOut.add(f);
            }
        }
        Taxonomy judged = taxonomy.withoutConditionsOn(untold);
        RuleTableClassifier classifier = RuleTableClassifier.of(judged);
        byte[] segments = new byte[features.size()];
        classifier.classify(features.table(), segments);

        Files.createDirectories(out.toAbsolutePath().getParent());
        AtomicFile.write(out, w -> writeCsv(w, features, judged, segments));

        if (!quiet) {
            printSummary(stdout, read, history, features, judged, segments, leftOut);
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    /** The named taxonomy with every --set applied; all problems reported at once. */
    private Taxonomy taxonomy() {
        Taxonomy taxonomy = BuiltInTaxonomies.byName(taxonomyName).orElseThrow(); // checked while parsing
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : thresholds.entrySet()) {
            String path = ThresholdPaths.asTaxonomyPath(e.getKey());
            String text = e.getValue() == null ? "" : e.getValue().strip();
            if (!DECIMAL.matcher(text).matches()) {
                problems.add(new Problem("--set " + path, "the value must be a number, e.g. " + path + "=4; got '"
                        + text + "'"));
                continue;
            }
            try {
                taxonomy = taxonomy.withThreshold(path, Double.parseDouble(text));
            } catch (DefinitionException ex) {
                ex.problems().forEach(p -> problems.add(new Problem("--set " + p.path(), p.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        return taxonomy;
    }

    private void checkOut() {
        OutputLocation.file(out, "segments.csv");
    }

    static void reportSkipped(ReadSummary read, PrintWriter stderr) {
        if (read.skipped() == 0) {
            return;
        }
        stderr.println("warning: skipped " + read.skipped() + " bad line" + (read.skipped() == 1 ? "" : "s")
                + " of " + read.source() + ":");
        int shown = 0;
        for (BadLine bad : read.firstSkipped()) {
            if (shown++ == 5) {
                break;
            }
            stderr.println("  " + bad);
        }
        if (read.skipped() > shown) {
            stderr.println("  … and " + (read.skipped() - shown) + " more");
        }
        stderr.flush();
    }

    private void writeCsv(Writer w, LogFeatures features, Taxonomy taxonomy, byte[] segments) throws IOException {
        StringBuilder line = new StringBuilder(256);
        line.append("customer,segment");
        for (Feature f : Feature.all()) {
            line.append(',').append(f.key());
        }
        w.write(line.append('\n').toString());
        FeatureTable table = features.table();
        List<String> names = taxonomy.segmentNames();
        List<String> customers = features.customers();
        for (int i = 0; i < features.size(); i++) {
            line.setLength(0);
            Csv.appendField(line, customers.get(i));
            line.append(',');
            Csv.appendField(line, names.get(segments[i]));
            for (Feature f : Feature.all()) {
                line.append(',').append(number(table.get(f, i)));
            }
            w.write(line.append('\n').toString());
        }
    }

    /** The shortest text that reads back as the same float, without an exponent; empty for NaN (unknown). */
    static String number(float v) {
        if (Float.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15f) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString();
    }

    private void printSummary(PrintWriter o, ReadSummary read, PurchaseHistory history, LogFeatures features,
            Taxonomy taxonomy, byte[] segments, Set<Feature> leftOut) {
        o.printf(Locale.ROOT, "%s: %d transactions (%s), %d purchases (customer-days) of %d customers, %s to %s%n",
                read.source(), read.transactions(), read.format().key(), history.purchaseCount(),
                history.customerCount(), history.firstDate(), history.lastDate());
        o.printf(Locale.ROOT, "as of %s, window of %d month%s (%s to %s): %d of %d customers bought in the window%n",
                features.asOf(), features.windowMonths(), features.windowMonths() == 1 ? "" : "s",
                features.windowStart(), features.asOf(), features.active(), features.size());
        if (features.notYetCustomers() > 0) {
            o.printf(Locale.ROOT, "%d customers first bought after %s and are left out%n",
                    features.notYetCustomers(), features.asOf());
        }
        List<String> untold = new ArrayList<>();
        if (!leftOut.isEmpty()) {
            untold.add(leftOut.stream().map(Feature::key).collect(java.util.stream.Collectors.joining(", "))
                    + " (unknown for every customer: their conditions are left out of the rules below, and a rule"
                    + " that reads nothing else matches nobody)");
        }
        for (Feature f : taxonomy.featuresUsed()) {
            if (leftOut.contains(f) || UNKNOWN_IN_A_LOG.contains(f)) {
                continue;
            } else if (ZERO_IN_A_LOG.contains(f)) {
                untold.add(f.key() + " (taken as 0)");
            } else if (f == Feature.DISCOUNT_SHARE && !read.fields().contains(LogField.DISCOUNT)) {
                untold.add(f.key() + " (no discount column: taken as 0)");
            }
        }
        if (!untold.isEmpty()) {
            wrapTo(o, "note: the log does not tell " + String.join(", ", untold) + ".");
        }
        o.println();

        int[] counts = new int[taxonomy.size()];
        for (byte s : segments) {
            counts[s]++;
        }
        int total = segments.length;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"segment", "customers", "share", "rule (" + taxonomy.name() + ", first match wins)"});
        for (int s = 0; s < taxonomy.size(); s++) {
            Segment segment = taxonomy.segments().get(s);
            rows.add(new String[] {segment.name(), Integer.toString(counts[s]), percent(counts[s], total),
                segment.rule().map(ClassifyCommand::describe).orElse("(everyone else)")});
        }
        rows.add(new String[] {"total", Integer.toString(total), percent(total, total), ""});
        int[] width = new int[4];
        for (String[] r : rows) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        // A long rule (dib's) wraps within the table's last column, so no line passes the console width.
        int ruleColumn = width[0] + width[1] + width[2] + 6;
        for (String[] r : rows) {
            List<String> rule = SummaryTable.wrap(r[3], Math.max(20, SummaryTable.MAX_WIDTH - ruleColumn));
            String text = String.format(Locale.ROOT, "%-" + width[0] + "s  %" + width[1] + "s  %" + width[2] + "s  %s",
                    r[0], r[1], r[2], rule.get(0));
            o.println(text.stripTrailing());
            for (String more : rule.subList(1, rule.size())) {
                o.println(" ".repeat(ruleColumn) + more);
            }
        }
        o.println();
        o.printf(Locale.ROOT, "wrote %s (%d customers: customer, segment, %d features)%n", out, total,
                Feature.all().size());
    }

    /** A rule as text, clauses in parentheses when there are several: {@code (a and b) or (c and d)}. */
    static String describe(Rule rule) {
        List<List<Condition>> clauses = rule.anyOf();
        return clauses.stream().map(clause -> {
            String text = clause.stream().map(c -> c.feature().key() + " " + c.comparison().symbol() + " "
                    + number(c.threshold())).collect(Collectors.joining(" and "));
            return clauses.size() > 1 && clause.size() > 1 ? "(" + text + ")" : text;
        }).collect(Collectors.joining(" or "));
    }

    private static void wrapTo(PrintWriter o, String text) {
        List<String> lines = new ArrayList<>();
        wrap(lines, "", "      ", text);
        lines.forEach(o::println);
    }

    private static String percent(int count, int total) {
        return String.format(Locale.ROOT, "%.2f%%", total == 0 ? 0.0 : 100.0 * count / total);
    }

    /** yyyy-MM-dd or yyyyMMdd, like the log. */
    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return TransactionLogReader.parseDate(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The built-in taxonomy names, for the help and shell completion. */
    static final class TaxonomyNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return BuiltInTaxonomies.names().iterator();
        }
    }
}
