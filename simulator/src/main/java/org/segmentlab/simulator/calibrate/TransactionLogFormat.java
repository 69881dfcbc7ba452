package org.segmentlab.simulator.calibrate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a transaction log is laid out. */
public enum TransactionLogFormat {
    /**
     * Decide from the file: a name ending in {@code .csv} or {@code .tsv}, or a first line that holds a comma, a
     * semicolon or a tab, means {@link #CSV}; anything else {@link #WHITESPACE}.
     */
    AUTO("auto"),
    /**
     * No header; columns separated by runs of spaces or tabs, numbered from 1 (the CDNOW layout). Blank lines and
     * lines starting with {@code #} are skipped.
     */
    WHITESPACE("whitespace"),
    /**
     * A header line naming the columns, then RFC 4180 records: fields separated by a comma (or a semicolon or a
     * tab, whichever the header uses), optionally in double quotes, {@code ""} for a quote inside quotes, line
     * breaks allowed inside quotes. Blank lines are skipped.
     */
    CSV("csv");

    private final String key;

    TransactionLogFormat(String key) {
        this.key = key;
    }

    /** The name used on the command line. */
    public String key() {
        return key;
    }

    public static Optional<TransactionLogFormat> byKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.key.equals(k)).findFirst();
    }

    public static String allowedKeys() {
        return Arrays.stream(values()).map(TransactionLogFormat::key).collect(Collectors.joining(", "));
    }
}
