package org.segmentlab.simulator.calibrate;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * A small streaming RFC 4180 parser: fields separated by one delimiter character, optionally enclosed in double
 * quotes; inside quotes {@code ""} is a quote and delimiters and line breaks are text. CR, LF and CRLF all end a
 * line. Spaces before an opening quote and after a closing quote are ignored; an unquoted field is taken as is
 * (a stray quote inside it is kept as text). Not thread-safe.
 */
final class CsvParser {

    /** A record that is not valid CSV; the parser has skipped the rest of its line and can go on. */
    static final class MalformedRecord extends Exception {
        private static final long serialVersionUID = 1L;
        private final long line;

        MalformedRecord(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder field = new StringBuilder();
    private int position;
    private int limit;
    /** Physical line of the next character to read (1-based). */
    private long line;
    /** Whether characters were read since the last line break. */
    private boolean midLine;
    private long recordLine;

    /** A parser whose first line is line {@code firstLine} of the file (lines before it were read elsewhere). */
    CsvParser(Reader in, char delimiter, long firstLine) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("a CSV delimiter cannot be a quote or a line break");
        }
        this.in = in;
        this.delimiter = delimiter;
        this.line = firstLine;
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
            // Leading blanks: dropped if a quote follows, part of the field otherwise.
            while (c == ' ' || (c == '\t' && delimiter != '\t')) {
                field.append((char) c);
                c = read();
            }
            if (c == '"') {
                field.setLength(0);
                long opened = line;
                while (true) {
                    c = read();
                    if (c == EOF) {
                        throw new MalformedRecord(recordLine, "unterminated quoted field (opened on line " + opened
                                + "; the closing quote is missing)");
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                            field.append('"');
                            continue;
                        }
                        break;
                    }
                    if (c == '\r' || c == '\n') {
                        endLine(c);
                        field.append('\n');
                        continue;
                    }
                    field.append((char) c);
                }
                c = read();
                while (c == ' ' || (c == '\t' && delimiter != '\t')) {
                    c = read();
                }
                if (c != delimiter && c != '\r' && c != '\n' && c != EOF) {
                    int fieldNumber = fields.size() + 1;
                    skipRestOfLine(c);
                    throw new MalformedRecord(recordLine, "field " + fieldNumber + ": text after the closing quote"
                            + " (a quote inside a quoted field is written \"\")");
                }
            } else {
                while (c != delimiter && c != '\r' && c != '\n' && c != EOF) {
                    field.append((char) c);
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

    private void skipRestOfLine(int first) throws IOException {
        int c = first;
        while (c != '\r' && c != '\n' && c != EOF) {
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
        midLine = false;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        midLine = true;
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
