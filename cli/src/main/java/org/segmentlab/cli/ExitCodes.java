package org.segmentlab.cli;

/** The exit codes of {@code segmentlab}, the same for every verb. */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** The input was fine but the run failed (an I/O error while writing, a bug). */
    public static final int RUN_FAILED = 1;
    /** Bad input: an unknown option, a bad value, a bad line in a file, an invalid definition. Nothing was written. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
