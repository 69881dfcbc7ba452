package org.segmentlab.simulator.calibrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find their data. The full CDNOW sample lives outside the project in {@code shared/data/cdnow}
 * (a sibling of the project root, found by walking up from the working directory); the first 300 of its lines
 * are committed as the resource {@code cdnow-excerpt.txt} (111 customers, 292 purchases) for tests that must not
 * depend on it.
 */
final class SharedData {
    static final String CDNOW = "CDNOW_sample.txt";
    static final String EXCERPT = "cdnow-excerpt.txt";

    private SharedData() {
    }

    /** The full CDNOW sample (6,919 lines, 2,357 customers); fails with the places it looked when absent. */
    static Path cdnowSample() {
        Path dir = Path.of("").toAbsolutePath();
        StringBuilder looked = new StringBuilder();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("data").resolve("cdnow").resolve(CDNOW);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            looked.append("\n  ").append(candidate);
        }
        throw new IllegalStateException("the CDNOW sample is not in shared/data/cdnow above " + dir + "; looked at:" + looked);
    }

    static InputStream excerpt() {
        InputStream in = SharedData.class.getResourceAsStream(EXCERPT);
        if (in == null) {
            throw new IllegalStateException("test resource " + EXCERPT + " is missing");
        }
        return in;
    }

    /** The excerpt copied to a file (for tests that edit it). */
    static Path excerptCopy(Path dir) {
        try (InputStream in = excerpt()) {
            Path file = dir.resolve(CDNOW);
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
