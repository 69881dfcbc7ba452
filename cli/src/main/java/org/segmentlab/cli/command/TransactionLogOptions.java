package org.segmentlab.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Consumer;

import org.segmentlab.cli.BadInputException;
import org.segmentlab.cli.Progress;
import org.segmentlab.cli.option.OptionTypes;
import org.segmentlab.simulator.calibrate.ColumnMapping;
import org.segmentlab.simulator.calibrate.LogField;
import org.segmentlab.simulator.calibrate.ReadSummary;
import org.segmentlab.simulator.calibrate.Transaction;
import org.segmentlab.simulator.calibrate.TransactionLogFormat;
import org.segmentlab.simulator.calibrate.TransactionLogReader;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options that say how to read a transaction log (layout, column mapping, bad lines), shared as a picocli
 * mixin by every verb that reads one ({@code classify}, {@code calibrate}).
 */
public final class TransactionLogOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto", converter = FormatConverter.class,
            completionCandidates = FormatNames.class,
            description = {
                "Layout of the log: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
                "whitespace: no header, columns separated by spaces or tabs, numbered from 1 (the CDNOW layout:"
                        + " customer 1, date 3, quantity 4, amount 5). csv: a header line, then comma-, semicolon-"
                        + " or tab-separated records with \"quotes\". auto: csv when the name ends in .csv or .tsv"
                        + " or the first line holds a comma, semicolon or tab; whitespace otherwise."})
    TransactionLogFormat format;

    @Option(names = "--customer", paramLabel = "COL", converter = OptionTypes.ColumnName.class,
            description = "Column of the customer id: a CSV header name or a position from 1. Default: whitespace"
                    + " column 1; CSV header customer, customer_id, cust_id, client or client_id (any case).")
    String customer;

    @Option(names = "--date", paramLabel = "COL", converter = OptionTypes.ColumnName.class,
            description = "Column of the date (yyyyMMdd or yyyy-MM-dd, a time after it is ignored). Default:"
                    + " whitespace column 3; CSV header date, order_date, transaction_date, purchase_date or"
                    + " invoice_date.")
    String date;

    @Option(names = "--amount", paramLabel = "COL", converter = OptionTypes.ColumnName.class,
            description = "Column of the amount (a plain number from 0 to 1e12: no currency sign, no thousands separator)."
                    + " Default: whitespace column 5; CSV header amount, revenue, sales, value or total.")
    String amount;

    @Option(names = "--quantity", paramLabel = "COL", converter = OptionTypes.ColumnName.class,
            description = "Column of the quantity (optional; 'none' to ignore it). Default: whitespace column 4;"
                    + " CSV header quantity, qty or items, if present.")
    String quantity;

    @Option(names = "--discount", paramLabel = "COL", converter = OptionTypes.ColumnName.class,
            description = "Column of the discount (optional): an amount, a rate, 10%%, yes/no or true/false; a line"
                    + " with a discount > 0 is a discounted purchase. Default: CSV header discount, if present;"
                    + " without it discountShare is 0.")
    String discount;

    @Option(names = {"--skip-bad-lines", "--skip-bad"},
            description = "Skip lines that cannot be read (and say how many) instead of stopping at the first."
                    + " Binary data (a NUL character) always stops the read.")
    boolean skipBadLines;

    /** The column mapping the options describe. */
    public ColumnMapping mapping() {
        ColumnMapping m = ColumnMapping.defaults();
        try {
            m = with(m, LogField.CUSTOMER, customer);
            m = with(m, LogField.DATE, date);
            m = with(m, LogField.AMOUNT, amount);
            m = with(m, LogField.QUANTITY, quantity);
            m = with(m, LogField.DISCOUNT, discount);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--" + e.getMessage());
        }
        return m;
    }

    private static ColumnMapping with(ColumnMapping m, LogField field, String column) {
        return column == null ? m : m.with(field, column);
    }

    public TransactionLogReader reader() {
        TransactionLogReader reader = TransactionLogReader.of(format, mapping());
        return skipBadLines ? reader.skippingBadLines() : reader;
    }

    /**
     * Reads {@code log} into {@code sink}, with a progress bar on a large file at an interactive console.
     *
     * @throws BadInputException when the file does not exist or cannot be read
     */
    public ReadSummary read(Path log, boolean quiet, Consumer<? super Transaction> sink) throws IOException {
        if (!Files.exists(log)) {
            throw new BadInputException("LOG: no such file: " + log);
        }
        if (Files.isDirectory(log)) {
            throw new BadInputException("LOG: " + log + " is a folder, not a file");
        }
        if (!Files.isReadable(log)) {
            throw new BadInputException("LOG: cannot read " + log + " (permission denied)");
        }
        TransactionLogReader reader = reader();
        try (InputStream in = Progress.reading(Files.newInputStream(log), Files.size(log), "Reading " + log.getFileName(), quiet)) {
            return reader.read(in, log.toString(), sink);
        }
    }

    /** {@code auto}, {@code whitespace}, {@code csv} (any case). */
    static final class FormatConverter implements ITypeConverter<TransactionLogFormat> {
        @Override
        public TransactionLogFormat convert(String value) {
            return TransactionLogFormat.byKey(value).orElseThrow(() -> new TypeConversionException(
                    "unknown format '" + value + "'; allowed: " + TransactionLogFormat.allowedKeys()));
        }
    }

    /** The format names, for the help and shell completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(TransactionLogFormat.values()).map(TransactionLogFormat::key).iterator();
        }
    }
}
