package org.segmentlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.segmentlab.cli.command.Run;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * An {@link OutOfMemoryError} the heap check did not foresee: a plain message and exit 1, whether it reaches the
 * top directly (picocli does not hand Errors to the exception handler) or wrapped by a worker pool.
 */
class OutOfMemoryReportTest {

    /** A verb that runs out of memory the way it is told. */
    @Command(name = "grow")
    static final class GrowCommand implements Callable<Integer> {
        @Parameters(index = "0")
        String how;

        @Override
        public Integer call() {
            OutOfMemoryError e = new OutOfMemoryError("Java heap space");
            if (how.equals("wrapped")) {
                throw new IllegalStateException("population generation failed", e);
            }
            throw e;
        }
    }

    private static Run grow(String how) {
        CommandLine cmd = SegmentLabCommand.commandLine();
        cmd.addSubcommand(new GrowCommand());
        return Run.of(cmd, "grow", how);
    }

    @Test
    void outOfMemoryIsAPlainMessageAndExit1() {
        for (String how : new String[] {"direct", "wrapped"}) {
            Run r = grow(how);
            assertThat(r.exit()).as(how).isEqualTo(ExitCodes.RUN_FAILED);
            assertThat(r.err()).as(how).startsWith("segmentlab grow: the run failed: out of memory (the heap allows ")
                    .contains("nothing was written").contains("JAVA_OPTS=-Xmx")
                    .doesNotContain("OutOfMemoryError").doesNotContain("java.lang").doesNotContain("\tat ");
        }
    }
}
