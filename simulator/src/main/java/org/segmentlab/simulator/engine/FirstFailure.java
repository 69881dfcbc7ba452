package org.segmentlab.simulator.engine;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The first throwable of a pool's tasks, caught inside the task itself. Why not let the pool record it: a
 * {@link java.util.concurrent.ForkJoinTask} records a failure by allocating, so an {@link OutOfMemoryError} thrown
 * while the heap is full can strike again there, kill the worker and leave the task's {@code join} waiting forever (a
 * run at the edge of its heap hung instead of failing). Catching in the task and remembering the first failure
 * allocates nothing; the caller rethrows it once every task has returned.
 */
final class FirstFailure {
    private final AtomicReference<Throwable> first = new AtomicReference<>();

    /** {@code body}, run only while nothing has failed, its failure remembered instead of thrown. */
    Runnable guard(Runnable body) {
        return () -> {
            if (first.get() != null) {
                return;
            }
            try {
                body.run();
            } catch (Throwable t) {
                first.compareAndSet(null, t);
            }
        };
    }

    /** Whether a task has failed: the others stop taking work. */
    boolean failed() {
        return first.get() != null;
    }

    /** Throws the first failure as it was thrown (an unchecked one as is, a checked one wrapped). */
    void rethrow() {
        Throwable t = first.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
