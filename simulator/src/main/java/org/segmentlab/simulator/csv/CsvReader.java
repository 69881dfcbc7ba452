package org.segmentlab.simulator.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one CSV reader of SegmentLab (the writing side is {@link Csv}): a small streaming RFC 4180 parser. Fields are
 * separated by one delimiter character, optionally enclosed in double quotes; inside quotes {@code ""} is a quote
 * and delimiters and line breaks are text (a line break inside quotes is read as LF). CR, LF and CRLF all end a
 * line; an empty line is a record of one empty field. Spaces (and tabs, unless tab is the delimiter) before an
 * opening quote and after a closing quote are ignored; an unquoted field is taken as is, blanks included (a stray
 * quote inside it is kept as text). Text after a closing quote is an error. Not thread-safe.
 *
 * <p>Located: every record and every field knows the physical line and column it starts on, and a
 * {@link MalformedRecord} says where the problem is, so a reader can report {@code file:line:column}.
 *
 * <p>Bounded: a field longer than {@code maxFieldChars} or a record of more than {@code maxFields} fields is
 * refused as soon as the limit is passed, so no giant String is ever built (a quoted field whose closing quote is
 * missing is stopped at the limit too); a NUL character stops the parse (binary data, not text).
 */
public final class CsvReader {

    /** The default limit of {@link #of(Reader)}: characters in one field. */
    public static final int DEFAULT_MAX_FIELD_CHARS = 1 << 20;
    /** The default limit of {@link #of(Reader)}: fields in one record. */
    public static final int DEFAULT_MAX_FIELDS = 1 << 16;

    /**
     * A record that is not valid CSV, with its location. After an error in a quoted field's text or (when the reader
     * resynchronises) a limit, the reader has skipped the rest of the line and can go on.
     */
    public static final class MalformedRecord extends Exception {
        private static final long serialVersionUID = 1L;
        private final long line;
        private final int column;
        private final boolean binary;

        MalformedRecord(long line, int column, String message) {
            this(line, column, message, false);
        }

        MalformedRecord(long line, int column, String message, boolean binary) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
            this.binary = binary;
        }

        /** The physical line (1-based) of the problem. */
        public long line() {
            return line;
        }

        /** 1-based column of the problem on {@link #line()}; 0 when unknown. */
        public int column() {
            return column;
        }

