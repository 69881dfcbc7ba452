package org.segmentlab.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.segmentlab.simulator.scenario.Scenarios;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code segmentlab schema}: prints the scenario JSON Schema (draft 2020-12), the same file as
 * {@code scenarios/schema/scenario.schema.json}, for editors and other tools. Exit 0.
 */
@Command(name = "schema",
        headerHeading = "%n",
        header = "Print the JSON Schema of scenario files.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%n",
        description = {
            "Prints the JSON Schema (draft 2020-12) that scenario files follow. Point an editor at it for completion"
                    + " and checking as you type, e.g. with a first line"
                    + " '# yaml-language-server: $schema=scenario.schema.json' after"
                    + " 'bin/segmentlab schema > scenario.schema.json'. The loader checks more than a schema can say"
                    + " (shares summing to 1, segments a strategy names); run 'bin/segmentlab validate' for that.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed"})
public final class SchemaCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String schema = Scenarios.schema();
        out.print(schema.endsWith("\n") ? schema : schema + "\n");
        out.flush();
        return 0;
    }
}
