package org.segmentlab.simulator.engine;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs the month's chunk passes on the pool. Chunks are fixed ({@link Chunk#SIZE} customers), each tallies into its
 * own {@link Tally}, and the tallies are added in chunk order: the work split and every floating-point sum are the same
 * for any thread count. A worker borrows an idle {@link Chunk} (its scratch) for one chunk at a time.
 */
final class ChunkRunner {
    private final ForkJoinPool pool;
    private final Supplier<Tally> newTally;
    private final ConcurrentLinkedDeque<Chunk> idle = new ConcurrentLinkedDeque<>();
    private Tally[] tallies = new Tally[0];

    ChunkRunner(ForkJoinPool pool, Supplier<Tally> newTally) {
        this.pool = pool;
        this.newTally = newTally;
    }

    /** Runs {@code pass} over every chunk of rows [0, size), then adds the chunks' tallies into {@code into}. */
    void run(int size, Consumer<Chunk> pass, Tally into) {
        int chunks = (size + Chunk.SIZE - 1) / Chunk.SIZE;
        if (tallies.length < chunks) {
            Tally[] grown = Arrays.copyOf(tallies, chunks);
            for (int c = tallies.length; c < chunks; c++) {
                grown[c] = newTally.get();
            }
            tallies = grown;
        }
        IntConsumer task = k -> {
            tallies[k].clear();
            Chunk chunk = idle.pollFirst();
            if (chunk == null) {
                chunk = new Chunk();
            }
            try {
                pass.accept(chunk.at(k, size, tallies[k]));
            } finally {
                idle.addFirst(chunk);
            }
        };
        forEachBlock(chunks, task);
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("run interrupted");
        }
        into.clear();
        for (int k = 0; k < chunks; k++) {
            into.add(tallies[k]);
        }
    }

    /** Runs body(0 .. blocks-1) on the pool (in the calling thread when there is none or one block). */
    void forEachBlock(int blocks, IntConsumer body) {
        PoolBlocks.forEach(pool, blocks, body);
    }

    /** Adds every chunk's stage times into {@code into} (between passes, when every chunk is back in the idle list). */
    void addStageNanos(long[] into) {
        for (Chunk chunk : idle) {
            chunk.clock.addInto(into);
        }
    }

    void clearStageNanos() {
        for (Chunk chunk : idle) {
            chunk.clock.clear();
        }
    }

    Tally newTally() {
        return newTally.get();
    }

    ForkJoinPool pool() {
        return pool;
    }
}
