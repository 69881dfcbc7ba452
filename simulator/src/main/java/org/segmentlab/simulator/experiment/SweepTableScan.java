package org.segmentlab.simulator.experiment;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

import org.segmentlab.simulator.csv.CsvReader;

/**
 * What an existing sweep table holds, for a resume: the points complete in it, and the byte length up to the end of
 * the last complete point (what follows — a block cut short by a kill, a half line — is dropped). Streams the file;
 * memory is one line.
 *
 * @param done       ids of the complete points
 * @param validBytes the length to keep
 * @param rows       data rows kept
 */
record SweepTableScan(BitSet done, long validBytes, long rows) {

    static SweepTableScan of(Path csv, Sweep sweep) throws IOException {
        List<String> keys = sweep.keyColumns();
        BitSet done = new BitSet();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16)) {
            LineReader lines = new LineReader(in);
            String header = lines.next();
            if (header == null || !lines.terminated) {
                return new SweepTableScan(done, 0, 0);
            }
            List<String> columns = fields(header);
            if (columns == null || columns.size() < keys.size() || !columns.subList(0, keys.size()).equals(keys)) {
                throw new SweepResumeException(csv + " was written by another sweep: its columns begin "
                        + (columns == null ? "with a malformed header" : columns.subList(0, Math.min(columns.size(), keys.size())))
                        + ", this sweep's are " + keys);
            }
            int width = columns.size();
            long valid = lines.offset;
            long rows = 0;
            int current = -1;
            int count = 0;
            long groupStartRows = 0;
            long groupEnd = valid;
            // Rows a point writes: checked for every complete point, so a table written with other options (another
            // --replications, --final-only) is refused rather than continued. Built from a point's scenario only
            // when the count differs from the last one checked (it rarely varies from point to point).
            int checkedRows = -1;
            String line;
            while ((line = lines.next()) != null) {
                List<String> fields = fields(line);
                if (!lines.terminated || fields == null || fields.size() != width) {
                    break;   // a half-written last line
                }
                int id = parseId(csv, fields.get(0));
                if (id != current) {
                    if (current >= 0) {
                        // A later point was written after this one: this one's block was written whole.
                        if (count != checkedRows) {
                            int expected = expectedRows(sweep, current);
                            if (count != expected) {
                                throw new SweepResumeException(csv + ": point " + current + " has " + count + " rows but this"
                                        + " sweep writes " + expected + " per point: another sweep (other replications, months or"
                                        + " --final-only) wrote it");
                            }
                            checkedRows = count;
                        }
                        done.set(current);
                        valid = lines.lineStart;
                        groupStartRows = rows;
                    }
                    current = id;
                    count = 0;
                    checkValues(csv, sweep.design(), id, fields);
                }
                count++;
                rows++;
                groupEnd = lines.lastCompleteEnd;
            }
            // The last point is complete only if it has all its rows (a kill may have cut its block short).
            int lastExpected = current >= 0 ? expectedRows(sweep, current) : 0;
            if (count > lastExpected) {
                throw new SweepResumeException(csv + ": point " + current + " has " + count + " rows but this sweep writes "
                        + lastExpected + " per point: another sweep (other replications, months or --final-only) wrote it");
            }
            if (current >= 0 && count == lastExpected) {
                done.set(current);
                valid = groupEnd;
            } else {
                rows = groupStartRows;
            }
            return new SweepTableScan(done, valid, rows);
        }
    }

    private static int expectedRows(Sweep sweep, int point) {
        return sweep.rowsOf(sweep.document(sweep.design().sweepPoint(point)).scenario());
    }

    /** The metric columns of a table's header. */
    static List<String> metricColumns(Path csv, int keyColumns) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(csv))) {
            String header = new LineReader(in).next();
            List<String> columns = header == null ? null : fields(header);
            if (columns == null || columns.size() < keyColumns) {
                throw new IOException(csv + ": line 1 is not the header of a sweep table");
            }
            return columns.subList(keyColumns, columns.size());
        }
    }

    /** The fields of one line of the table, or null when it is not valid CSV (a half-written line). */
    private static List<String> fields(String line) {
        try {
            return CsvReader.split(line);
        } catch (CsvReader.MalformedRecord e) {
            return null;
        }
    }

    private static int parseId(Path csv, String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new SweepResumeException(csv + ": '" + s + "' in the point column is not a point id");
        }
    }

    private static void checkValues(Path csv, Design design, int id, List<String> fields) {
        if (id < 0 || id >= design.size()) {
            throw new SweepResumeException(csv + " has point " + id + " but this design has " + design.size() + " points: another sweep wrote it");
        }
        List<String> expected = design.point(id);
        if (!fields.subList(1, 1 + expected.size()).equals(expected)) {
            throw new SweepResumeException(csv + ": point " + id + " has the values " + fields.subList(1, 1 + expected.size())
                    + " but this design's point " + id + " is " + expected + ": another sweep wrote it");
        }
    }

    /** Lines of UTF-8 text with their byte offsets; knows whether the last one ended with a line break. */
    private static final class LineReader {
        private final InputStream in;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        long offset;
        long lineStart;
        long lastCompleteEnd;
        boolean terminated;
        private boolean eof;

        LineReader(InputStream in) {
            this.in = in;
        }

        String next() throws IOException {
            if (eof) {
                return null;
            }
            buf.reset();
            lineStart = offset;
            int b;
            while ((b = in.read()) >= 0) {
                offset++;
                if (b == '\n') {
                    terminated = true;
                    lastCompleteEnd = offset;
                    return buf.toString(StandardCharsets.UTF_8);
                }
                buf.write(b);
            }
            eof = true;
            terminated = false;
            return buf.size() == 0 ? null : buf.toString(StandardCharsets.UTF_8);
        }
    }
}
