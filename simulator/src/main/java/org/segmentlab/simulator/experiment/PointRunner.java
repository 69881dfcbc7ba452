package org.segmentlab.simulator.experiment;

import java.util.concurrent.Future;

/**
 * Where a sweep's points are computed: this JVM's threads ({@link Sweep#localRunner()}) or a cluster (the spark
 * module). The sweep decides the order and writes the table; a runner only computes {@link PointRows}, which are a
 * function of the point, so the table's bytes do not depend on the runner.
 */
// "try": close() waits for the workers, so it may be interrupted; callers propagate that like any other wait.
@SuppressWarnings("try")
public interface PointRunner extends AutoCloseable {

    /** Starts computing one point's rows; the future gives them (or the failure). */
    Future<PointRows> submit(SweepPoint point);

    /** How many points may be running or waiting to be written at once: the bound on the sweep's memory. */
    int window();

    /** Stops what still runs (an interrupted sweep) and frees the runner's threads. */
    @Override
    void close() throws InterruptedException;
}
