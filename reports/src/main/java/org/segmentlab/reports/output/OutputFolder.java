package org.segmentlab.reports.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes an output folder all at once and recognises its own folders by their {@link OutputMarker}, never by file
 * names.
 *
 * <p>A folder is written into a hidden sibling {@code .NAME.tmp-PID-N}, then published with renames: an existing
 * target goes aside to {@code .NAME.old-PID-N}, the new folder takes its place, the old one is renamed to
 * {@code .NAME.trash-PID-N} and deleted. Every hidden folder carries the marker (or is empty), and its marker is
 * deleted last, so a process killed at any moment leaves only folders the next write recognises by name, marker and
 * a dead process id: it puts an {@code old} folder back when the target is missing and deletes the rest. The next
 * invocation therefore always finds the old or the new output as the target, and no hidden folders accumulate.
 *
 * <p>An existing folder is replaced only when it is empty, or when its marker names the same kind of output and it
 * holds nothing but the files that marker lists; anything else is refused with an {@link OutputFolderException}
 * and nothing is touched. Folders and files get the default permissions (the umask), like any the user creates.
 */
public final class OutputFolder {

    /** Fills the (new) folder. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path dir) throws IOException;
    }

    /** Told between two file-system operations; tests stop there to see what a kill at that moment leaves. */
    @FunctionalInterface
    interface Steps {
        void reached(String step) throws IOException;
    }

    private static final Pattern LEFTOVER = Pattern.compile("(tmp|old|trash)-(\\d+)-(\\d+)");
    private static final OutputFolder DEFAULT = new OutputFolder(OutputFolder::running, step -> { });

    private final LongPredicate running;
    private final Steps steps;

    /**
     * @param running whether a process id is a live process (whose hidden folders are left alone)
     * @param steps   told between file-system operations
     */
    OutputFolder(LongPredicate running, Steps steps) {
        this.running = running;
        this.steps = steps;
    }

    /**
     * Writes {@code contents} to {@code outDir}, replacing an earlier output of the same kind there. Returns the
     * folder written.
     *
     * @param version the SegmentLab version, written to the marker
     * @throws OutputFolderException when {@code outDir} is a file or a folder this may not replace
     * @throws IOException           when a file cannot be written; an earlier output is then left as it was
     */
    public static Path write(Path outDir, OutputKind kind, String version, Contents contents) throws IOException {
        return DEFAULT.publish(outDir, kind, version, contents);
    }

    /**
     * Cleans up what a killed write to {@code outDir} left, then checks that {@link #write} may replace it; writes
     * nothing new. Call before long work so that a refusal comes first.
     *
     * @throws OutputFolderException when {@code outDir} is a file or a folder {@link #write} would refuse
     */
    public static void check(Path outDir, OutputKind kind) throws IOException {
        Path target = absolute(outDir);
        requireCreatable(target, kind);
        try {
            DEFAULT.recover(target);
            checkReplaceable(target, kind);
            DEFAULT.probe(target);
        } catch (OutputFolderException e) {
            throw e;
        } catch (IOException e) {
            throw new OutputFolderException("cannot write " + target + ": " + reason(e) + "; choose a folder you can write to");
        }
    }

