package org.segmentlab.simulator.experiment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.segmentlab.simulator.csv.Csv;
import org.segmentlab.simulator.engine.RunBudget;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;

/**
 * Runs every point of a {@link Design} × R replications and streams a tidy CSV:
 * {@code point,<varied paths…>,strategy,replication,month,<metrics…>}, one row per point × strategy × replication ×
 * month (or only the last month).
 * <p>
 * Parallel across points: each point runs single-threaded (no per-month synchronisation), on a fixed pool of
 * {@code threads} workers. Points are started in the {@link PointOrder#interleaved interleaved} order, and written in
 * that same order — a point that finishes early waits for the ones before it — so the file's bytes do not depend
 * on the thread count or on timing, and a resumed sweep writes exactly what an uninterrupted one would have.
 * <p>
 * Where the points are computed is a {@link PointRunner}: this JVM's threads ({@link #localRunner()}, the default)
 * or a cluster's cores (the spark module). The order and the writing stay here, so the bytes are the same.
 * <p>
 * Memory is O(threads), not O(points): at most {@link #inFlight()} points are running or waiting to be written,
 * each held as its formatted rows only. A point's rows are written with one write and a flush; a kill can leave
 * the last block partly written, and {@link #resume} drops it.
 *
 * <pre>{@code
 * Design design = Design.grid(List.of(Factor.parse("market.imitation=0.1..0.4:7")));
 * Sweep.of(Scenarios.load(path), design).replications(5).run(Path.of("sweep.csv"));
 * }</pre>
 */
public final class Sweep {

    /** The columns before the varied values and those after them, before the metrics. */
    static final String POINT = "point";
    static final List<String> RUN_COLUMNS = List.of("strategy", "replication", "month");

    private final ScenarioDocument base;
    private final Design design;
    private final Integer replications;
    private final int threads;
    private final boolean everyMonth;
    private final SweepListener listener;
    private final String toolVersion;
    private final Map<String, String> overrides;

    private Sweep(ScenarioDocument base, Design design, Integer replications, int threads, boolean everyMonth, SweepListener listener,
                  String toolVersion, Map<String, String> overrides) {
        this.base = base;
        this.design = design;
        this.replications = replications;
        this.threads = threads;
        this.everyMonth = everyMonth;
        this.listener = listener;
        this.toolVersion = toolVersion;
        this.overrides = overrides;
    }

    /** A sweep of {@code design} over {@code base}: the scenario's replications, all processors, every month. */
    public static Sweep of(ScenarioDocument base, Design design) {
        String version = Sweep.class.getPackage().getImplementationVersion();
        return new Sweep(base, design, null, Runtime.getRuntime().availableProcessors(), true, SweepListener.NONE,
                version == null ? "unknown" : version, Map.of());
    }

    /** R replications per point (independent streams from the point's seed). */
    public Sweep replications(int r) {
        if (r < 1) {
            throw new IllegalArgumentException("replications must be >= 1, got " + r);
        }
        return new Sweep(base, design, r, threads, everyMonth, listener, toolVersion, overrides);
    }

