package org.segmentlab.reports.output;

import java.util.Objects;
import java.util.Set;

/**
 * What an output folder holds, as its marker names it: SegmentLab replaces or extends a folder only when its marker
 * names the same kind, so a report never overwrites a sweep or a calibration.
 *
 * @param id          the name written to the marker, e.g. {@code report}
 * @param description what the folder holds, for messages, e.g. {@code SegmentLab report}
 * @param legacyFiles the top-level names an earlier SegmentLab (before markers) wrote into such a folder; a folder
 *                    holding only these is recognised as an old output in messages, never by itself trusted
 */
public record OutputKind(String id, String description, Set<String> legacyFiles) {

    public OutputKind {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("kind id must be lower-case letters, digits and dashes: " + id);
        }
        Objects.requireNonNull(description, "description");
        legacyFiles = Set.copyOf(legacyFiles);
    }
}
