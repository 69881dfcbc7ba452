package org.segmentlab.cli.command;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.segmentlab.cli.SegmentLabCommand;

import picocli.CommandLine;

/** One in-process run of {@code segmentlab}: its exit code and what it printed. */
public record Run(int exit, String out, String err) {

    public static Run of(String... args) {
        return of(SegmentLabCommand.commandLine(), args);
    }

    public static Run of(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