    public Sweep threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        return new Sweep(base, design, replications, n, everyMonth, listener, toolVersion, overrides);
    }

    /** Only the last month of each run (a row per point × strategy × replication). */
    public Sweep finalMonthOnly() {
        return new Sweep(base, design, replications, threads, false, listener, toolVersion, overrides);
    }

    public Sweep listener(SweepListener l) {
        return new Sweep(base, design, replications, threads, everyMonth, l == null ? SweepListener.NONE : l, toolVersion, overrides);
    }

    /** The version of the tool, recorded in the table's fingerprint (default: this jar's, or {@code unknown}). */
    public Sweep toolVersion(String version) {
        return new Sweep(base, design, replications, threads, everyMonth, listener, version, overrides);
    }

    /**
     * The {@code --set} overrides the base document was made with, recorded in the table's fingerprint so that a
     * refused resume can name a changed one (their effect is already in the resolved scenario it records).
     */
    public Sweep overrides(Map<String, String> values) {
        return new Sweep(base, design, replications, threads, everyMonth, listener, toolVersion,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /**
     * What determines this sweep's rows, as written beside its table. A value the design varies is replaced at every
     * point, so the base's value there (and an override of it) reaches no row: the scenario is recorded with each
     * varied value at its first one (a list's first value, a range's low end), and the design records the rest.
     */
    public SweepFingerprint fingerprint() {
        Map<String, String> kept = new LinkedHashMap<>(overrides);
        kept.keySet().removeAll(design.paths());
        ScenarioDocument doc = replications == null ? base : base.with("replications", Integer.toString(replications));
        for (Factor f : design.factors()) {
            doc = doc.with(f.path(), f.isRange() ? f.at(0) : f.values().get(0));
        }
        return SweepFingerprint.of(toolVersion, doc, kept, design, everyMonth);
    }

    public Design design() {
        return design;
    }

    /** How many points may be running or waiting to be written at once: the bound on the sweep's memory. */
    public int inFlight() {
        return 2 * threads;
    }

    /** The document of one point: the base with the point's values (and the replications) applied. */
    public ScenarioDocument document(SweepPoint point) {
        ScenarioDocument doc = base;
        if (replications != null) {
            doc = doc.with("replications", Integer.toString(replications));
        }
        List<String> paths = design.paths();
        for (int j = 0; j < paths.size(); j++) {
            doc = doc.with(paths.get(j), point.values().get(j));
        }
        return doc;
    }

    /**
     * Checks the design against the scenario before anything runs: each factor's every value (a range: its ends)
     * applied alone to the base must give a valid scenario.
     *
     * It must also fit in the heap with {@code threads} points running at once ({@link RunBudget}).
     *
     * @throws org.segmentlab.simulator.scenario.ScenarioException located at the override, e.g. an unknown path
     * @throws org.segmentlab.simulator.population.HeapBudgetException when a point of those would not fit
     */
    public void validate() {
        for (Factor f : design.factors()) {
            List<String> values = f.isRange() ? List.of(f.at(0), f.at(0.999_999_999)) : f.values();
            for (String v : values) {
                ScenarioDocument doc = replications == null ? base : base.with("replications", Integer.toString(replications));
                RunBudget.of(doc.with(f.path(), v).scenario()).check(threads);
            }
        }
    }

    /**
     * Runs every point into a new {@code csv} (replacing it; its folder is created if needed). The sweep's
     * {@link #fingerprint} is written beside it first ({@link SweepFingerprint#sidecarOf}), so every table has one.
     */
    public SweepOutcome run(Path csv) throws IOException, InterruptedException {
        return run(csv, localRunner());
    }

    /** {@link #run(Path)} with the points computed by {@code runner} (closed at the end). */
    public SweepOutcome run(Path csv, PointRunner runner) throws IOException, InterruptedException {
        try {
            Files.createDirectories(csv.toAbsolutePath().getParent());
            Files.deleteIfExists(csv);
            fingerprint().write(SweepFingerprint.sidecarOf(csv));
        } catch (RuntimeException | IOException e) {
            runner.close();   // nothing ran
            throw e;
        }
        return execute(csv, new BitSet(), 0, 0, runner);
    }

    /**
     * Continues a sweep whose table exists: keeps every complete point, drops a partly written last one, and runs
     * the rest. With no table, the same as {@link #run}. Only a table this very sweep wrote is continued: its
     * fingerprint must equal this sweep's; otherwise nothing is changed and the refusal lists what differs.
     *
     * @throws SweepResumeException when the table was written by another sweep (another scenario, override, seed,
     *                              design or option: its fingerprint differs), has no fingerprint, or holds rows
     *                              this design does not write
     */
    public SweepOutcome resume(Path csv) throws IOException, InterruptedException {
        return resume(csv, localRunner());
    }

    /** {@link #resume(Path)} with the points computed by {@code runner} (closed at the end, or when refused). */
    public SweepOutcome resume(Path csv, PointRunner runner) throws IOException, InterruptedException {
        if (!Files.exists(csv)) {
            return run(csv, runner);
        }
        SweepTableScan scan;
        try {
            checkResumable(csv);
            scan = SweepTableScan.of(csv, this);
        } catch (RuntimeException | IOException e) {
            runner.close();   // refused: nothing runs
            throw e;
        }
        try (var ch = java.nio.channels.FileChannel.open(csv, StandardOpenOption.WRITE)) {
            ch.truncate(scan.validBytes());
        }
        return execute(csv, scan.done(), scan.done().cardinality(), scan.rows(), runner);
    }

    private void checkResumable(Path csv) throws IOException {
        Path sidecar = SweepFingerprint.sidecarOf(csv);
        SweepFingerprint table = SweepFingerprint.read(sidecar).orElseThrow(() -> new SweepResumeException(csv
                + " has no fingerprint (" + sidecar.getFileName() + " beside it): it was written by an older segmentlab,"
                + " or the file was removed, so nothing shows which scenario, seed and design its rows come from. It was"
                + " left as it is: start the sweep anew into another folder (or delete the table to redo it there)"));
        List<String> differences = fingerprint().differences(table);
        if (!differences.isEmpty()) {
            throw new SweepResumeException(csv + " was written by another sweep; continuing it would mix the rows of two"
                    + " experiments, so it was left as it is. What differs:\n  " + String.join("\n  ", differences)
                    + "\nRun the sweep that made it (its settings are in " + sidecar.getFileName() + "), or write this one"
                    + " into another folder");
        }
    }

    /** The header's leading columns: point, the varied paths, strategy, replication, month. */
    List<String> keyColumns() {
        List<String> cols = new ArrayList<>();
        cols.add(POINT);
        cols.addAll(design.paths());
        cols.addAll(RUN_COLUMNS);
        return cols;
    }

    /** Rows one point writes. */
    int rowsOf(Scenario s) {
        return s.strategies().size() * s.replications() * (everyMonth ? s.months() + 1 : 1);
    }

    /**
     * This JVM's runner: a fixed pool of {@code threads} workers, each point single-threaded on a fresh thread.
     * {@link #run(Path)} and {@link #resume(Path)} use it; a cluster passes its own to the two-argument forms.
     */
    @SuppressWarnings("try") // the runner's close() waits for its workers: see PointRunner
    public PointRunner localRunner() {
        AtomicInteger workerCount = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "sweep-worker-" + workerCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, factory);
        return new PointRunner() {
            @Override
            public Future<PointRows> submit(SweepPoint point) {
                return pool.submit(() -> FreshThread.call(() -> {
                    listener.pointStarted(point);
                    PointRows rows = compute(point);
                    listener.pointFinished(point);
                    return rows;
                }));
            }

            @Override
            public int window() {
                return inFlight();
            }

            @Override
            public void close() throws InterruptedException {
                pool.shutdownNow();
                pool.awaitTermination(1, TimeUnit.MINUTES);
            }
        };
    }

    private SweepOutcome execute(Path csv, BitSet done, int resumed, long existingRows, PointRunner runner)
            throws IOException, InterruptedException {
        int total = design.size();
        int[] order = PointOrder.interleaved(total);
        long rows = existingRows;
        int written = resumed;
        boolean headerWritten = Files.exists(csv) && Files.size(csv) > 0;
        List<String> metricColumns = headerWritten ? SweepTableScan.metricColumns(csv, keyColumns().size()) : null;
        Deque<Future<PointRows>> pending = new ArrayDeque<>();
        int next = 0;
        try (runner; OutputStream out = Files.newOutputStream(csv, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (next < total || !pending.isEmpty()) {
                // Keep the window full: O(threads) points alive, never O(points).
                while (next < total && pending.size() < runner.window()) {
                    int id = order[next++];
                    if (!done.get(id)) {
                        pending.add(runner.submit(design.sweepPoint(id)));
                    }
                }
                if (pending.isEmpty()) {
                    continue;
                }
                PointRows block = await(pending.peekFirst());
                pending.removeFirst();
                if (!headerWritten) {
                    metricColumns = block.metrics();
                    List<String> header = new ArrayList<>(keyColumns());
                    header.addAll(metricColumns);
                    out.write((String.join(",", header.stream().map(Csv::field).toList()) + "\n").getBytes(StandardCharsets.UTF_8));
                    headerWritten = true;
                } else if (!block.metrics().equals(metricColumns)) {
                    throw new IllegalStateException("point " + block.point() + " reports the metrics " + block.metrics()
                            + " but the table's columns are " + metricColumns + " (a varied value changed the taxonomy or the truth)");
                }
                out.write(block.text().getBytes(StandardCharsets.UTF_8));
                out.flush();
                rows += block.rows();
                listener.pointWritten(design.sweepPoint(block.point()), ++written, total);
            }
        }
        return new SweepOutcome(csv, total, resumed, rows);
    }

    private static PointRows await(Future<PointRows> f) throws InterruptedException {
        // Future.get() returns a finished result without looking at the interrupt flag: check it, so an interrupt
        // stops the sweep before its next write, whatever the timing.
        if (Thread.interrupted()) {
            throw new InterruptedException("sweep interrupted");
        }
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * The rows of one point: the engine run single-threaded on the point's document. A function of the point alone
     * (every point uses the scenario's seed), so any runner, on any machine, retried or not, gives the same bytes.
     */
    public PointRows compute(SweepPoint point) {
        Scenario scenario = document(point).scenario();
        MetricsTable m = Simulator.run(scenario, RunOptions.threads(1)).metrics();
        StringBuilder prefix = new StringBuilder().append(point.id());
        for (String v : point.values()) {
            prefix.append(',').append(Csv.field(v));
        }
        StringBuilder text = new StringBuilder();
        int rows = 0;
        int nm = m.metrics().size();
        for (String strategy : m.strategies()) {
            for (int r = 0; r < m.replications(); r++) {
                double[][] series = new double[nm][];
                for (int k = 0; k < nm; k++) {
                    series[k] = m.series(strategy, r, m.metrics().get(k));
                }
                for (int t = everyMonth ? 0 : m.months(); t <= m.months(); t++) {
                    text.append(prefix).append(',').append(Csv.field(strategy)).append(',').append(r).append(',').append(t);
                    for (int k = 0; k < nm; k++) {
                        text.append(',').append(series[k][t]);
                    }
                    text.append('\n');
                    rows++;
                }
            }
        }
        return new PointRows(point.id(), m.metrics(), text.toString(), rows);
    }
}
