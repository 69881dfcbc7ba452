package org.segmentlab.simulator.engine;

/**
 * A stage of the month that runs over one {@link Chunk} of customers: a loop over the chunk's rows that reads the
 * columns the stages before it wrote and writes its own, with its sums in the chunk's tally. What the whole month
 * shares (the scenario's constants, the state, the plan, what the month-wide stages decided) comes from the
 * {@link Month}; a stage keeps no per-month state of its own, so one instance serves every chunk and thread.
 */
interface ChunkStage {
    void run(Month m, Chunk c);
}
