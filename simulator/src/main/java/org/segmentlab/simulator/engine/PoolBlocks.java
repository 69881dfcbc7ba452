package org.segmentlab.simulator.engine;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

import org.segmentlab.model.Chunks;

/**
 * Runs a body over blocks 0 .. n-1 on the engine's pool, each worker taking the next block from a shared counter until
 * none is left. The body's result for a block never depends on which thread ran it, so results are the same for any
 * thread count. A block's failure is thrown in the calling thread once every worker has stopped ({@link FirstFailure}:
 * an out-of-memory error no longer leaves the caller waiting). Why not a parallel stream: a stream splits into leaves
 * sized from the common pool's parallelism (one on a two-core machine: four leaves), so a slow quarter left the other
 * thread idle at every barrier of the month.
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
        FirstFailure failure = new FirstFailure();
        Runnable worker = failure.guard(() -> {
            for (int b = next.getAndIncrement(); b < blocks && !failure.failed(); b = next.getAndIncrement()) {
                body.accept(b);
            }
        });
        ForkJoinTask<?>[] workers = new ForkJoinTask<?>[Math.min(pool.getParallelism(), blocks)];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = pool.submit(worker);
        }
        for (ForkJoinTask<?> w : workers) {
            w.join();
        }
        failure.rethrow();
    }

    /**
     * The first half of a parallel gather of the rows {@code 0 .. size-1} that pass {@code keep}: each fixed block of
     * {@link Chunks#RANKING} rows counts its own on the pool, then {@code offsets[b]} becomes the number kept before
     * block b. A gather that writes block b's kept rows from {@code offsets[b]}, in row order, lists them exactly as a
     * sequential scan would, on any thread count.
     *
     * @param offsets at least {@link #blocksOf}(size) entries
     * @return how many rows pass
     */
    static int keptOffsets(ForkJoinPool pool, int size, IntPredicate keep, int[] offsets) {
        int blocks = blocksOf(size);
        forEach(pool, blocks, b -> {
            int count = 0;
            for (int i = b * Chunks.RANKING, to = Math.min(size, (b + 1) * Chunks.RANKING); i < to; i++) {
                if (keep.test(i)) {
                    count++;
                }
            }
            offsets[b] = count;
        });
        int kept = 0;
        for (int b = 0; b < blocks; b++) {
            int c = offsets[b];
            offsets[b] = kept;
            kept += c;
        }
        return kept;
    }

    /** How many blocks of {@link Chunks#RANKING} rows cover {@code size} rows. */
    static int blocksOf(int size) {
        return (size + Chunks.RANKING - 1) / Chunks.RANKING;
    }
}
