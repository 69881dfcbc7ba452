package org.segmentlab.workbench;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.segmentlab.reports.output.ReportInput;
import org.segmentlab.simulator.engine.PartialRun;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioWriter;

/**
 * One run of the workbench, done on a worker thread: simulate, then draw the page's charts and the key figures.
 * The request thread only reads its progress, the latest {@link Snapshot} of the months simulated so far and, when
 * done, its {@link Outcome}. Cancelling interrupts the worker; the engine checks the interrupt flag every month and
 * stops with a {@link CancellationException}.
 * <p>
 * A preview job runs a {@link PreviewSample} of the scenario and scales its result up; a full job with a preview
 * waits (briefly) for it, so the quick answer gets the processors first.
 */
final class RunJob implements Runnable {

    enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** What a finished run leaves for the page and the bundle. */
    record Outcome(Scenario scenario, String resolvedYaml, RunResult result, List<PageCharts.Drawn> charts,
            KeyFigureTable figures, long simulateMillis, long drawMillis, ReportInput report) {
    }

    /**
     * The charts and key figures of the months simulated so far ({@code version} counts the snapshots; the page
     * asks for a chart with it so a browser never shows an older one from its cache): {@code month} months of the
     * first replication while {@code replications} (finished) is 0, else the finished replications' whole months.
     */
    record Snapshot(int version, int month, int replications, List<PageCharts.Drawn> charts, KeyFigureTable figures,
            long drawMillis) {
    }

    /** The longest a full run waits for its preview before starting anyway. */
    private static final long PREVIEW_WAIT_MS = 5_000;
    /**
     * The least time between two snapshots; and the run goes on for at least this many times a drawing's time before
     * the next.
     */
    private static final long SNAPSHOT_EVERY_MS = 600;
    private static final int SNAPSHOT_DRAW_SHARE = 4;

    private final String id;
    private final Scenario scenario;
    private final List<String> overrides;
    private final String version;
    private final int engineThreads;
    private final RunResult previous;
    private final PreviewSample sample;
    private final RunJob preview;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Snapshot snapshot;
    private long nextSnapshotNanos;
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
        this(id, scenario, overrides, version, engineThreads, previous, null, null);
    }

    /**
     * @param sample  for a preview job: the miniature of {@code scenario} to run instead (null: the full run)
     * @param preview for a full job: its preview, waited for before starting (null: none)
     */
    RunJob(String id, Scenario scenario, List<String> overrides, String version, int engineThreads, RunResult previous,
           PreviewSample sample, RunJob preview) {
        this.id = id;
        this.previous = previous;
        this.sample = sample;
        this.preview = preview;
        this.scenario = scenario;
        this.overrides = List.copyOf(overrides);
        this.version = version;
        this.engineThreads = engineThreads;
    }

    @Override
    public void run() {
        try {
            if (state != State.QUEUED) {
                return;
            }
            if (preview != null && !preview.finished.await(PREVIEW_WAIT_MS, TimeUnit.MILLISECONDS)) {
                preview.cancel(); // late: the full run goes first
            }
            if (state != State.QUEUED) {
                return;
            }
            simulate();
        } catch (InterruptedException e) {
            state = State.CANCELLED;
            finishedNanos = System.nanoTime();
        } finally {
            finished.countDown();
        }
    }

    private void simulate() {
        state = State.RUNNING;
        try {
            long t0 = System.nanoTime();
            nextSnapshotNanos = t0 + TimeUnit.MILLISECONDS.toNanos(SNAPSHOT_EVERY_MS);
            RunOptions options = RunOptions.threads(engineThreads).withProgress((d, t) -> {
                total.set(t);
                done.set(d);
            });
            if (sample == null) {
                options = options.withMonths(this::snapshotIfDue);
            }
            RunResult result = sample == null ? Simulator.run(scenario, options)
                    : sample.scaledUp(Simulator.run(sample.scenario(), options));
            long t1 = System.nanoTime();
            String yaml = ScenarioWriter.toYaml(scenario);
            ReportInput report = new ReportInput(result, scenario.description(), yaml, version, overrides);
            List<PageCharts.Drawn> charts = PageCharts.draw(result, sourceLine(report, null), previous);
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

    /**
     * Draws the months simulated so far when the last snapshot is old enough: at most every
     * {@value #SNAPSHOT_EVERY_MS} ms, and drawing takes at most a fifth of the run's time. On the engine's thread,
     * which waits meanwhile (the partial result is a copy only during the call).
     */
    private void snapshotIfDue(PartialRun partial) {
        long now = System.nanoTime();
        if (partial.complete() || now < nextSnapshotNanos || Thread.currentThread().isInterrupted()) {
            return;
        }
        RunResult so = partial.result();
        ReportInput report = new ReportInput(so, scenario.description(), "", version, overrides);
        List<PageCharts.Drawn> charts = PageCharts.draw(so, sourceLine(report, partial), previous, scenario.months());
        KeyFigureTable figures = KeyFigureTable.of(so);
        long drawn = System.nanoTime();
        Snapshot last = snapshot;
        int replicationsDone = partial.replication() + (partial.month() == partial.months() ? 1 : 0);
        snapshot = new Snapshot(last == null ? 1 : last.version() + 1, so.metrics().months(), replicationsDone, charts,
                figures, (drawn - now) / 1_000_000);
        nextSnapshotNanos = drawn + Math.max(TimeUnit.MILLISECONDS.toNanos(SNAPSHOT_EVERY_MS),
                SNAPSHOT_DRAW_SHARE * (drawn - now));
    }

    /** The charts' source line, saying when they show a sample or the months so far rather than the whole run. */
    private String sourceLine(ReportInput report, PartialRun partial) {
        String line = report.source().line();
        if (sample != null) {
            return line + String.format(java.util.Locale.ROOT, " · preview: a %,d-customer sample scaled up",
                    sample.scenario().market().initialCustomers());
        }
        if (partial != null) {
            return line + (partial.replication() == 0
                    ? " · in progress: month " + partial.month() + " of " + partial.months()
                    : " · in progress: " + partial.replication() + " of " + partial.replications() + " replications");
        }
        return line;
    }

    /** Stops the run (and its preview): a queued run never starts, a running one is interrupted. */
    void cancel() {
        if (state == State.QUEUED) {
            state = State.CANCELLED;
            finishedNanos = System.nanoTime();
            finished.countDown(); // it may never be started: whoever waits for it goes on
        }
        Future<?> f = future;
        if (f != null) {
            f.cancel(true);
        }
        if (preview != null) {
            preview.cancel();
        }
    }

    /** Whether this job runs a sample of the scenario (a preview), not the scenario itself. */
    boolean isPreview() {
        return sample != null;
    }

    /** The sample a preview job runs, else null. */
    PreviewSample sample() {
        return sample;
    }

    /** A full job's preview, or null. */
    RunJob preview() {
        return preview;
    }

    /** The latest snapshot of the months simulated so far, while the run goes on (null before the first, and once done). */
    Snapshot snapshot() {
        return outcome == null ? snapshot : null;
    }

    /** Waits up to {@code millis} for the job to end (done, failed or cancelled); whether it has. */
    boolean awaitEnd(long millis) throws InterruptedException {
        return finished.await(millis, TimeUnit.MILLISECONDS);
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
