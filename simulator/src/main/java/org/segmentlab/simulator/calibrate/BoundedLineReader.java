package org.segmentlab.simulator.calibrate;

import java.io.IOException;
import java.io.Reader;

import org.segmentlab.simulator.csv.CsvReader;

/**
 * Reads lines (ended by LF, CR or CRLF) of at most a given length. Unlike {@link java.io.BufferedReader#readLine()},
 * a line longer than the limit is never built as a String: the reader stops at the first character past the limit
 * and reports it, so a file with one gigantic line is read no further than the limit. A NUL character is refused
 * as well: it marks binary data ({@code /dev/zero}, an archive), not a text log. Not thread-safe.
 */
final class BoundedLineReader {

    /** A line the reader refuses: longer than the limit, or holding a NUL character (binary data, not text). */
    static final class BadLineText extends Exception {
        private static final long serialVersionUID = 1L;
        private final int column;
        private final boolean binary;

        BadLineText(int column, boolean binary) {
            super(null, null, false, false);
            this.column = column;
            this.binary = binary;
        }

        /** The 1-based column of the first character the reader refused. */
        int column() {
            return column;
        }

        /** Whether the line held a NUL character rather than too many characters. */
        boolean binary() {
            return binary;
        }
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private boolean eof;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /**
     * The next line without its line break, or null at the end of the input.
     *
     * @throws BadLineText as soon as the line exceeds {@code maxChars} characters or holds a NUL; the reader then
     *                     stands inside that line: {@link #skipRestOfLine()} goes on after it
     */
    String next() throws IOException, BadLineText {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                return any ? line.toString() : null;
            }
            any = true;
            char c = buffer[position++];
            if (c == '\n') {
                return line.toString();
            }
            if (c == '\r') {
                skipLineFeed();
                return line.toString();
            }
            if (c == 0) {
                throw new BadLineText(line.length() + 1, true);
            }
            if (line.length() == maxChars) {
                throw new BadLineText(maxChars + 1, false);
            }
            line.append(c);
        }
    }

    /** Skips to the start of the next line (after {@link BadLineText}); a NUL on the way stops the skip. */
    void skipRestOfLine() throws IOException, BadLineText {
        while (position < limit || fill()) {
            char c = buffer[position++];
            if (c == '\n') {
                return;
            }
            if (c == '\r') {
                skipLineFeed();
                return;
            }
            if (c == 0) {
                throw new BadLineText(0, true);
            }
        }
    }

    private void skipLineFeed() throws IOException {
        if ((position < limit || fill()) && buffer[position] == '\n') {
            position++;
        }
    }

    private boolean fill() throws IOException {
        int n = eof ? -1 : CsvReader.readChunk(in, buffer);
        eof = n < 0;
        if (!eof) {
            position = 0;
            limit = n;
        }
        return !eof;
    }
}
