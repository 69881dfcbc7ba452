package org.segmentlab.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A command whose help has a part known only at run time (e.g. the thresholds of the built-in taxonomies, read
 * from the model so the help never goes stale). {@link SegmentLabCommand#commandLine()} calls it once per command.
 */
public interface DynamicHelp {

    /** Adds to the command's usage message, e.g. {@code spec.usageMessage().footer(...)}. */
    void addHelp(CommandSpec spec);
}
