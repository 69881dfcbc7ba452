package org.segmentlab.simulator.experiment;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a simulation on a new, short-lived thread and waits for it. Why: the engine keeps per-thread scratch
 * buffers in a {@code ThreadLocal} created per run and never removed, so a long-lived thread that runs many
 * simulations (a sweep's worker, a tuner's loop) would keep one set of buffers per run — memory growing with the
 * number of points (~0.1 MiB each, measured). A thread that ends takes its thread-locals with it; starting one
 * costs microseconds against a run's milliseconds. The new thread has the caller's name, so CPU accounting by
 * thread name still sees the caller.
 */
final class FreshThread {

    private FreshThread() {
    }

    static <T> T call(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, Thread.currentThread().getName());
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            // The caller is stopping: the run cannot be cut short, but its result will not be used.
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        }
        if (e instanceof Error) {
            throw (Error) e;
        }
        return result.get();
    }
}
