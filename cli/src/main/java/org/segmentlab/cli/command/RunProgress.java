package org.segmentlab.cli.command;

import org.segmentlab.cli.Progress;
import org.segmentlab.simulator.scenario.Scenario;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar of a run: simulated months, then report files. It appears only on an interactive console, not
 * with --quiet, and only once the work has taken a second (short runs stay silent).
 */
final class RunProgress implements AutoCloseable {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;

    private final boolean enabled;
    private final String name;
    private final long started = System.nanoTime();
    private ProgressBar bar;

    private RunProgress(boolean enabled, String name) {
        this.enabled = enabled;
        this.name = name;
    }

    static RunProgress start(Scenario scenario, boolean quiet) {
        return new RunProgress(Progress.interactive(quiet), scenario.name());
    }

    /** Called after every simulated month (burn-in included). */
    void simulated(long done, long total) {
        update("Simulating", done, total);
    }

    /** Called after every report file. */
    void reported(int done, int total, String file) {
        update("Writing report", done, total);
    }

    private void update(String task, long done, long total) {
        if (!enabled) {
            return;
        }
        if (bar == null) {
            if (System.nanoTime() - started < SHOW_AFTER_NANOS) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .clearDisplayOnFinish().build();
        }
        if (!bar.getTaskName().equals(task)) {
            bar.setExtraMessage("");
            bar.maxHint(total);
        }
        bar.setExtraMessage(task.equals("Simulating") ? name : "report");
        bar.stepTo(done);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
