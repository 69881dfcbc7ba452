package org.segmentlab.workbench;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.segmentlab.reports.output.ReportInput;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioWriter;

/**
 * One run of the workbench, done on a worker thread: simulate, then draw the page's charts and the key figures.
 * The request thread only reads its progress and, when done, its {@link Outcome}. Cancelling interrupts the
 * worker; the engine checks the interrupt flag every month and stops with a {@link CancellationException}.
 */
final class RunJob implements Runnable {

    enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** What a finished run leaves for the page and the bundle. */
    record Outcome(Scenario scenario, String resolvedYaml, RunResult result, List<PageCharts.Drawn> charts,
            KeyFigureTable figures, long simulateMillis, long drawMillis, ReportInput report) {
    }

    private final String id;
    private final Scenario scenario;
    private final List<String> overrides;
    private final String version;
    private final int engineThreads;
    private final RunResult previous;
    private final long createdNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong(1);
    private volatile State state = State.QUEUED;
    private volatile String error;
    private volatile Outcome outcome;
    private volatile long finishedNanos;
    private volatile Future<?> future;

    /**
     * @param overrides values changed from the scenario file ({@code path=value}), named on every chart and in the bundle
     * @param version   the SegmentLab version, on every chart's source line
     */
    RunJob(String id, Scenario scenario, List<String> overrides, String version, int engineThreads) {
        this(id, scenario, overrides, version, engineThreads, null);
    }

    /** @param previous the session's previous finished run, drawn faintly for comparison (null: none) */
    RunJob(String id, Scenario scenario, List<String> overrides, String version, int engineThreads, RunResult previous) {
        this.id = id;
        this.previous = previous;
        this.scenario = scenario;
        this.overrides = List.copyOf(overrides);
        this.version = version;
        this.engineThreads = engineThreads;
    }

    @Override
    public void run() {
        if (state != State.QUEUED) {
            return;
        }
        state = State.RUNNING;
        try {
            long t0 = System.nanoTime();
            RunOptions options = RunOptions.threads(engineThreads).withProgress((d, t) -> {
                total.set(t);
                done.set(d);
            });
            RunResult result = Simulator.run(scenario, options);
            long t1 = System.nanoTime();
            String yaml = ScenarioWriter.toYaml(scenario);
            ReportInput report = new ReportInput(result, scenario.description(), yaml, version, overrides);
            List<PageCharts.Drawn> charts = PageCharts.draw(result, report.source().line(), previous);
            KeyFigureTable figures = KeyFigureTable.of(result);
            long t2 = System.nanoTime();
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("run cancelled");
            }
            outcome = new Outcome(scenario, yaml, result, charts, figures,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, report);
            state = State.DONE;
        } catch (CancellationException e) {
            state = State.CANCELLED;
        } catch (RuntimeException | OutOfMemoryError e) {
            if (Thread.currentThread().isInterrupted()) {
                // An interrupt can surface as another exception (e.g. from the population generator's pool).
                state = State.CANCELLED;
            } else {
                error = e.getMessage() != null ? e.getMessage() : e.toString();
                state = State.FAILED;
            }
        } finally {
            finishedNanos = System.nanoTime();
        }
    }

    /** Stops the run: a queued run never starts, a running one is interrupted. */
    void cancel() {
        if (state == State.QUEUED) {
            state = State.CANCELLED;
            finishedNanos = System.nanoTime();
        }
        Future<?> f = future;
        if (f != null) {
            f.cancel(true);
        }
    }

    void started(Future<?> f) {
        this.future = f;
    }

    String id() {
        return id;
    }

    Scenario scenario() {
        return scenario;
    }

    State state() {
        return state;
    }

    String error() {
        return error;
    }

    /** The outcome once {@link #state()} is DONE, else null. */
    Outcome outcome() {
        return outcome;
    }

    long done() {
        return done.get();
    }

    long total() {
        return total.get();
    }

    /** Milliseconds from the request to the end of the run (or to now while it goes on). */
    long elapsedMillis() {
        long end = finishedNanos != 0 ? finishedNanos : System.nanoTime();
        return (end - createdNanos) / 1_000_000;
    }
}
