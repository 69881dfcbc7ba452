package org.segmentlab.simulator.experiment;

/**
 * A sweep table that this sweep must not continue: it was written by another sweep (another scenario, seed, design
 * or options: see {@link SweepFingerprint}), it has no fingerprint, or its rows do not fit this design. The message
 * says what differs and how to proceed; the table is left as it was. An {@link IllegalArgumentException}, as
 * {@link Sweep#resume} has always documented; the command line reports it as bad input (exit 2).
 */
public final class SweepResumeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SweepResumeException(String message) {
        super(message);
    }
}
