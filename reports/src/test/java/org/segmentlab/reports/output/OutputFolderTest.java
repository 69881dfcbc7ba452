package org.segmentlab.reports.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    private static final OutputKind KIND = new OutputKind("test-output", "test output", Set.of("id.txt", "data.csv", "charts"));
    private static final OutputKind OTHER = new OutputKind("other-output", "other output", Set.of("other.csv"));
    /** Every process id counts as dead, so the test's own leftovers look like a killed run's. */
    private static final OutputFolder AFTER_A_KILL = new OutputFolder(pid -> false, step -> { });

    @TempDir
    Path dir;

    /** A small output whose every file says which write it came from. */
    private static OutputFolder.Contents output(String tag) {
        return d -> {
            Files.writeString(d.resolve("id.txt"), tag);
            Files.writeString(d.resolve("data.csv"), "a,b\n" + tag + "\n");
            Files.createDirectory(d.resolve("charts"));
            Files.writeString(d.resolve("charts").resolve("c.svg"), "<svg>" + tag + "</svg>");
        };
    }

    private static Map<String, String> filesOf(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().equals(OutputMarker.FILE)) {
                    files.put(folder.relativize(p).toString(), Files.readString(p));
                }
            }
        }
        return files;
    }

    private static Map<String, String> expected(String tag) throws IOException {
        Path scratch = Files.createTempDirectory("expected");
        try {
            output(tag).writeInto(scratch);
            return filesOf(scratch);
        } finally {
            try (Stream<Path> paths = Files.walk(scratch)) {
                paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path copy = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(p, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stands for SIGKILL: nothing after the step runs in the copy of the disk taken at that moment. */
    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private void killAtEveryStepThenRecover(boolean earlierOutput) throws IOException {
        // the steps of one publish, counted on a scratch copy
        Path scratch = Files.createDirectory(dir.resolve("count"));
        if (earlierOutput) {
            OutputFolder.write(scratch.resolve("target"), KIND, "1", output("old"));
        }
        List<String> steps = new ArrayList<>();
        new OutputFolder(pid -> false, steps::add).publish(scratch.resolve("target"), KIND, "2", output("new"));
        int published = steps.indexOf("published");
        assertThat(published).as("steps: " + steps).isPositive();
        assertThat(steps).contains("marker written", "contents written");
        if (earlierOutput) {
            assertThat(steps).contains("earlier output moved aside", "earlier output moved to the trash").hasSizeGreaterThan(10);
        }

        for (int k = 0; k < steps.size(); k++) {
            Path work = Files.createDirectories(dir.resolve("k" + k).resolve("work"));
            Path disk = dir.resolve("k" + k).resolve("after-kill");
            Files.writeString(work.resolve("keep.txt"), "the user's");
            if (earlierOutput) {
                OutputFolder.write(work.resolve("target"), KIND, "1", output("old"));
            }
            int killAt = k;
            int[] seen = {0};
            OutputFolder killed = new OutputFolder(pid -> false, step -> {
                if (seen[0]++ == killAt) {
                    copyTree(work, disk);
                    throw new Killed();
                }
            });
            assertThrows(Killed.class, () -> killed.publish(work.resolve("target"), KIND, "2", output("new")));
            String moment = "killed after step " + k + " (" + steps.get(k) + ")";

            // the next invocation starts by recovering
            AFTER_A_KILL.recover(disk.resolve("target").toAbsolutePath());
            assertThat(names(disk)).as(moment).containsExactlyElementsOf(
                    earlierOutput || k >= published ? List.of("keep.txt", "target") : List.of("keep.txt"));
            if (earlierOutput || k >= published) {
                assertThat(filesOf(disk.resolve("target"))).as(moment).isEqualTo(expected(k >= published ? "new" : "old"));
            }
            // and then writes its own output without trouble
            AFTER_A_KILL.publish(disk.resolve("target"), KIND, "3", output("next"));
            assertThat(names(disk)).as(moment).containsExactly("keep.txt", "target");
            assertThat(filesOf(disk.resolve("target"))).as(moment).isEqualTo(expected("next"));
        }
    }

    @Test
    void aKillAtAnyStepLeavesTheEarlierOrTheNewOutputAndNoLeftovers() throws IOException {
        killAtEveryStepThenRecover(true);
    }

    @Test
    void aKillAtAnyStepOfAFirstWriteLeavesNothingOrTheNewOutput() throws IOException {
        killAtEveryStepThenRecover(false);
    }

    @Test
    void aFolderWithoutAMarkerIsRefusedAndKeepsEveryFile() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("data.csv"), "a,b\n");
        Files.writeString(data.resolve("thesis.txt"), "thesis\n");
        OutputFolderException e = assertThrows(OutputFolderException.class, () -> OutputFolder.write(data, KIND, "1", output("new")));
        assertThat(e).hasMessageContaining("is not empty and is not a test output folder")
                .hasMessageContaining("no .segmentlab-output marker").hasMessageContaining("Choose a new or empty folder");
        assertThrows(OutputFolderException.class, () -> OutputFolder.check(data, KIND));
        assertThat(filesOf(data)).isEqualTo(Map.of("data.csv", "a,b\n", "thesis.txt", "thesis\n"));
        assertThat(names(dir)).containsExactly("data");
    }

    @Test
    void anOldOutputWithoutAMarkerIsRefusedWithAdvice() throws IOException {
        Path old = Files.createDirectory(dir.resolve("old"));
        output("old").writeInto(old);
        OutputFolderException e = assertThrows(OutputFolderException.class, () -> OutputFolder.write(old, KIND, "1", output("new")));
        assertThat(e).hasMessageContaining("looks like a test output of an earlier SegmentLab version")
                .hasMessageContaining("rm -r " + old.toAbsolutePath());
        assertThat(filesOf(old)).isEqualTo(expected("old"));
    }

    @Test
    void aFileAddedToAnOutputFolderBlocksItsReplacement() throws IOException {
        Path out = OutputFolder.write(dir.resolve("out"), KIND, "1", output("old"));
        Files.writeString(out.resolve("charts").resolve("mine.txt"), "notes");
        OutputFolderException e = assertThrows(OutputFolderException.class, () -> OutputFolder.write(out, KIND, "1", output("new")));
        assertThat(e).hasMessageContaining("holds files SegmentLab did not write (charts/mine.txt)");
        assertThat(out.resolve("charts").resolve("mine.txt")).hasContent("notes");
        assertThat(out.resolve("id.txt")).hasContent("old");
        assertThat(names(dir)).containsExactly("out");
    }

    @Test
    void anOutputIsReplacedOnlyByTheSameKind() throws IOException {
        Path out = OutputFolder.write(dir.resolve("out"), KIND, "1", output("old"));
        OutputFolder.write(out, KIND, "2", output("new"));
        assertThat(filesOf(out)).isEqualTo(expected("new"));
        assertThat(Files.readString(out.resolve(OutputMarker.FILE))).contains("kind=test-output", "version=2", "file=charts/c.svg");

        OutputFolderException e = assertThrows(OutputFolderException.class,
                () -> OutputFolder.write(out, OTHER, "2", d -> Files.writeString(d.resolve("other.csv"), "x")));
        assertThat(e).hasMessageContaining("holds a SegmentLab test-output output, not a other output");
        assertThat(filesOf(out)).isEqualTo(expected("new"));
    }

    @Test
    void aFileInTheWayIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("report"), "a file");
        OutputFolderException e = assertThrows(OutputFolderException.class, () -> OutputFolder.write(file, KIND, "1", output("new")));
        assertThat(e).hasMessageContaining("is a file, not a folder");
        assertThat(file).hasContent("a file");
        assertThat(names(dir)).containsExactly("report");
    }

    @Test
    void aLinkAsTheTargetIsRefusedAndTheFolderItPointsToIsUsable() throws IOException {
        Path real = OutputFolder.write(dir.resolve("real"), KIND, "1", output("old"));
        Path link;
        try {
            link = Files.createSymbolicLink(dir.resolve("link"), real);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here: " + e.getMessage());
            return;
        }
        OutputFolderException e = assertThrows(OutputFolderException.class, () -> OutputFolder.write(link, KIND, "2", output("new")));
        assertThat(e).hasMessageContaining("is a symbolic link; give the folder it points to");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(filesOf(real)).isEqualTo(expected("old"));
        OutputFolder.write(link.toRealPath(), KIND, "2", output("new"));
        assertThat(filesOf(real)).isEqualTo(expected("new"));
    }

    @Test
    void leftoversOfALiveProcessOrOfSomeoneElseAreLeftAlone() throws IOException {
        Path target = dir.resolve("target");
        Path live = Files.createDirectory(dir.resolve(".target.tmp-" + ProcessHandle.current().pid() + "-0"));
        new OutputMarker(KIND.id(), "1", List.of()).writeTo(live);
        Path notOurs = Files.createDirectory(dir.resolve(".target.old-999999999-0"));
        Files.writeString(notOurs.resolve("diary.txt"), "someone's");
        OutputFolder.write(target, KIND, "1", output("new"));
        assertThat(names(dir)).containsExactly(".target.old-999999999-0", ".target.tmp-" + ProcessHandle.current().pid() + "-0", "target");
        assertThat(notOurs.resolve("diary.txt")).hasContent("someone's");
        assertThat(filesOf(target)).isEqualTo(expected("new"));
    }

    @Test
    void foldersAndFilesGetTheDefaultPermissionsNotOwnerOnly() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plainFolder = Files.createDirectory(dir.resolve("plain"));
        Path plainFile = Files.createFile(plainFolder.resolve("plain.txt"));
        Path out = OutputFolder.write(dir.resolve("out"), KIND, "1", output("new"));
        Set<PosixFilePermission> folder = Files.getPosixFilePermissions(plainFolder);
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(folder).contains(PosixFilePermission.OTHERS_READ);
        assertThat(Files.getPosixFilePermissions(out.resolve("charts"))).isEqualTo(folder);
        assertThat(Files.getPosixFilePermissions(out.resolve("id.txt"))).isEqualTo(Files.getPosixFilePermissions(plainFile));
        assertThat(Files.getPosixFilePermissions(out.resolve(OutputMarker.FILE))).isEqualTo(Files.getPosixFilePermissions(plainFile));
    }

    @Test
    void claimCreatesAMarkedFolderAndAcceptsOnlyItsOwnKind() throws IOException {
        Path sweep = OutputFolder.claim(dir.resolve("sweep"), KIND, "1");
        assertThat(Files.readString(sweep.resolve(OutputMarker.FILE))).contains("kind=test-output");
        Files.writeString(sweep.resolve("data.csv"), "rows");
        assertThat(OutputFolder.claim(sweep, KIND, "2")).isEqualTo(sweep);
        assertThrows(OutputFolderException.class, () -> OutputFolder.claim(sweep, OTHER, "2"));

        Path legacy = Files.createDirectory(dir.resolve("legacy"));
        Files.writeString(legacy.resolve("data.csv"), "rows");
        assertThat(OutputFolder.claim(legacy, KIND, "2")).isEqualTo(legacy);
        assertThat(legacy.resolve("data.csv")).hasContent("rows");

        Path mine = Files.createDirectory(dir.resolve("mine"));
        Files.writeString(mine.resolve("thesis.txt"), "thesis");
        assertThat(assertThrows(OutputFolderException.class, () -> OutputFolder.claim(mine, KIND, "1")))
                .hasMessageContaining("never replaces or adds to a folder it did not write");
        assertThat(names(mine)).containsExactly("thesis.txt");
    }
}
