package org.segmentlab.model.classify;

/**
 * Executes a {@link RuleProgram} over a range of customers. Implementations give bit-identical answers; they
 * differ only in speed. Stateless between calls and thread-safe.
 */
interface ClassifierKernel {

    /**
     * Writes the segment of customers {@code [from, to)} into {@code out[from .. to)}, reading
     * {@code columns[feature ordinal]}. The range is already checked.
     */
    void classify(float[][] columns, byte[] out, int from, int to);

    /** A short name for diagnostics and benchmarks ({@code scalar}, {@code vector}). */
    String name();
}
