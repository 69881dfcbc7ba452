package org.segmentlab.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that it appears complete or not at all: the content goes to a temporary file in the same
 * folder, which is moved over the target only when fully written. A failure (or an interrupted run) leaves the
 * target as it was; the temporary file is deleted on failure and at exit.
 */
public final class AtomicFile {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * A new empty file {@code prefix<n>.tmp} in {@code folder}. Unlike {@code Files.createTempFile} it gets the
     * default permissions (the umask), so the moved file is readable like any file the user writes.
     */
    private static Path createTemp(Path folder, String prefix) throws IOException {
        for (int n = 0; ; n++) {
            try {
                return Files.createFile(folder.resolve(prefix + n + ".tmp"));
            } catch (FileAlreadyExistsException e) {
                if (n == 9999) {
                    throw e;
                }
            }
        }
    }

    /** Writes UTF-8 text to {@code target}, replacing it if it exists. The target's folder must exist. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = createTemp(folder, "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".");
        temp.toFile().deleteOnExit();
        boolean moved = false;
        try {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
