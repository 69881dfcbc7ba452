package org.segmentlab.simulator.engine;

import java.util.Arrays;

/**
 * Where a month's time goes, part by part of the schedule ({@link MonthlyStep}), for measuring the engine: switched on
 * by {@link MarketSimulation#timeStages}, never in a simulation's results. One clock per chunk's scratch times the
 * chunk stages (each worker thread its own: summed, that is time spent in a stage over all threads); the step's own
 * clock times the month-wide parts and the chunk passes as a whole (the wall time they took). Off, a lap is one test
 * of a flag per chunk and stage.
 */
final class StageClock {
    /** The parts of the month, in the order of the schedule. */
    enum Part {
        ASSIGNMENT("assignment"), EVENTS("events"), PURCHASES("purchases"), SERVICE("service"),
        SATISFACTION("satisfaction"), WORD_OF_MOUTH("word of mouth"), LEDGER("ledger"), CHURN("churn"),
        WINDOW_REVENUE("window revenue"), FEATURES("features"), CLASSIFICATION("classification"),
        BUDGET("budget (month-wide)"), ACQUISITION("acquisition (month-wide)"), RANKING("ranking (month-wide)"),
        METRICS("metrics (month-wide)"), COMPACTION("compaction (month-wide)"),
        CHUNK_PASSES("chunk passes (wall)");

        final String label;

        Part(String label) {
            this.label = label;
        }
    }

    private final long[] nanos = new long[Part.values().length];
    private boolean running;
    private long last;

    /** Starts a run of laps when {@code on}: the next lap ends the part that begins now. */
    void start(boolean on) {
        running = on;
        if (on) {
            last = System.nanoTime();
        }
    }

    /** Ends {@code part} now (when started) and begins the next. */
    void lap(Part part) {
        if (running) {
            long now = System.nanoTime();
            nanos[part.ordinal()] += now - last;
            last = now;
        }
    }

    void addInto(long[] into) {
        for (int k = 0; k < nanos.length; k++) {
            into[k] += nanos[k];
        }
    }

    void clear() {
        Arrays.fill(nanos, 0);
        running = false;
    }
}
