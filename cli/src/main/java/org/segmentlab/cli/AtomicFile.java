package org.segmentlab.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file so that it appears complete or not at all: the content goes to a temporary file
 * {@code .NAME.PID.N.tmp} in the same folder, which is moved over the target only when fully written. A failure
 * (or an interrupted run) leaves the target as it was; the temporary file is deleted on failure and at exit, and
 * one a killed process left (its process id no longer runs) is deleted by the next write of the same file.
 */
public final class AtomicFile {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes the bytes of a file. */
    @FunctionalInterface
    public interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Pattern LEFTOVER = Pattern.compile("(\\d+)\\.\\d+\\.tmp");

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
        writeBytes(target, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(writer);
            writer.flush();
        });
    }

    /** Writes bytes to {@code target}, replacing it if it exists. The target's folder must exist. */
    public static void writeBytes(Path target, Bytes content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        deleteLeftovers(absolute);
        Path temp = createTemp(folder, prefix(absolute));
        temp.toFile().deleteOnExit();
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
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

    /**
     * Deletes what a killed write left, then tries what {@link #write} needs (a temporary file beside the target,
     * created and deleted), so that a location the user cannot write to is found before the work. The target's
     * folder must exist.
     */
    public static void check(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        deleteLeftovers(absolute);
        Files.delete(createTemp(absolute.getParent(), prefix(absolute)));
    }

    private static String prefix(Path absolute) {
        return "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".";
    }

    /** Temporary files of this target whose process no longer runs: a killed write's. */
    static void deleteLeftovers(Path absolute) throws IOException {
        String prefix = "." + absolute.getFileName() + ".";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(absolute.getParent(), prefix + "*.tmp")) {
            for (Path entry : entries) {
                Matcher m = LEFTOVER.matcher(entry.getFileName().toString().substring(prefix.length()));
                if (m.matches() && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) && !running(Long.parseLong(m.group(1)))) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }

    private static boolean running(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
