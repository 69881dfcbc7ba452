package org.segmentlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.segmentlab.cli.command.Run;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A file-system failure during a run (a full disk, a file removed or made unreadable meanwhile) is a failed run,
 * exit 1, said as the file and the system's reason, not as a Java exception; a bug keeps its exception type.
 */
class IoFailureReportTest {

    /** A verb that fails the way it is told, as the engine or a writer would (wrapped by a stream or a pool). */
    @Command(name = "fail")
    static final class FailCommand implements Callable<Integer> {
        @Parameters(index = "0")
        String how;

        @Override
        public Integer call() throws IOException {
            switch (how) {
                case "disk-full":
                    throw new UncheckedIOException(new FileSystemException("out/r/.r.tmp-1-0/metrics.csv", null,
                            "No space left on device"));
                case "denied":
                    throw new IllegalStateException("writing charts", new AccessDeniedException("out/r/charts"));
                case "gone":
                    throw new NoSuchFileException("scenarios/removed.yaml");
                case "plain-io":
                    throw new IOException("Input/output error");
                default:
                    throw new IllegalStateException("a bug");
            }
        }
    }

    private static Run fail(String how) {
        CommandLine cmd = SegmentLabCommand.commandLine();
        cmd.addSubcommand(new FailCommand());
        return Run.of(cmd, "fail", how);
    }

    @Test
    void fileSystemFailuresNameTheFileAndTheReason() {
        assertThat(fail("disk-full").err()).startsWith(
                "segmentlab fail: the run failed: out/r/.r.tmp-1-0/metrics.csv: No space left on device");
        assertThat(fail("denied").err()).startsWith("segmentlab fail: the run failed: out/r/charts: permission denied");
        assertThat(fail("gone").err()).startsWith(
                "segmentlab fail: the run failed: scenarios/removed.yaml: no such file or folder");
        assertThat(fail("plain-io").err()).startsWith("segmentlab fail: the run failed: input/output error: Input/output error");
        for (String how : new String[] {"disk-full", "denied", "gone", "plain-io"}) {
            Run r = fail(how);
            assertThat(r.exit()).as(how).isEqualTo(ExitCodes.RUN_FAILED);
            assertThat(r.err()).as(how).doesNotContain("Exception").doesNotContain("java.").doesNotContain("\tat ");
        }
    }

    @Test
    void aBugKeepsItsExceptionTypeForTheReport() {
        Run r = fail("bug");
        assertThat(r.exit()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(r.err()).startsWith("segmentlab fail: the run failed: java.lang.IllegalStateException: a bug")
                .contains("SEGMENTLAB_DEBUG=1");
    }
}
