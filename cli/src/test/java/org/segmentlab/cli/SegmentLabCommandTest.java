package org.segmentlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.segmentlab.cli.command.Run;
import org.segmentlab.model.DefinitionException;
import org.segmentlab.simulator.calibrate.BadLine;
import org.segmentlab.simulator.calibrate.TransactionLogException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

class SegmentLabCommandTest {

    /** A verb that fails in the way it is told, to check how each failure maps to an exit code. */
    @Command(name = "fail")
    static final class FailCommand implements Callable<Integer> {
        @Parameters(index = "0")
        String how;

        @Override
        public Integer call() {
            switch (how) {
                case "bug":
                    throw new IllegalStateException("something broke");
                case "definition":
                    throw DefinitionException.of("segments[0].name", "duplicate segment name 'a'");
                case "log":
                    throw new TransactionLogException(new BadLine("log.txt", 3, "date: no such day: '19970230'"));
                case "input":
                    throw new BadInputException("--thing: must be positive");
                default:
                    return ExitCodes.OK;
            }
        }
    }

    private static Run fail(String how) {
        CommandLine cmd = SegmentLabCommand.commandLine();
        cmd.addSubcommand(new FailCommand());
        return Run.of(cmd, "fail", how);
    }

    @Test
    void exitCodes() {
        assertThat(fail("nothing").exit()).isEqualTo(ExitCodes.OK);

        Run bug = fail("bug");
        assertThat(bug.exit()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(bug.err()).contains("segmentlab fail: the run failed: java.lang.IllegalStateException: something broke")
                .contains("SEGMENTLAB_DEBUG");

        Run definition = fail("definition");
        assertThat(definition.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(definition.err().strip()).isEqualTo("segments[0].name: duplicate segment name 'a'");

        Run log = fail("log");
        assertThat(log.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(log.err().strip()).isEqualTo("log.txt:3: date: no such day: '19970230'");

        Run input = fail("input");
        assertThat(input.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(input.err().strip()).isEqualTo("segmentlab fail: --thing: must be positive");

        for (Run r : new Run[] {definition, log, input}) {
            assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    @Test
    void noVerbShowsTheVerbsAndExitsWithTwo() {
        Run run = Run.of();
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("which verb?").contains("classify").contains("Usage: segmentlab");
    }

    @Test
    void unknownVerbSuggestsOne() {
        Run run = Run.of("clasify");
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'clasify'").contains("classify");
    }

    @Test
    void helpAndVersion() {
        Run help = Run.of("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: segmentlab").contains("classify").contains("Exit codes:");
        Run version = Run.of("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("segmentlab " + VersionProvider.version());
        assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        // Every verb has --help and --version too.
        assertThat(Run.of("classify", "--version").out()).isEqualTo(version.out());
    }
}
