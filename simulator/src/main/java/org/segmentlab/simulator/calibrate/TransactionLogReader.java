package org.segmentlab.simulator.calibrate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

import org.segmentlab.simulator.csv.CsvReader;

/**
 * Reads a customer transaction log line by line and hands each {@link Transaction} to a consumer, so a log of
 * any length is read once and never held in memory. Two layouts ({@link TransactionLogFormat}): whitespace
 * columns without a header (CDNOW: full id, sample id, {@code yyyyMMdd}, quantity, amount) and CSV with a header;
 * which column holds which field is a {@link ColumnMapping}.
 *
 * <p>Values: the customer id is kept as written (trimmed; it must not be empty); a date is {@code yyyyMMdd} or
 * ISO {@code yyyy-MM-dd}, optionally followed by {@code T} or a space and a time of day, which is ignored;
 * amount, quantity and discount are plain decimal numbers ({@code 12}, {@code -0.5}, {@code 1.5e3}; no currency
 * signs or thousands separators) and must be {@code >= 0}. An empty quantity (CSV) means unknown; an empty
 * discount means none; a discount may also be written {@code 10%}, {@code yes}/{@code no} or
 * {@code true}/{@code false}. The file must be UTF-8 (a byte-order mark is skipped).
 *
 * <p>Limits, so that any input is read in bounded memory and a hostile one no further than needed: a line of a
 * whitespace log has at most {@value #MAX_LINE_CHARS} characters, a field at most {@value #MAX_FIELD_CHARS} (a
 * CSV record at most {@value #MAX_CSV_FIELDS} fields); an amount or discount is at most {@value #MAX_AMOUNT_TEXT},
 * a quantity at most {@value #MAX_QUANTITY_TEXT}, and a customer's amounts add up to at most
 * {@value #MAX_CUSTOMER_TOTAL_TEXT} (checked by {@link PurchaseHistory.Builder}), so every sum is finite. A NUL
 * character means the input is not text ({@code /dev/zero}, an archive) and stops the read.
 *
 * <p>A bad line stops the read with a {@link TransactionLogException} whose message is
 * {@code file:line:column: field: what is wrong} (e.g. {@code CDNOW_sample.txt:17:26: amount: not a number: 'abc'}). A
 * reader made with {@link #skippingBadLines()} skips bad lines instead and counts them in the {@link ReadSummary};
 * problems with the file as a whole (a header without a mapped column, text that is not UTF-8) always stop it.
 * Immutable and thread-safe; each {@code read} is independent.
 */
public final class TransactionLogReader {

    /** How many skipped lines a {@link ReadSummary} keeps to show the user. */
    public static final int REPORTED_BAD_LINES = 20;

    /** The most characters of one field (an id, a date, a number): longer is not a transaction log. */
    public static final int MAX_FIELD_CHARS = 4096;
    /** The most characters of one line of a whitespace log (or of a CSV header). */
    public static final int MAX_LINE_CHARS = 65536;
    /** The most fields of one CSV record. */
    public static final int MAX_CSV_FIELDS = 1024;
    /** The largest amount (or discount amount) of one line. */
    public static final double MAX_AMOUNT = 1e12;
    static final String MAX_AMOUNT_TEXT = "1e12";
    /** The largest quantity of one line. */
    public static final double MAX_QUANTITY = 1e9;
    static final String MAX_QUANTITY_TEXT = "1e9";
    /** The largest sum of one customer's amounts: far from overflow, so totals and means stay finite. */
    public static final double MAX_CUSTOMER_TOTAL = 1e15;
    static final String MAX_CUSTOMER_TOTAL_TEXT = "1e15";

    /** How far {@link TransactionLogFormat#AUTO} looks for the first line. */
    private static final int SNIFF_CHARS = 1 << 16;

    private static final LogField[] FIELDS = LogField.values();

    private final TransactionLogFormat format;
    private final ColumnMapping mapping;
    private final boolean skipBadLines;

    private TransactionLogReader(TransactionLogFormat format, ColumnMapping mapping, boolean skipBadLines) {
        this.format = Objects.requireNonNull(format, "format");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.skipBadLines = skipBadLines;
    }

    /** A reader that fails at the first bad line. */
    public static TransactionLogReader of(TransactionLogFormat format, ColumnMapping mapping) {
        return new TransactionLogReader(format, mapping, false);
    }