        /** Whether the input held a NUL character: not text at all, so the read cannot go on. */
        public boolean binary() {
            return binary;
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final int maxFieldChars;
    private final int maxFields;
    private final boolean resynchronise;
    private long[] fieldLines = new long[16];
    private int[] fieldColumns = new int[16];
    private final char[] buffer;
    private final StringBuilder field = new StringBuilder();
    private int position;
    private int limit;
    /** Physical line of the next character to read (1-based). */
    private long line;
    /** Column of the character last read on the current line (1-based; 0 before its first). */
    private int column;
    /** Whether characters were read since the last line break. */
    private boolean midLine;
    private long recordLine;

    /**
     * A parser whose first line is line {@code firstLine} of the file (lines before it were read elsewhere).
     *
     * @param resynchronise whether a record refused for a limit is skipped to the end of its line so the parse can
     *                      go on (when bad lines are skipped), rather than left where the limit was passed
     */
    public CsvReader(Reader in, char delimiter, long firstLine, int maxFieldChars, int maxFields, boolean resynchronise) {
        this(in, null, delimiter, firstLine, maxFieldChars, maxFields, resynchronise);
    }

    private CsvReader(Reader in, char[] text, char delimiter, long firstLine, int maxFieldChars, int maxFields,
                      boolean resynchronise) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("a CSV delimiter cannot be a quote or a line break");
        }
        if (maxFieldChars < 1 || maxFields < 1) {
            throw new IllegalArgumentException("the limits must be at least 1, got " + maxFieldChars + " and " + maxFields);
        }
        this.in = in;
        this.delimiter = delimiter;
        this.line = firstLine;
        this.maxFieldChars = maxFieldChars;
        this.maxFields = maxFields;
        this.resynchronise = resynchronise;
        if (text == null) {
            this.buffer = new char[1 << 16];
        } else {
            // The whole input is already here: read it in place, and the first fill finds the end.
            this.buffer = text;
            this.limit = text.length;
        }
    }

    /** A comma-separated reader from line 1 with the default limits, not resynchronising. */
    public static CsvReader of(Reader in) {
        return new CsvReader(in, ',', 1, DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_FIELDS, false);
    }

    /**
     * The fields of one comma-separated record held in a string (a line of a table; a quoted field may hold a line
     * break). Text after the record's end is ignored.
     *
     * @throws MalformedRecord when the text is not valid CSV (line 1 is the string's first line)
     */
    public static List<String> split(String record) throws MalformedRecord {
        CsvReader reader = new CsvReader(null, record.toCharArray(), ',', 1, DEFAULT_MAX_FIELD_CHARS,
                DEFAULT_MAX_FIELDS, false);
        List<String> fields = new ArrayList<>();
        try {
            if (!reader.next(fields)) {
                fields.add(""); // the empty string is one empty field
            }
        } catch (IOException e) {
            throw new AssertionError("reading a string", e); // no Reader: fill() never reads
        }
        return fields;
    }

    /** The physical line on which field {@code i} of the record last returned by {@link #next} starts. */
    public long fieldLine(int i) {
        return fieldLines[i];
    }

    /** The 1-based column at which field {@code i} of the record last returned by {@link #next} starts. */
    public int fieldColumn(int i) {
        return fieldColumns[i];
    }

    /** The physical line (of the file) on which the record last returned by {@link #next} started. */
    public long recordLine() {
        return recordLine;
    }

    /** The file's last physical line consumed so far (a last line without a line break counts). */
    public long lastLine() {
        return line - 1 + (midLine ? 1 : 0);
    }

    /**
     * Reads the next record into {@code fields} (cleared first).
     *
     * @return false at the end of the input
     * @throws MalformedRecord when the record is not valid CSV (the parser is then positioned after it)
     */
    public boolean next(List<String> fields) throws IOException, MalformedRecord {
        fields.clear();
        int c = read();
        if (c == EOF) {
            return false;
        }
        recordLine = line;
        while (true) {
            field.setLength(0);
            if (fields.size() == maxFields) {
                throw refused(line, column, "more than " + maxFields + " fields in one record; at most " + maxFields
                        + " are read (is the delimiter right?)");
            }
            if (fields.size() == fieldLines.length) {
                int grown = (int) Math.min(maxFields, 2L * fieldLines.length);
                fieldLines = Arrays.copyOf(fieldLines, grown);
                fieldColumns = Arrays.copyOf(fieldColumns, grown);
            }
            fieldLines[fields.size()] = line;
            fieldColumns[fields.size()] = Math.max(1, column);
            // Leading blanks: dropped if a quote follows, part of the field otherwise.
            while (c == ' ' || (c == '\t' && delimiter != '\t')) {
                append(c, fields.size(), 0);
                c = read();
            }
            if (c == '"') {
                field.setLength(0);
                long opened = line;
                int openedColumn = column;
                while (true) {
                    c = read();
                    if (c == EOF) {
                        throw new MalformedRecord(opened, openedColumn, "unterminated quoted field (opened on line "
                                + opened + "; the closing quote is missing)");
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                            append('"', fields.size(), opened);
                            continue;
                        }
                        break;
                    }
                    if (c == '\r' || c == '\n') {
                        endLine(c);
                        append('\n', fields.size(), opened);
                        continue;
                    }
                    append(c, fields.size(), opened);
                }
                c = read();
                while (c == ' ' || (c == '\t' && delimiter != '\t')) {
                    c = read();
                }
                if (c != delimiter && c != '\r' && c != '\n' && c != EOF) {
                    int fieldNumber = fields.size() + 1;
                    int at = column;
                    long atLine = line;
                    skipRestOfLine(c);
                    throw new MalformedRecord(atLine, at, "field " + fieldNumber + ": text after the closing quote"
                            + " (a quote inside a quoted field is written \"\")");
                }
            } else {
                while (c != delimiter && c != '\r' && c != '\n' && c != EOF) {
                    append(c, fields.size(), 0);
                    c = read();
                }
            }
            fields.add(field.toString());
            if (c == delimiter) {
                c = read();
                continue;
            }
            if (c == '\r' || c == '\n') {
                endLine(c);
            }
            return true;
        }
    }

    /**
     * Adds a character to the current field, refusing a NUL and a field past the limit ({@code quotedSince}: the
     * line its opening quote was on, 0 when unquoted).
     */
    private void append(int c, int index, long quotedSince) throws IOException, MalformedRecord {
        if (c == 0) {
            throw new MalformedRecord(line, column, "a NUL character: this is binary data, not a text log", true);
        }
        if (field.length() == maxFieldChars) {
            String hint = quotedSince > 0 && quotedSince < line ? " (a quoted field opened on line " + quotedSince + ": is its closing quote"
                    + " missing?)" : "";
            throw refused(line, column, "field " + (index + 1) + " is longer than " + maxFieldChars
                    + " characters; a field may have at most " + maxFieldChars + hint);
        }
        field.append((char) c);
    }

    /** A record refused for a limit: skipped to the end of its line first only if the parse is to go on. */
    private MalformedRecord refused(long atLine, int atColumn, String message) throws IOException, MalformedRecord {
        if (resynchronise) {
            skipRestOfLine(read());
        }
        return new MalformedRecord(atLine, atColumn, message);
    }

    private void skipRestOfLine(int first) throws IOException, MalformedRecord {
        int c = first;
        while (c != '\r' && c != '\n' && c != EOF) {
            if (c == 0) {
                throw new MalformedRecord(line, column, "a NUL character: this is binary data, not a text log", true);
            }
            c = read();
        }
        if (c != EOF) {
            endLine(c);
        }
    }

    /** Consumes the LF of a CRLF pair and counts the line. */
    private void endLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
        column = 0;
        midLine = false;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        midLine = true;
        column++;
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        // Reading a string (no Reader): it was all in the buffer.
        int n = limit == EOF || in == null ? EOF : readChunk(in, buffer);
        position = n == EOF ? EOF : 0;
        limit = n;
        return n != EOF;
    }

    /**
     * Reads the next characters of {@code in} into {@code buffer} from its start: how many (at least one), or -1 at
     * the end of the input. A Reader may return no character without being at its end; this reads again until it
     * does. The buffered readers of text files (this one and the transaction log's line reader) fill through it.
     */
    public static int readChunk(Reader in, char[] buffer) throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        return n;
    }
}
