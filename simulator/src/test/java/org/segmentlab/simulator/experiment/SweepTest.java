package org.segmentlab.simulator.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.ScenarioException;

/**
 * Sweeps as the issue demands them: 200 points × 5 replications of a 10 000-customer scenario on both cores;
 * killed halfway and resumed, the table is byte for byte the uninterrupted one; memory does not grow with the
 * number of points.
 */
class SweepTest {

    private static final List<Factor> FACTORS = List.of(
            Factor.parse("market.imitation=0.05..0.45"),
            Factor.parse("thresholds.loyal.frequency.min=1.0..4.0"),
            Factor.parse("treatments.price-campaign.leakage=0.0..0.3"));

    private static Sweep sweep200(SweepListener listener) {
        Design design = Design.latinHypercube(FACTORS, 200, 42);
        return Sweep.of(Fixtures.sweep10k(), design).replications(5).threads(2).listener(listener);
    }

    /**
     * One uninterrupted sweep (measuring how the two workers share the CPU), then the same sweep interrupted after
     * 100 of its 200 points with a half-written line appended (what a kill mid-write leaves), then resumed.
     */
    @Test
    void aSweepKilledHalfwayAndResumedWritesExactlyTheUninterruptedTable(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole.csv");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, AtomicLong> cpuByWorker = new ConcurrentHashMap<>();
        Map<Long, Long> startCpu = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        long t0 = System.nanoTime();
        SweepOutcome full = sweep200(new SweepListener() {
            @Override
            public void pointStarted(SweepPoint p) {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                startCpu.put(Thread.currentThread().getId(), mx.getCurrentThreadCpuTime());
            }

            @Override
            public void pointFinished(SweepPoint p) {
                running.decrementAndGet();
                long used = mx.getCurrentThreadCpuTime() - startCpu.get(Thread.currentThread().getId());
                cpuByWorker.computeIfAbsent(Thread.currentThread().getName(), k -> new AtomicLong()).addAndGet(used);
            }
        }).run(whole);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = cpuByWorker.values().stream().mapToLong(AtomicLong::get).sum() / 1e9;
        System.out.printf("sweep 200 points x 5 replications x 10 000 customers: %.1f s wall, %.1f s CPU in workers "
                + "(%.2f cores busy), %.1f points/s, per worker %s%n", wall, cpu, cpu / wall, 200 / wall, cpuByWorker);
        assertThat(full.points()).isEqualTo(200);
        assertThat(full.rows()).isEqualTo(200L * 5 * 3);
        // Both cores: two workers ran points at the same time, and each did a fair share of the CPU work.
        assertThat(maxRunning.get()).isEqualTo(2);
        assertThat(cpuByWorker).hasSize(2);
        for (AtomicLong c : cpuByWorker.values()) {
            assertThat(c.get() / 1e9).isGreaterThan(0.3 * cpu);
        }

        Path killed = dir.resolve("killed.csv");
        Thread sweeper = new Thread(() -> {
            try {
                sweep200(new SweepListener() {
                    @Override
                    public void pointWritten(SweepPoint p, int done, int total) {
                        if (done == total / 2) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).run(killed);
            } catch (InterruptedException expected) {
                // the kill
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        sweeper.start();
        sweeper.join();
        List<String> partial = Files.readAllLines(killed);
        assertThat(partial).hasSize(1 + 100 * 5 * 3);
        // A kill during a write leaves part of the next block: a whole line and a cut one.
        String nextBlock = Files.readAllLines(whole).get(1 + 100 * 15);
        Files.writeString(killed, nextBlock + "\n" + nextBlock.substring(0, nextBlock.length() / 2), StandardOpenOption.APPEND);

        SweepOutcome resumed = sweep200(SweepListener.NONE).resume(killed);
        assertThat(resumed.resumed()).isEqualTo(100);
        assertThat(resumed.rows()).isEqualTo(full.rows());
        assertThat(Files.readString(killed, StandardCharsets.UTF_8)).isEqualTo(Files.readString(whole, StandardCharsets.UTF_8));
    }

    @Test
    void theTableIsTidyTheVariedValuesThenTheMetrics(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("grid.csv");
        Design design = Design.grid(List.of(Factor.parse("market.imitation=0.1,0.3"), Factor.parse("treatments.price-campaign.leakage=0.2,0.25")));
        ScenarioDocument small = Fixtures.sweep10k().with("market.initialCustomers", "1000");
        SweepOutcome out = Sweep.of(small, design).replications(2).threads(2).finalMonthOnly().run(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("point,market.imitation,treatments.price-campaign.leakage,strategy,replication,month,active,")
                .contains(",retention_initial,", ",top20_share,", ",segment.loyal,", ",classifier_macro_f1");
        assertThat(lines).hasSize(1 + 4 * 2);
        assertThat(out.rows()).isEqualTo(8);
        // Written in the interleaved order: point 0, then 2, 1, 3.
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))))
                .containsExactly("0", "0", "2", "2", "1", "1", "3", "3");
        assertThat(lines.get(1)).startsWith("0,0.1,0.2,textbook,0,2,");
        assertThat(lines.get(3)).startsWith("2,0.3,0.2,textbook,0,2,");
        // A summary curve per varied value, with bands.
        List<SweepSummary.Curve> curves = SweepSummary.of(csv, design, "retention_initial");
        assertThat(curves).hasSize(2);
        assertThat(curves.get(0).x()).containsExactly(0.1, 0.3);
        assertThat(curves.get(0).n()).containsExactly(4, 4);
        assertThat(curves.get(0).low()[0]).isLessThanOrEqualTo(curves.get(0).mean()[0]);
    }

    @Test
    void aBadPathIsFoundBeforeAnythingRuns(@TempDir Path dir) {
        Design design = Design.grid(List.of(Factor.parse("market.imitaton=0.1,0.3")));
        Sweep sweep = Sweep.of(Fixtures.sweep10k(), design);
        assertThatThrownBy(sweep::validate).isInstanceOf(ScenarioException.class).hasMessageContaining("did you mean 'imitation'");
        Design bad = Design.grid(List.of(Factor.parse("market.imitation=-1,0.3")));
        assertThatThrownBy(Sweep.of(Fixtures.sweep10k(), bad)::validate).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("market.imitation");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void resumeRefusesATableWrittenByAnotherDesign(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("s.csv");
        ScenarioDocument small = Fixtures.sweep10k().with("market.initialCustomers", "500");
        Sweep.of(small, Design.grid(List.of(Factor.parse("market.imitation=0.1,0.3")))).threads(1).run(csv);
        Sweep other = Sweep.of(small, Design.grid(List.of(Factor.parse("market.imitation=0.2,0.4")))).threads(1);
        assertThatThrownBy(() -> other.resume(csv)).hasMessageContaining("another sweep");
        Sweep otherPaths = Sweep.of(small, Design.grid(List.of(Factor.parse("market.innovation=0.1,0.3")))).threads(1);
        assertThatThrownBy(() -> otherPaths.resume(csv)).hasMessageContaining("another sweep");
        Sweep finalOnly = Sweep.of(small, Design.grid(List.of(Factor.parse("market.imitation=0.1,0.3")))).threads(1).finalMonthOnly();
        assertThatThrownBy(() -> finalOnly.resume(csv)).hasMessageContaining("rows").hasMessageContaining("another sweep");
        Sweep moreReplications = Sweep.of(small, Design.grid(List.of(Factor.parse("market.imitation=0.1,0.3")))).threads(1).replications(2);
        assertThatThrownBy(() -> moreReplications.resume(csv)).hasMessageContaining("another sweep");
    }

    /**
     * Memory is flat: the retained heap (after a full GC, measured when the last point is written) of a sweep of
     * 200 points is within 2 MiB of that of 20 points — the table grows 10×, the sweep does not (by design it holds
     * at most {@link Sweep#inFlight()} points). And at no time are more points alive than that.
     */
    @Test
    void memoryDoesNotGrowWithTheNumberOfPoints(@TempDir Path dir) throws Exception {
        ScenarioDocument tiny = Fixtures.sweep10k().with("market.initialCustomers", "300").with("market.potential", "3000");
        long small = retainedAtEnd(tiny, 20, dir.resolve("20.csv"));
        long large = retainedAtEnd(tiny, 200, dir.resolve("200.csv"));
        System.out.printf("retained heap at the end of a sweep: 20 points %.1f MiB, 200 points %.1f MiB (table %d vs %d bytes)%n",
                small / 1048576.0, large / 1048576.0, Files.size(dir.resolve("20.csv")), Files.size(dir.resolve("200.csv")));
        assertThat(large - small).isLessThan(2L << 20);
    }

    private static long retainedAtEnd(ScenarioDocument doc, int points, Path csv) throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger maxAlive = new AtomicInteger();
        long[] retained = new long[1];
        Design design = Design.latinHypercube(List.of(Factor.parse("market.imitation=0.05..0.45")), points, 1);
        Sweep sweep = Sweep.of(doc, design).replications(1).threads(2);
        sweep.listener(new SweepListener() {
            @Override
            public void pointStarted(SweepPoint p) {
                started.incrementAndGet();
            }

            @Override
            public void pointWritten(SweepPoint p, int done, int total) {
                maxAlive.accumulateAndGet(started.get() - done, Math::max);
                if (done == total) {
                    retained[0] = usedAfterGc();
                }
            }
        }).run(csv);
        assertThat(maxAlive.get()).isLessThanOrEqualTo(sweep.inFlight());
        return retained[0];
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