    /** The CDNOW layout: whitespace columns, default mapping. */
    public static TransactionLogReader cdnow() {
        return of(TransactionLogFormat.WHITESPACE, ColumnMapping.defaults());
    }

    /** The same reader, but bad lines are skipped and counted instead of failing the read. */
    public TransactionLogReader skippingBadLines() {
        return new TransactionLogReader(format, mapping, true);
    }

    public TransactionLogFormat format() {
        return format;
    }

    public ColumnMapping mapping() {
        return mapping;
    }

    /**
     * Reads a file; messages name it as given.
     *
     * @throws TransactionLogException on bad input (located)
     * @throws IOException             when the file cannot be read
     */
    public ReadSummary read(Path file, Consumer<? super Transaction> sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), sink);
        }
    }

    /**
     * Reads a stream of UTF-8 text (not closed here). {@code source} names it in messages and, for
     * {@link TransactionLogFormat#AUTO}, its extension helps decide the layout.
     *
     * @throws TransactionLogException on bad input (located)
     * @throws IOException             when the stream cannot be read
     */
    public ReadSummary read(InputStream in, String source, Consumer<? super Transaction> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        Run run = new Run(source, sink);
        try {
            skipByteOrderMark(reader);
            TransactionLogFormat resolved = format == TransactionLogFormat.AUTO
                    ? detect(source, firstLine(reader))
                    : format;
            if (resolved == TransactionLogFormat.CSV) {
                readCsv(reader, run);
            } else {
                readWhitespace(reader, run);
            }
            return run.summary(resolved);
        } catch (CharacterCodingException e) {
            throw new TransactionLogException(new BadLine(source, Math.max(1, run.line),
                    "not valid UTF-8 text at or after this line (save the file as UTF-8)"));
        }
    }

    // ---- layouts ----------------------------------------------------------------------------------------------

    private void readWhitespace(BufferedReader reader, Run run) throws IOException {
        int[] columns = whitespaceColumns(run.source);
        run.columns = columns;
        int needed = 0;
        for (int c : columns) {
            needed = Math.max(needed, c + 1);
        }
        int[] starts = new int[needed];
        int[] ends = new int[needed];
        String[] values = new String[FIELDS.length];
        long[] lines = new long[FIELDS.length];
        int[] at = new int[FIELDS.length];
        BoundedLineReader lineReader = new BoundedLineReader(reader, MAX_LINE_CHARS);
        while (true) {
            String text;
            run.line++;
            try {
                text = lineReader.next();
            } catch (BoundedLineReader.BadLineText e) {
                tooLongOrBinary(run, e);
                skipRest(run, lineReader);
                continue;
            }
            if (text == null) {
                run.line--;
                break;
            }
            int found = tokenize(text, starts, ends);
            if (found == 0 || text.charAt(starts[0]) == '#') {
                continue;
            }
            if (found < needed) {
                run.bad("expected at least " + needed + " whitespace-separated columns, got " + found);
                continue;
            }
            boolean ok = true;
            for (LogField f : FIELDS) {
                int c = columns[f.ordinal()];
                if (c >= 0 && ends[c] - starts[c] > MAX_FIELD_CHARS) {
                    run.bad(run.line, starts[c] + 1, f.key() + ": " + tooLongField(ends[c] - starts[c]));
                    ok = false;
                    break;
                }
                values[f.ordinal()] = c < 0 ? null : text.substring(starts[c], ends[c]);
                lines[f.ordinal()] = run.line;
                at[f.ordinal()] = c < 0 ? 0 : starts[c] + 1;
            }
            if (ok) {
                run.accept(values, lines, at);
            }
        }
    }

    private static String tooLongField(int length) {
        return "the value has " + length + " characters; a field may have at most " + MAX_FIELD_CHARS;
    }

    /** A line the line reader refused: binary data stops the read; a line too long is a bad line. */
    private static void tooLongOrBinary(Run run, BoundedLineReader.BadLineText e) {
        if (e.binary()) {
            throw new TransactionLogException(new BadLine(run.source, run.line, e.column(),
                    "a NUL character: this is binary data, not a text transaction log"));
        }
        run.bad(run.line, e.column(), "the line is longer than " + MAX_LINE_CHARS + " characters; a line may have at most "
                + MAX_LINE_CHARS + " (is this a transaction log?)");
    }

    /** After a bad line too long (skipped, since the read goes on): to the next line. */
    private static void skipRest(Run run, BoundedLineReader lineReader) throws IOException {
        try {
            lineReader.skipRestOfLine();
        } catch (BoundedLineReader.BadLineText e) {
            throw new TransactionLogException(new BadLine(run.source, run.line, 0,
                    "a NUL character: this is binary data, not a text transaction log"));
        }
    }

    /** 0-based column per field, -1 when the field is not read. */
    private int[] whitespaceColumns(String source) {
        return columns(source, 0, (f, ref) -> {
            int position = position(ref);
            if (position < 1) {
                throw fileProblem(source, 0, f.key() + ": a whitespace log's columns are numbered from 1, got '"
                        + ref + "' (only a CSV log has column names)");
            }
            return position - 1;
        }, f -> f.whitespaceColumn().orElse(0) - 1, column -> Integer.toString(column + 1));
    }

    /** How a format finds the column of a field the mapping names ({@code ref}); throws when there is none. */
    @FunctionalInterface
    private interface NamedColumn {
        int find(LogField f, String ref);
    }

    /**
     * 0-based column per field, -1 when the field is not read: -1 for a field the mapping ignores, the named column
     * for one it maps, the format's default column otherwise; two fields may not read the same column.
     *
     * @param named       the column of a field the mapping names
     * @param byDefault   the column of a field the mapping leaves to the format (-1 when not read)
     * @param columnName  a column as the error message names it
     */
    private int[] columns(String source, long line, NamedColumn named, ToIntFunction<LogField> byDefault,
                          IntFunction<String> columnName) {
        int[] columns = new int[FIELDS.length];
        Map<Integer, LogField> used = new HashMap<>();
        for (LogField f : FIELDS) {
            int column;
            if (mapping.ignores(f)) {
                column = -1;
            } else if (mapping.column(f).isPresent()) {
                column = named.find(f, mapping.column(f).get());
            } else {
                column = byDefault.applyAsInt(f);
            }
            columns[f.ordinal()] = column;
            if (column >= 0) {
                LogField other = used.putIfAbsent(column, f);
                if (other != null) {
                    throw fileProblem(source, line, other.key() + " and " + f.key() + " both read column "
                            + columnName.apply(column) + " (map one of them elsewhere, or an optional one to '"
                            + ColumnMapping.NONE + "')");
                }
            }
        }
        return columns;
    }

    /** Splits on runs of spaces and tabs; records up to {@code starts.length} tokens; returns how many it found. */
    private static int tokenize(String text, int[] starts, int[] ends) {
        int n = 0;
        int i = 0;
        int length = text.length();
        while (i < length && n < starts.length) {
            while (i < length && isBlank(text.charAt(i))) {
                i++;
            }
            if (i == length) {
                break;
            }
            starts[n] = i;
            while (i < length && !isBlank(text.charAt(i))) {
                i++;
            }
            ends[n++] = i;
        }
        return n;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000b';
    }

    private void readCsv(BufferedReader reader, Run run) throws IOException {
        // The header decides the delimiter, so read it before building the parser on the rest.
        String headerLine = null;
        long headerLineNumber = 0;
        String text;
        while ((text = headerLine(reader, run.source, headerLineNumber + 1)) != null) {
            headerLineNumber++;
            if (!text.isBlank()) {
                headerLine = text;
                break;
            }
        }
        run.line = headerLineNumber;
        if (headerLine == null) {
            return;
        }
        char delimiter = delimiterOf(headerLine);
        List<String> header = new ArrayList<>();
        try {
            CsvReader headerParser = new CsvReader(new StringReader(headerLine), delimiter, headerLineNumber,
                    MAX_FIELD_CHARS, MAX_CSV_FIELDS, false);
            headerParser.next(header);
        } catch (CsvReader.MalformedRecord e) {
            throw new TransactionLogException(new BadLine(run.source, headerLineNumber, e.column(),
                    "header: " + e.getMessage()));
        }
        int[] columns = csvColumns(header, run.source, headerLineNumber);
        run.columns = columns;
        int needed = 0;
        for (int c : columns) {
            needed = Math.max(needed, c + 1);
        }
        CsvReader parser = new CsvReader(reader, delimiter, headerLineNumber + 1, MAX_FIELD_CHARS, MAX_CSV_FIELDS,
                skipBadLines);
        List<String> record = new ArrayList<>();
        String[] values = new String[FIELDS.length];
        long[] lines = new long[FIELDS.length];
        int[] at = new int[FIELDS.length];
        while (true) {
            boolean more;
            try {
                more = parser.next(record);
            } catch (CsvReader.MalformedRecord e) {
                run.line = e.line();
                if (e.binary()) {
                    throw new TransactionLogException(new BadLine(run.source, e.line(), e.column(), e.getMessage()));
                }
                run.bad(e.line(), e.column(), e.getMessage());
                continue;
            }
            if (!more) {
                break;
            }
            run.line = parser.recordLine();
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (record.size() < needed) {
                run.bad("expected at least " + needed + " fields, got " + record.size());
                continue;
            }
            for (LogField f : FIELDS) {
                int c = columns[f.ordinal()];
                values[f.ordinal()] = c < 0 ? null : record.get(c);
                lines[f.ordinal()] = c < 0 ? run.line : parser.fieldLine(c);
                at[f.ordinal()] = c < 0 ? 0 : parser.fieldColumn(c);
            }
            run.accept(values, lines, at);
        }
        run.line = Math.max(headerLineNumber, parser.lastLine());
    }

    /**
     * One line of a CSV file's head, read a character at a time (the rest of the reader goes to the CSV parser)
     * and refused past {@link #MAX_LINE_CHARS} or at a NUL; null at the end of the input.
     */
    private static String headerLine(BufferedReader reader, String source, long number) throws IOException {
        StringBuilder b = new StringBuilder();
        int c = reader.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            if (c == 0) {
                throw new TransactionLogException(new BadLine(source, number, b.length() + 1,
                        "a NUL character: this is binary data, not a text transaction log"));
            }
            if (b.length() == MAX_LINE_CHARS) {
                throw new TransactionLogException(new BadLine(source, number, MAX_LINE_CHARS + 1, "header: the line"
                        + " is longer than " + MAX_LINE_CHARS + " characters; a header may have at most " + MAX_LINE_CHARS));
            }
            b.append((char) c);
            c = reader.read();
        }
        if (c == '\r') {
            reader.mark(1);
            if (reader.read() != '\n') {
                reader.reset();
            }
        }
        return b.toString();
    }

    private static char delimiterOf(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    commas++;
                } else if (c == ';') {
                    semicolons++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }

    /** 0-based column per field, -1 when not read; resolves names against the header. */
    private int[] csvColumns(List<String> header, String source, long line) {
        List<String> names = new ArrayList<>(header.size());
        for (String h : header) {
            names.add(h.strip());
        }
        String listed = String.join(", ", names);
        return columns(source, line, (f, ref) -> {
            int column = namedColumn(ref, names);
            if (column == -2) {
                throw fileProblem(source, line, f.key() + ": the header has two columns named '" + ref
                        + "' (name the column by its position, from 1)");
            }
            if (column < 0) {
                throw fileProblem(source, line, f.key() + ": no column '" + ref + "' in the header; its "
                        + names.size() + " columns are: " + listed);
            }
            return column;
        }, f -> {
            int column = defaultColumn(f, names, source, line);
            if (column < 0 && f.required()) {
                throw fileProblem(source, line, f.key() + ": no column named " + String.join(", ", f.headerNames())
                        + " (ignoring case and punctuation) in the header; its columns are: " + listed
                        + ". Say which column holds the " + f.key() + " (command line: --" + f.key()
                        + " COLUMN); if the file has no header, it is not CSV: use the whitespace format");
            }
            return column;
        }, column -> "'" + names.get(column) + "'");
    }

    /** Exact name, else a unique name ignoring case and punctuation, else a 1-based position; -1 none, -2 ambiguous. */
    private static int namedColumn(String ref, List<String> names) {
        int exact = names.indexOf(ref);
        if (exact >= 0) {
            return names.lastIndexOf(ref) == exact ? exact : -2;
        }
        String wanted = LogField.normalize(ref);
        int found = -1;
        if (!wanted.isEmpty()) {
            for (int i = 0; i < names.size(); i++) {
                if (LogField.normalize(names.get(i)).equals(wanted)) {
                    if (found >= 0) {
                        return -2;
                    }
                    found = i;
                }
            }
        }
        if (found >= 0) {
            return found;
        }
        int position = position(ref);
        return position >= 1 && position <= names.size() ? position - 1 : -1;
    }

    /** The header column whose name is the field's earliest recognised name; -1 if none. */
    private static int defaultColumn(LogField f, List<String> names, String source, long line) {
        for (String alias : f.headerNames()) {
            int found = -1;
            for (int i = 0; i < names.size(); i++) {
                if (LogField.normalize(names.get(i)).equals(alias)) {
                    if (found >= 0) {
                        throw fileProblem(source, line, f.key() + ": the header has two columns that could hold the "
                                + f.key() + " ('" + names.get(found) + "' and '" + names.get(i) + "'); say which");
                    }
                    found = i;
                }
            }
            if (found >= 0) {
                return found;
            }
        }
        return -1;
    }

    /** A positive decimal integer, or -1. */
    private static int position(String ref) {
        if (ref.isEmpty() || ref.length() > 9) {
            return -1;
        }
        for (int i = 0; i < ref.length(); i++) {
            if (ref.charAt(i) < '0' || ref.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(ref);
    }

    // ---- format detection ---------------------------------------------------------------------------------------

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** The first non-blank line (or as much of it as fits the sniffing window), leaving the reader where it was. */
    private static String firstLine(BufferedReader reader) throws IOException {
        reader.mark(SNIFF_CHARS);
        StringBuilder b = new StringBuilder();
        int read = 0;
        int c;
        while (read < SNIFF_CHARS - 1 && (c = reader.read()) >= 0) {
            read++;
            if (c == '\n' || c == '\r') {
                if (!b.toString().isBlank()) {
                    break;
                }
                b.setLength(0);
            } else {
                b.append((char) c);
            }
        }
        reader.reset();
        return b.toString();
    }

    /** See {@link TransactionLogFormat#AUTO}. */
    static TransactionLogFormat detect(String source, String firstLine) {
        String name = source.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            return TransactionLogFormat.CSV;
        }
        if (firstLine.indexOf(',') >= 0 || firstLine.indexOf(';') >= 0 || firstLine.indexOf('\t') >= 0) {
            return TransactionLogFormat.CSV;
        }
        return TransactionLogFormat.WHITESPACE;
    }

    private static TransactionLogException fileProblem(String source, long line, String message) {
        return new TransactionLogException(new BadLine(source, line, message));
    }

    // ---- values -----------------------------------------------------------------------------------------------

    /** A value that cannot be parsed; cheap (no stack trace), caught per line. */
    private static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        BadValue(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses a date: {@code yyyyMMdd}, or {@code yyyy-MM-dd} optionally followed by {@code T}/space and a time. */
    public static LocalDate parseDate(String text) {
        try {
            return date(text.strip());
        } catch (BadValue e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static LocalDate date(String t) throws BadValue {
        int year;
        int month;
        int day;
        if (t.length() == 8 && digits(t, 0, 8)) {
            year = Integer.parseInt(t, 0, 4, 10);
            month = Integer.parseInt(t, 4, 6, 10);
            day = Integer.parseInt(t, 6, 8, 10);
        } else if (t.length() >= 10 && digits(t, 0, 4) && t.charAt(4) == '-' && digits(t, 5, 7) && t.charAt(7) == '-'
                && digits(t, 8, 10) && (t.length() == 10 || t.charAt(10) == 'T' || t.charAt(10) == ' ')) {
            year = Integer.parseInt(t, 0, 4, 10);
            month = Integer.parseInt(t, 5, 7, 10);
            day = Integer.parseInt(t, 8, 10, 10);
        } else {
            throw new BadValue("not a date (yyyyMMdd or yyyy-MM-dd): '" + t + "'");
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new BadValue("no such day: '" + t + "'");
        }
    }

    private static boolean digits(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A plain decimal number: optional sign, digits with an optional fraction, optional exponent. */
    private static double number(String t) throws BadValue {
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int mantissa = 0;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
            mantissa++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                mantissa++;
            }
        }
        boolean ok = mantissa > 0;
        if (ok && i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                exponent++;
            }
            ok = exponent > 0;
        }
        if (!ok || i != n) {
            throw new BadValue("not a number: '" + t + "'");
        }
        double v = Double.parseDouble(t);
        if (Double.isInfinite(v)) {
            throw new BadValue("number too large: '" + t + "'");
        }
        return v;
    }

    private static double nonNegative(String t) throws BadValue {
        double v = number(t);
        if (v < 0) {
            throw new BadValue("must be >= 0, got " + t);
        }
        return v == 0 ? 0 : v; // no negative zero
    }

    private static double discount(String t) throws BadValue {
        switch (t.toLowerCase(Locale.ROOT)) {
            case "":
            case "no":
            case "n":
            case "false":
                return 0;
            case "yes":
            case "y":
            case "true":
                return 1;
            default:
                if (t.endsWith("%")) {
                    return nonNegative(t.substring(0, t.length() - 1).strip()) / 100;
                }
                return nonNegative(t);
        }
    }

    // ---- one read ---------------------------------------------------------------------------------------------

    /** The state of one read: position, counts, skipped lines. */
    private final class Run {
        final String source;
        final Consumer<? super Transaction> sink;
        long line;
        /** The resolved column of each field (-1: not read); null until the layout is known. */
        int[] columns;
        long transactions;
        long skipped;
        LocalDate lastDate;
        long lastDateLine;
        int lastDateColumn;
        final List<BadLine> firstSkipped = new ArrayList<>();

        Run(String source, Consumer<? super Transaction> sink) {
            this.source = source;
            this.sink = sink;
        }

        void bad(String message) {
            bad(line, 0, message);
        }

        void bad(long atLine, int atColumn, String message) {
            BadLine bad = new BadLine(source, atLine, atColumn, message);
            if (!skipBadLines) {
                throw new TransactionLogException(bad);
            }
            skipped++;
            if (firstSkipped.size() < REPORTED_BAD_LINES) {
                firstSkipped.add(bad);
            }
        }

        /** One line's values, each with the line and column it starts at (for CSV, a record may span lines). */
        void accept(String[] values, long[] lines, int[] columnsAt) {
            Transaction t;
            LogField at = LogField.CUSTOMER;
            try {
                String customer = values[LogField.CUSTOMER.ordinal()].strip();
                if (customer.isEmpty()) {
                    throw new BadValue("empty");
                }
                at = LogField.DATE;
                LocalDate date = date(values[LogField.DATE.ordinal()].strip());
                at = LogField.AMOUNT;
                String amountText = values[LogField.AMOUNT.ordinal()].strip();
                double amount = number(amountText);
                if (amount < 0) {
                    throw new BadValue("must be >= 0, got " + amountText
                            + " (returns are not supported: remove them, or skip bad lines)");
                }
                atMost(amount, MAX_AMOUNT, MAX_AMOUNT_TEXT, amountText);
                at = LogField.QUANTITY;
                String q = values[LogField.QUANTITY.ordinal()];
                double quantity = q == null || q.isBlank() ? Double.NaN : nonNegative(q.strip());
                if (!Double.isNaN(quantity)) {
                    atMost(quantity, MAX_QUANTITY, MAX_QUANTITY_TEXT, q.strip());
                }
                at = LogField.DISCOUNT;
                String d = values[LogField.DISCOUNT.ordinal()];
                double discount = d == null ? 0 : discount(d.strip());
                atMost(discount, MAX_AMOUNT, MAX_AMOUNT_TEXT, d == null ? "" : d.strip());
                t = new Transaction(customer, date, amount == 0 ? 0 : amount, quantity, discount);
            } catch (BadValue e) {
                bad(lines[at.ordinal()], columnsAt[at.ordinal()], at.key() + ": " + e.getMessage());
                return;
            }
            try {
                sink.accept(t);
            } catch (RejectedTransaction e) {
                LogField f = e.field();
                bad(lines[f.ordinal()], columnsAt[f.ordinal()], f.key() + ": " + e.getMessage());
                return;
            }
            transactions++;
            if (lastDate == null || t.date().isAfter(lastDate)) {
                lastDate = t.date();
                lastDateLine = lines[LogField.DATE.ordinal()];
                lastDateColumn = columnsAt[LogField.DATE.ordinal()];
            }
        }

        private void atMost(double value, double max, String maxText, String text) throws BadValue {
            if (value > max) {
                throw new BadValue("must be at most " + maxText + ", got " + text);
            }
        }

        ReadSummary summary(TransactionLogFormat resolved) {
            Set<LogField> fields = EnumSet.noneOf(LogField.class);
            for (LogField f : FIELDS) {
                if (columns == null ? f.required() : columns[f.ordinal()] >= 0) {
                    fields.add(f);
                }
            }
            BadLine lastDateAt = lastDate == null ? null
                    : new BadLine(source, lastDateLine, lastDateColumn, "date: " + lastDate + ", the log's last day");
            return new ReadSummary(source, resolved, fields, line, transactions, skipped, firstSkipped, lastDateAt);
        }
    }
}
