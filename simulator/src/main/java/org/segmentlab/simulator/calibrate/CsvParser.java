package org.segmentlab.simulator.calibrate;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * A small streaming RFC 4180 parser: fields separated by one delimiter character, optionally enclosed in double
 * quotes; inside quotes {@code ""} is a quote and delimiters and line breaks are text. CR, LF and CRLF all end a
 * line. Spaces before an opening quote and after a closing quote are ignored; an unquoted field is taken as is
 * (a stray quote inside it is kept as text). Not thread-safe.
 *
 * <p>Bounded: a field longer than {@code maxFieldChars} or a record of more than {@code maxFields} fields is
 * refused as soon as the limit is passed, so no giant String is ever built (a quoted field whose closing quote is
 * missing is stopped at the limit too); a NUL character stops the parse (binary data, not text).
 */
final class CsvParser {

    /** A record that is not valid CSV; the parser has skipped the rest of its line and can go on. */
    static final class MalformedRecord extends Exception {
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

        long line() {
            return line;
        }

        /** 1-based column of the problem on {@link #line()}; 0 when unknown. */
        int column() {
            return column;
        }

        /** Whether the input held a NUL character: not text at all, so the read cannot go on. */
        boolean binary() {
            return binary;
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final int maxFieldChars;
    private final int maxFields;
    private final boolean resynchronise;
    private final long[] fieldLines;
    private final int[] fieldColumns;
    private final char[] buffer = new char[1 << 16];
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
    CsvParser(Reader in, char delimiter, long firstLine, int maxFieldChars, int maxFields, boolean resynchronise) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("a CSV delimiter cannot be a quote or a line break");
        }
        this.in = in;
        this.delimiter = delimiter;
        this.line = firstLine;
        this.maxFieldChars = maxFieldChars;
        this.maxFields = maxFields;
        this.resynchronise = resynchronise;
        this.fieldLines = new long[maxFields];
        this.fieldColumns = new int[maxFields];
    }

    /** The physical line on which field {@code i} of the record last returned by {@link #next} starts. */
    long fieldLine(int i) {
        return fieldLines[i];
    }

    /** The 1-based column at which field {@code i} of the record last returned by {@link #next} starts. */
    int fieldColumn(int i) {
        return fieldColumns[i];
    }

    /** The physical line (of the file) on which the record last returned by {@link #next} started. */
    long recordLine() {
        return recordLine;
    }

    /** The file's last physical line consumed so far (a last line without a line break counts). */
    long lastLine() {
        return line - 1 + (midLine ? 1 : 0);
    }

    /**
     * Reads the next record into {@code fields} (cleared first).
     *
     * @return false at the end of the input
     * @throws MalformedRecord when the record is not valid CSV (the parser is then positioned after it)
     */
    boolean next(List<String> fields) throws IOException, MalformedRecord {
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
        if (limit == EOF) {
            return false;
        }
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            limit = EOF;
            position = EOF;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
