package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's block runner: every block once, and a block's failure thrown in the caller as it was thrown. The
 * second matters at the edge of the heap: the pool used to record a failure by allocating a copy of it, and an
 * out-of-memory error that struck again there killed the worker and left the run waiting forever.
 */
class PoolBlocksTest {
    private final ForkJoinPool pool = new ForkJoinPool(2);

    @AfterEach
    void close() {
        pool.shutdownNow();
    }

    @Test
    void everyBlockRunsExactlyOnce() {
        AtomicIntegerArray runs = new AtomicIntegerArray(1000);
        PoolBlocks.forEach(pool, runs.length(), runs::incrementAndGet);
        for (int b = 0; b < runs.length(); b++) {
            assertThat(runs.get(b)).as("block %d", b).isEqualTo(1);
        }
    }

    @Test
    void anOutOfMemoryErrorInABlockIsThrownInTheCallerItself() {
        OutOfMemoryError full = new OutOfMemoryError("Java heap space");
        Throwable thrown = catchThrowable(() -> PoolBlocks.forEach(pool, 64, b -> {
            if (b == 5) {
                throw full;
            }
        }));
        // The same object: nothing was allocated to carry it (a ForkJoinTask would rethrow a reflective copy).
        assertThat(thrown).isSameAs(full);
        // The workers survived: the pool still runs blocks.
        AtomicIntegerArray runs = new AtomicIntegerArray(8);
        PoolBlocks.forEach(pool, runs.length(), runs::incrementAndGet);
        assertThat(runs.get(7)).isEqualTo(1);
    }
}
