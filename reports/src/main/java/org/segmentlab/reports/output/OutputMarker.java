package org.segmentlab.reports.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The file {@value #FILE} that SegmentLab writes into every output folder: the folder's kind, the version that wrote
 * it and, for a folder written all at once, every file it holds. It is how SegmentLab recognises its own folders
 * (never by file names), and the file list is how it knows that a file someone added is not its to delete.
 *
 * <pre>
 * # SegmentLab output folder: ...
 * kind=report
 * version=1.0.0
 * file=charts/retention.png
 * file=metrics.csv
 * </pre>
 *
 * @param kind    the kind's id ({@link OutputKind#id()})
 * @param version the SegmentLab version that wrote the folder
 * @param files   the files written, relative with {@code /}, sorted; empty for a folder that is written in place
 */
record OutputMarker(String kind, String version, List<String> files) {
    /** The marker's file name in the output folder. */
    public static final String FILE = ".segmentlab-output";

    private static final String HEADER = "# SegmentLab output folder. SegmentLab replaces it only when every file below"
            + " is still all it holds; do not add your own files here.";

    public OutputMarker {
        files = List.copyOf(files);
    }

    /** Writes the marker into {@code dir}. */
    void writeTo(Path dir) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("kind=").append(kind).append('\n');
        text.append("version=").append(version).append('\n');
        for (String file : files) {
            text.append("file=").append(file).append('\n');
        }
        Files.writeString(dir.resolve(FILE), text, StandardCharsets.UTF_8);
    }

    /** The marker in {@code dir}, or empty when there is none (or it is not a readable marker). */
    static Optional<OutputMarker> readFrom(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String kind = null;
        String version = "";
        List<String> files = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("kind=")) {
                kind = line.substring("kind=".length());
            } else if (line.startsWith("version=")) {
                version = line.substring("version=".length());
            } else if (line.startsWith("file=")) {
                files.add(line.substring("file=".length()));
            }
        }
        return kind == null ? Optional.empty() : Optional.of(new OutputMarker(kind, version, files));
    }

    /** Whether {@code dir} holds a marker file at all (a leftover's marker may be cut short by a kill). */
    static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }
}