    /**
     * Refuses a target below a file ({@code report.html/out}): a plain message instead of the file system's error.
     */
    private static void requireCreatable(Path target, OutputKind kind) throws OutputFolderException {
        for (Path p = target.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new OutputFolderException("cannot create " + target + ": " + p + " is a file, not a folder;"
                            + " choose a new or empty folder for the " + kind.description());
                }
                return;
            }
        }
    }

    /**
     * Tries what writing needs, so that a location the user cannot write to is refused before the work, not after:
     * creates and deletes a hidden sibling of the target, or, when its parent is missing, the first missing folder on
     * the way (a kill in between leaves an empty folder the write would have created anyway).
     */
    private void probe(Path target) throws IOException {
        Path parent = target.getParent();
        if (Files.isDirectory(parent)) {
            deleteTree(createSibling(target, "tmp"));
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(target)) {
                throw new AccessDeniedException(target.toString());
            }
            return;
        }
        Path missing = parent;
        while (missing.getParent() != null && !Files.exists(missing.getParent())) {
            missing = missing.getParent();
        }
        Files.createDirectory(missing);
        Files.delete(missing);
    }

    /** What went wrong, in words, without the exception's class name. */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "files cannot be created there";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().substring(0, 1).toLowerCase(Locale.ROOT) + f.getReason().substring(1);
        }
        return e.getMessage() == null ? "an input/output error" : e.getMessage();
    }

    /**
     * Makes {@code dir} an output folder of {@code kind} written in place (files added or replaced one by one, as a
     * sweep does): creates it with a marker, or accepts it when its marker names the same kind. A folder without a
     * marker is accepted (and marked) only when it is empty or holds nothing but names of {@code kind}'s legacy
     * files, since writing in place deletes nothing. Returns the folder.
     *
     * @throws OutputFolderException when {@code dir} is a file, another kind's folder or someone else's folder
     */
    public static Path claim(Path dir, OutputKind kind, String version) throws IOException {
        Path target = absolute(dir);
        requireCreatable(target, kind);
        try {
            return claimChecked(target, kind, version);
        } catch (OutputFolderException e) {
            throw e;
        } catch (IOException e) {
            throw new OutputFolderException("cannot write " + target + ": " + reason(e) + "; choose a folder you can write to");
        }
    }

    private static Path claimChecked(Path target, OutputKind kind, String version) throws IOException {
        Files.createDirectories(parentOf(target));
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(target);
            new OutputMarker(kind.id(), version, List.of()).writeTo(target);
            return target;
        }
        if (!Files.isDirectory(target)) {
            throw notAFolder(target, kind);
        }
        Optional<OutputMarker> marker = OutputMarker.readFrom(target);
        if (marker.isPresent()) {
            requireSameKind(target, marker.get(), kind);
            if (!Files.isWritable(target)) {
                throw new AccessDeniedException(target.toString());
            }
            return target;
        }
        List<String> names = topLevelNames(target);
        if (!kind.legacyFiles().containsAll(names)) {
            throw notOurs(target, kind);
        }
        if (!Files.isWritable(target)) {
            throw new AccessDeniedException(target.toString());
        }
        new OutputMarker(kind.id(), version, List.of()).writeTo(target);
        return target;
    }

    Path publish(Path outDir, OutputKind kind, String version, Contents contents) throws IOException {
        Path target = absolute(outDir);
        requireCreatable(target, kind);
        Files.createDirectories(parentOf(target));
        recover(target);
        checkReplaceable(target, kind);
        Path temp = createSibling(target, "tmp");
        steps.reached("temporary folder created");
        boolean published = false;
        try {
            new OutputMarker(kind.id(), version, List.of()).writeTo(temp);
            steps.reached("marker written");
            contents.writeInto(temp);
            steps.reached("contents written");
            new OutputMarker(kind.id(), version, listing(temp)).writeTo(temp);
            steps.reached("file list written");
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                move(temp, target);
                published = true;
                steps.reached("published");
                return target;
            }
            Path old = unusedSibling(target, "old");
            move(target, old);
            steps.reached("earlier output moved aside");
            try {
                move(temp, target);
            } catch (IOException | RuntimeException e) {
                // put the earlier output back before giving up
                try {
                    move(old, target);
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
                throw e;
            }
            published = true;
            steps.reached("published");
            // renamed before deleting, so that a half-deleted folder is never mistaken for one to put back
            Path trash = unusedSibling(target, "trash");
            move(old, trash);
            steps.reached("earlier output moved to the trash");
            deleteTree(trash);
            return target;
        } finally {
            if (!published) {
                try {
                    deleteTree(temp);
                } catch (IOException e) {
                    // the next write to this target deletes it
                }
            }
        }
    }

    /**
     * Puts back an earlier output that a killed write left aside while the target is missing, and deletes every
     * other hidden folder a killed write left beside the target. Folders of live processes are left alone.
     */
    void recover(Path target) throws IOException {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        List<Path> old = new ArrayList<>();
        List<Path> rest = new ArrayList<>();
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path entry : entries) {
                Matcher m = LEFTOVER.matcher(entry.getFileName().toString().substring(prefix.length()));
                if (!m.matches() || running.test(Long.parseLong(m.group(2))) || !isOurs(entry)) {
                    continue;
                }
                (m.group(1).equals("old") ? old : rest).add(entry);
            }
        }
        old.sort(null);
        if (!old.isEmpty() && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            move(old.remove(0), target);
            steps.reached("earlier output put back");
        }
        rest.addAll(old);
        for (Path leftover : rest) {
            deleteTree(leftover);
        }
    }

    /** A hidden folder of ours: a real folder holding a marker, or an empty one (created, marker not yet written). */
    private static boolean isOurs(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        return OutputMarker.present(dir) || topLevelNames(dir).isEmpty();
    }

    private static void checkReplaceable(Path target, OutputKind kind) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw notAFolder(target, kind);
        }
        if (topLevelNames(target).isEmpty()) {
            return;
        }
        Optional<OutputMarker> marker = OutputMarker.readFrom(target);
        if (marker.isEmpty()) {
            if (kind.legacyFiles().containsAll(topLevelNames(target))) {
                throw new OutputFolderException(target + " looks like a " + kind.description() + " of an earlier SegmentLab"
                        + " version: it has no " + OutputMarker.FILE + " marker, and SegmentLab replaces only folders it"
                        + " can tell it wrote. Delete it (rm -r " + target + ") or choose a new or empty folder.");
            }
            throw notOurs(target, kind);
        }
        requireSameKind(target, marker.get(), kind);
        Set<String> written = new HashSet<>(marker.get().files());
        List<String> foreign = listing(target).stream().filter(f -> !written.contains(f)).toList();
        if (!foreign.isEmpty()) {
            String shown = String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                    + (foreign.size() > 5 ? " and " + (foreign.size() - 5) + " more" : "");
            throw new OutputFolderException(target + " holds files SegmentLab did not write (" + shown + "); it replaces"
                    + " a folder only when it holds nothing else. Move them elsewhere or choose a new or empty folder.");
        }
    }

    private static OutputFolderException notAFolder(Path target, OutputKind kind) {
        if (Files.isSymbolicLink(target)) {
            // replacing would swap the link for a folder; the user means the folder it points to
            return new OutputFolderException(target + " is a symbolic link; give the folder it points to, or a new or"
                    + " empty folder for the " + kind.description());
        }
        return new OutputFolderException(target + " is a file, not a folder; choose a new or empty folder for the "
                + kind.description());
    }

    private static OutputFolderException notOurs(Path target, OutputKind kind) {
        return new OutputFolderException(target + " is not empty and is not a " + kind.description() + " folder (it has"
                + " no " + OutputMarker.FILE + " marker); SegmentLab never replaces or adds to a folder it did not write."
                + " Choose a new or empty folder.");
    }

    private static void requireSameKind(Path target, OutputMarker marker, OutputKind kind) throws OutputFolderException {
        if (!marker.kind().equals(kind.id())) {
            throw new OutputFolderException(target + " holds a SegmentLab " + marker.kind() + " output, not a "
                    + kind.description() + "; choose another folder (each kind of output needs its own).");
        }
    }

    /** Every file and folder below {@code dir} except the marker, relative with {@code /}, folders ending in {@code /}. */
    private static List<String> listing(Path dir) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (p.equals(dir) || p.equals(dir.resolve(OutputMarker.FILE))) {
                    continue;
                }
                String name = dir.relativize(p).toString().replace('\\', '/');
                names.add(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? name + "/" : name);
            }
        }
        return new ArrayList<>(names);
    }

    private static List<String> topLevelNames(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        return names;
    }

    /** A new empty folder {@code .NAME.ROLE-PID-N} beside {@code target}, with the default permissions. */
    private static Path createSibling(Path target, String role) throws IOException {
        for (int n = 0; ; n++) {
            try {
                return Files.createDirectory(sibling(target, role, n));
            } catch (FileAlreadyExistsException e) {
                if (n == 9999) {
                    throw e;
                }
            }
        }
    }

    private static Path unusedSibling(Path target, String role) throws IOException {
        for (int n = 0; n < 10_000; n++) {
            Path candidate = sibling(target, role, n);
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
        throw new FileAlreadyExistsException(sibling(target, role, 0).toString());
    }

    private static Path sibling(Path target, String role, int n) {
        return target.resolveSibling("." + target.getFileName() + "." + role + "-" + ProcessHandle.current().pid() + "-" + n);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a folder of ours, its marker last so that a partly deleted folder is still recognised as ours. */
    private void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path marker = dir.resolve(OutputMarker.FILE);
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.equals(marker)) {
                    delete(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                if (d.equals(dir)) {
                    delete(marker);
                }
                delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void delete(Path path) throws IOException {
        try {
            Files.delete(path);
        } catch (NoSuchFileException e) {
            return;
        }
        steps.reached("deleted " + path.getFileName());
    }

    private static Path absolute(Path dir) {
        return dir.toAbsolutePath().normalize();
    }

    private static Path parentOf(Path target) throws IOException {
        Path parent = target.getParent();
        if (parent == null) {
            throw new OutputFolderException("cannot write to the file-system root; choose a folder below it");
        }
        return parent;
    }

    private static boolean running(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
