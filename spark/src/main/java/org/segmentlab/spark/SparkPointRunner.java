package org.segmentlab.spark;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.segmentlab.simulator.experiment.PointRows;
import org.segmentlab.simulator.experiment.PointRunner;
import org.segmentlab.simulator.experiment.SweepPoint;

/**
 * Computes a sweep's points as Spark tasks: one single-task job per point, at most {@link #window()} at once, so the
 * cluster's cores stay busy while the driver writes the finished points in the sweep's order (the sweep holds at
 * most a window of points, as a local sweep does). A job per point keeps stragglers cheap: a slow point delays only
 * its own row block, never a whole batch, and the table is resumable point by point.
 * <p>
 * A failed task is retried by Spark ({@code spark.task.maxFailures}); its rows are a function of the point, so a
 * retry gives the same bytes.
 */
@SuppressWarnings("try") // close() waits for the running jobs, so it may be interrupted: see PointRunner
public final class SparkPointRunner implements PointRunner {

    private final JavaSparkContext sc;
    private final boolean ownsContext;
    private final PointTask task;
    private final int window;
    private final String group = "segmentlab-sweep-" + UUID.randomUUID();
    private final ExecutorService jobs;
    /** Jobs submitted and not finished: those an interrupted sweep cancels. */
    private final AtomicInteger running = new AtomicInteger();

    public SparkPointRunner(JavaSparkContext sc, boolean ownsContext, PointTask task) {
        this.sc = sc;
        this.ownsContext = ownsContext;
        this.task = task;
        // Two points per core: one running, one queued, so a core never waits on the driver.
        this.window = Math.max(2, 2 * sc.defaultParallelism());
        this.jobs = Executors.newFixedThreadPool(window, r -> {
            Thread t = new Thread(r, "segmentlab-spark-job");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A runner on a new Spark context: {@code master} (null: the one spark-submit set), this application's defaults
     * (no console progress bar; no web UI in local mode), then whatever spark.* the caller set.
     */
    public static SparkPointRunner start(String master, PointTask task) {
        SparkConf conf = new SparkConf().setAppName("segmentlab sweep");
        if (master != null) {
            conf.setMaster(master);
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (conf.get("spark.master", "").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        return new SparkPointRunner(new JavaSparkContext(conf), true, task);
    }

    @Override
    public Future<PointRows> submit(SweepPoint point) {
        int id = point.id();
        PointTask t = task;
        running.incrementAndGet();
        return jobs.submit(() -> {
            try {
                sc.setJobGroup(group, "segmentlab sweep: point " + id, true);
                List<PointRows> rows = sc.parallelize(List.of(id), 1).map(t::compute).collect();
                return rows.get(0);
            } finally {
                running.decrementAndGet();
            }
        });
    }

    @Override
    public int window() {
        return window;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            if (running.get() > 0) {
                sc.cancelJobGroup(group);
            }
            jobs.shutdownNow();
            jobs.awaitTermination(1, TimeUnit.MINUTES);
        } finally {
            if (ownsContext) {
                sc.stop();
            }
        }
    }
}
