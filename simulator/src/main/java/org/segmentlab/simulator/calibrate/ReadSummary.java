package org.segmentlab.simulator.calibrate;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@link TransactionLogReader} read.
 *
 * @param source       the file as the user named it
 * @param format       the layout used (never {@link TransactionLogFormat#AUTO}: what it resolved to)
 * @param lines        physical lines read, header and blank lines included
 * @param transactions transactions passed on
 * @param skipped      bad lines skipped (always 0 unless the reader skips bad lines)
 * @param fields       the fields the log provided (customer, date and amount always; quantity and discount when
 *                     a column held them)
 * @param firstSkipped the first {@link TransactionLogReader#REPORTED_BAD_LINES} skipped lines, to show the user
 * @param lastDateAt   where the log's last day is written (its first occurrence), so a message about a date far in
 *                     the future can point at the user's line; null when no transaction was read
 */
public record ReadSummary(String source, TransactionLogFormat format, Set<LogField> fields, long lines,
        long transactions, long skipped, List<BadLine> firstSkipped, BadLine lastDateAt) {

    public ReadSummary {
        fields = Collections.unmodifiableSet(fields.isEmpty() ? EnumSet.noneOf(LogField.class) : EnumSet.copyOf(fields));
        firstSkipped = List.copyOf(firstSkipped);
    }
}
