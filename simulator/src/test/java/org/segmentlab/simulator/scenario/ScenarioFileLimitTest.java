package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 8 MiB scenario limit holds while reading: a device or a pipe reports no size (or 0), so a check of the size
 * alone let {@code /dev/zero} and {@code <(yes)} be read until the heap ran out.
 */
class ScenarioFileLimitTest {

    /** Generous for a loaded 2-core machine: the bounded read itself takes well under a second. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static void assertTooLarge(Path file) {
        ScenarioException e = assertTimeoutPreemptively(DEADLINE,
                () -> assertThrows(ScenarioException.class, () -> Scenarios.load(file)));
        assertThat(e.getMessage()).contains(file.toString()).contains("the file is larger than 8 MiB")
                .contains("a scenario must be at most 8 MiB");
    }

    @Test
    void devZeroIsRefusedAfterTheLimit() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "no /dev/zero on this system");
        assertTooLarge(zero);
    }

    @Test
    void anEndlessFifoIsRefusedAfterTheLimit(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("scenario.yaml");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo on this system");
            return;
        }
        assumeTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        Thread writer = new Thread(() -> {
            byte[] chunk = "name: x\n".repeat(1024).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = Files.newOutputStream(fifo)) {
                while (true) {
                    out.write(chunk); // until the reader closes its end: then a broken pipe ends the loop
                }
            } catch (IOException expected) {
                // the reader stopped reading, as it should
            }
        }, "fifo-writer");
        writer.setDaemon(true);
        writer.start();
        assertTooLarge(fifo);
        writer.join(DEADLINE.toMillis());
        assertThat(writer.isAlive()).as("the writer saw the reader close the pipe").isFalse();
    }

    @Test
    void aRegularFileJustOverTheLimitIsRefusedAndOneAtItIsRead(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        byte[] over = new byte[(int) Scenarios.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(over, (byte) '#');
        Files.write(big, over);
        assertTooLarge(big);
        Path at = dir.resolve("at.yaml");
        Files.write(at, java.util.Arrays.copyOf(over, (int) Scenarios.MAX_FILE_BYTES));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.load(at));
        assertThat(e.getMessage()).doesNotContain("larger than");
    }
}
