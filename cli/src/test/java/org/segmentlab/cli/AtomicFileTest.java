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
    void progressIsOffWhenQuietOrNotAConsole() {
        var in = new java.io.ByteArrayInputStream(new byte[0]);
        assertThat(Progress.reading(in, Long.MAX_VALUE, "x", true)).isSameAs(in);
        assertThat(Progress.reading(in, 10, "x", false)).isSameAs(in);
        assertThat(Progress.interactive(true)).isFalse();
    }
}
