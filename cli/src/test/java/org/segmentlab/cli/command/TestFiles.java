package org.segmentlab.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data the command tests read, all of it inside the repository. The full CDNOW sample is the project's
 * {@code data/cdnow/CDNOW_sample.txt} (one copy for every module and for the docs' examples,
 * found from the project root, which is the working directory's first ancestor holding that file); the resource
 * {@code cdnow-excerpt.txt}, its first 300 lines (111 customers), serves tests that want a small log.
 */
final class TestFiles {

    /** Where the full CDNOW sample sits below the project root. */
    static final Path CDNOW_IN_PROJECT = Path.of("data", "cdnow", "CDNOW_sample.txt");

    private TestFiles() {
    }

    /** The full CDNOW sample; fails with the places it looked when absent. */
    static Path cdnowSample() {
        Path dir = Path.of("").toAbsolutePath();
        StringBuilder looked = new StringBuilder();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve(CDNOW_IN_PROJECT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            looked.append("\n  ").append(candidate);
        }
        throw new IllegalStateException("the CDNOW sample is not at " + CDNOW_IN_PROJECT + " above " + dir + "; looked at:" + looked);
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
