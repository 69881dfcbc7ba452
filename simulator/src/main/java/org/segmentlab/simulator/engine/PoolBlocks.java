package org.segmentlab.simulator.engine;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a body over blocks 0 .. n-1 on the engine's pool, each worker taking the next block from a shared counter until
 * none is left. The body's result for a block never depends on which thread ran it, so results are the same for any
 * thread count. Why not a parallel stream: a stream splits into leaves sized from the common pool's parallelism (one
 * on a two-core machine: four leaves), so a slow quarter left the other thread idle at every barrier of the month.
 */
final class PoolBlocks {
    private PoolBlocks() {
    }

    /** Runs body(0 .. blocks-1) on the pool; in the calling thread when there is no pool or only one block. */
    static void forEach(ForkJoinPool pool, int blocks, IntConsumer body) {
        if (pool == null || blocks <= 1) {
            for (int b = 0; b < blocks; b++) {
                body.accept(b);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                body.accept(b);
            }
        };
        ForkJoinTask<?>[] workers = new ForkJoinTask<?>[Math.min(pool.getParallelism(), blocks)];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = pool.submit(worker);
        }
        for (ForkJoinTask<?> w : workers) {
            w.join();
        }
    }
}
