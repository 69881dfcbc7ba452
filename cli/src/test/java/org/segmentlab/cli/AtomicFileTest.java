package org.segmentlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    private long filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    @Test
    void writesAndReplaces() throws IOException {
        Path target = dir.resolve("out.csv");
        AtomicFile.write(target, w -> w.write("first\n"));
        assertThat(Files.readString(target)).isEqualTo("first\n");
        AtomicFile.write(target, w -> w.write("second\n"));
        assertThat(Files.readString(target)).isEqualTo("second\n");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aFailureLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old\n");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, w -> {
            w.write("half of the new content");
            throw new IOException("disk full");
        }));
        assertThat(e).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old\n");
        assertThat(filesIn(dir)).isEqualTo(1);

        Path fresh = dir.resolve("new.csv");
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(fresh, w -> {
            throw new IllegalStateException("bug");
        }));
        assertThat(fresh).doesNotExist();
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aKilledWritesTemporaryFileIsDeletedByTheNextWriteAndALiveOnesIsKept() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path killed = Files.writeString(dir.resolve(".out.csv." + gone.pid() + ".0.tmp"), "half");
        Path live = Files.writeString(dir.resolve(".out.csv." + ProcessHandle.current().pid() + ".7.tmp"), "in progress");
        Path someoneElses = Files.writeString(dir.resolve(".out.csv.notes.tmp"), "mine");
        AtomicFile.write(dir.resolve("out.csv"), w -> w.write("new\n"));
        assertThat(killed).doesNotExist();
        assertThat(live).hasContent("in progress");
        assertThat(someoneElses).hasContent("mine");
        assertThat(dir.resolve("out.csv")).hasContent("new");
    }

    @Test
    void writtenFilesGetTheDefaultPermissions() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path target = dir.resolve("out.csv");
        AtomicFile.writeBytes(target, out -> out.write(new byte[] {1, 2, 3}));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    }

    @Test
    void progressIsOffWhenQuietOrNotAConsole() {
        var in = new java.io.ByteArrayInputStream(new byte[0]);
        assertThat(Progress.reading(in, Long.MAX_VALUE, "x", true)).isSameAs(in);
        assertThat(Progress.reading(in, 10, "x", false)).isSameAs(in);
        assertThat(Progress.interactive(true)).isFalse();
    }
}
