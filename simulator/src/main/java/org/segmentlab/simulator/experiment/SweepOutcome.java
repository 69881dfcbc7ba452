package org.segmentlab.simulator.experiment;

import java.nio.file.Path;

/**
 * What a sweep did.
 *
 * @param csv     the table written
 * @param points  the design's points (every one is now in the table)
 * @param resumed points found complete in the table and skipped
 * @param rows    data rows of the table (header excluded)
 */
public record SweepOutcome(Path csv, int points, int resumed, long rows) {
}
