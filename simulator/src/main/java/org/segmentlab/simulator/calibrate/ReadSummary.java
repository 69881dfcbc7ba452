package org.segmentlab.simulator.calibrate;

import java.util.List;

/**
 * What a {@link TransactionLogReader} read.
 *
 * @param source       the file as the user named it
 * @param format       the layout used (never {@link TransactionLogFormat#AUTO}: what it resolved to)
 * @param lines        physical lines read, header and blank lines included
 * @param transactions transactions passed on
 * @param skipped      bad lines skipped (always 0 unless the reader skips bad lines)
 * @param firstSkipped the first {@link TransactionLogReader#REPORTED_BAD_LINES} skipped lines, to show the user
 */
public record ReadSummary(String source, TransactionLogFormat format, long lines, long transactions, long skipped,
        List<BadLine> firstSkipped) {

    public ReadSummary {
        firstSkipped = List.copyOf(firstSkipped);
    }
}
