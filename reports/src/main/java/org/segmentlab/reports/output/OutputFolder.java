package org.segmentlab.reports.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Writes an output folder all at once: into a hidden temporary folder beside the target, moved into place only when
 * complete, so a failed or interrupted run never leaves a half-written folder and an earlier one survives it.
 * Replaces an existing folder only if it is empty or holds one of the {@code markers} (a folder this kind of
 * output wrote), never someone's other files.
 */
public final class OutputFolder {

    /** Fills the (empty) temporary folder. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path dir) throws IOException;
    }

    private OutputFolder() {
    }

    /**
     * Writes {@code contents} to {@code outDir}, replacing an earlier output there. Returns the folder written.
     *
     * @param what what the folder holds, for the refusal message ("SegmentLab report")
     * @throws IOException when a file cannot be written or a folder that is not such an output is in the way
     */
    public static Path write(Path outDir, Set<String> markers, String what, Contents contents) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new IOException("cannot write to the file-system root");
        }
        Files.createDirectories(parent);
        checkReplaceable(target, markers, what);
        Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        boolean published = false;
        try {
            contents.writeInto(temp);
            publish(temp, target);
            published = true;
            return target;
        } finally {
            if (!published) {
                deleteQuietly(temp);
            }
        }
    }

    private static void checkReplaceable(Path target, Set<String> markers, String what) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IOException(target + " exists and is not a folder; choose another output folder");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            boolean empty = true;
            for (Path entry : entries) {
                empty = false;
                if (markers.contains(entry.getFileName().toString())) {
                    return;
                }
            }
            if (!empty) {
                throw new IOException(target + " is not empty and holds no " + what + " (no "
                        + String.join(", ", markers.stream().sorted().toList())
                        + "); refusing to replace it; choose another output folder");
            }
        }
    }

    private static void publish(Path temp, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // put the earlier output back before giving up
            try {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
        deleteQuietly(old);
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover hidden folder is harmless and never mistaken for the output
        }
    }
}
