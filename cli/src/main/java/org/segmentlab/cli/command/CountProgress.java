package org.segmentlab.cli.command;

import org.segmentlab.cli.Progress;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar over a count of things (sweep points, tuning candidates, sensitivity runs): only on an interactive
 * console, not with --quiet, and only once the work has taken a second.
 */
final class CountProgress implements AutoCloseable {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;

    private final boolean enabled;
    private final String task;
    private final long started = System.nanoTime();
    private ProgressBar bar;

    CountProgress(String task, boolean quiet) {
        this.enabled = Progress.interactive(quiet);
        this.task = task;
    }

    synchronized void at(long done, long total) {
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
        bar.stepTo(done);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
