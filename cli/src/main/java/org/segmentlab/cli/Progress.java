package org.segmentlab.cli;

import java.io.InputStream;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * When to show a progress bar, and the bars themselves. A bar is shown only on an interactive console and when
 * not asked to be quiet: the progressbar library writes ANSI frames to stderr even when it is redirected, which
 * would garble logs and captured output.
 */
public final class Progress {

    /** Reading fewer bytes than this takes well under a second: no bar. */
    static final long MIN_BYTES_FOR_A_BAR = 16L << 20;

    private Progress() {
    }

    /** Whether a bar may be drawn at all. */
    public static boolean interactive(boolean quiet) {
        return !quiet && System.console() != null;
    }

    /**
     * {@code in}, counting the bytes read on a bar named {@code task} when the console is interactive and the input
     * is large enough to take a while; {@code in} itself otherwise. Closing the returned stream closes the bar.
     */
    public static InputStream reading(InputStream in, long size, String task, boolean quiet) {
        if (!interactive(quiet) || size < MIN_BYTES_FOR_A_BAR) {
            return in;
        }
        return ProgressBar.wrap(in, new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(size)
                .setUnit(" MiB", 1L << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .clearDisplayOnFinish());
    }
}
