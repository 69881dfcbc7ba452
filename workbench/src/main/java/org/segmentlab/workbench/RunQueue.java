package org.segmentlab.workbench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * The workers that simulate, off the request threads: a small fixed pool, so a classroom of trainees pressing Run
 * at once queue up instead of starving each other and the web server of processors; and a lane of its own for the
 * previews, so a quick answer never waits behind someone's full run.
 */
final class RunQueue implements AutoCloseable {

    private final ExecutorService pool;
    private final ExecutorService previews;
    private final int engineThreads;
    private final String version;

    /** {@code version} goes on every chart's source line. */
    RunQueue(int workers, int engineThreads, String version) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory named = task -> {
            Thread t = new Thread(task, "segmentlab-workbench-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(workers, named);
        this.previews = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "segmentlab-workbench-preview");
            t.setDaemon(true);
            return t;
        });
        this.engineThreads = engineThreads;
        this.version = version;
    }

    /** Queues a run of {@code scenario}, changed from its file by {@code overrides} ({@code path=value}), and returns it at once. */
    RunJob submit(String id, Scenario scenario, List<String> overrides) {
        return submit(id, scenario, overrides, null);
    }

    /** As {@link #submit(String, Scenario, List)}, compared with {@code previous} (a finished run, or null) on its charts. */
    RunJob submit(String id, Scenario scenario, List<String> overrides, RunResult previous) {
        RunJob job = new RunJob(id, scenario, overrides, version, engineThreads, previous);
        job.started(pool.submit(job));
        return job;
    }

    /**
     * As {@link #submit(String, Scenario, List, RunResult)}, first a preview on a sample of {@code previewCustomers}
     * (in the preview lane) when the scenario is larger; the full run waits for it.
     */
    RunJob submitWithPreview(String id, Scenario scenario, List<String> overrides, RunResult previous,
                             int previewCustomers) {
        RunJob preview = null;
        if (PreviewSample.applies(scenario, previewCustomers)) {
            preview = new RunJob(id + "-preview", scenario, overrides, version, engineThreads, null,
                    PreviewSample.of(scenario, previewCustomers), null);
            preview.started(previews.submit(preview));
        }
        RunJob job = new RunJob(id, scenario, overrides, version, engineThreads, previous, null, preview);
        job.started(pool.submit(job));
        return job;
    }

    /**
     * Runs {@code scenario} {@code times} times in a row on one worker, results discarded: compiles the engine's and
     * the charts' hot paths before the first trainee presses Run.
     */
    Future<?> warmUp(Scenario scenario, int times) {
        return pool.submit(() -> {
            for (int i = 0; i < times && !Thread.currentThread().isInterrupted(); i++) {
                new RunJob("warm-up-" + i, scenario, List.of(), version, engineThreads).run();
            }
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
        previews.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
            previews.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
