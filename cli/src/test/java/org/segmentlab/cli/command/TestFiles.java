package org.segmentlab.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data the command tests read. The full CDNOW sample is found in {@code shared/data/cdnow} above the working
 * directory (the project root's sibling {@code ../shared}); the resource {@code cdnow-excerpt.txt}, its first 300
 * lines (111 customers), serves tests that must not depend on it.
 */
final class TestFiles {

    private TestFiles() {
    }

    /** The full CDNOW sample; fails with the places it looked when absent. */
    static Path cdnowSample() {
        Path dir = Path.of("").toAbsolutePath();
        StringBuilder looked = new StringBuilder();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("data").resolve("cdnow").resolve("CDNOW_sample.txt");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            looked.append("\n  ").append(candidate);
        }
        throw new IllegalStateException("the CDNOW sample is not in shared/data/cdnow above " + dir + "; looked at:" + looked);
    }

    /** The excerpt copied to {@code dir/name}, for tests that edit it. */
    static Path excerpt(Path dir, String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream("cdnow-excerpt.txt")) {
            if (in == null) {
                throw new IllegalStateException("test resource cdnow-excerpt.txt is missing");
            }
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
