package org.segmentlab.cli.option;

import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.segment.Comparison;
import org.segmentlab.simulator.scenario.ScenarioKeys;

/**
 * A threshold is named {@code loyal.frequency.min} inside a taxonomy and {@code thresholds.loyal.frequency.min} as
 * a scenario path. Every verb accepts both spellings: the scenario verbs ({@code --set}, {@code --vary}) add the
 * prefix to a bare threshold path, {@code classify} and {@code sensitivity} take it off.
 */
public final class ThresholdPaths {

    /** The scenario key that holds threshold overrides. */
    public static final String PREFIX = "thresholds.";

    private ThresholdPaths() {
    }

    /**
     * {@code path} as a scenario path: a bare threshold path (segment.feature.comparison, whose first key is not a
     * top-level scenario key) gets the {@code thresholds.} prefix; any other path is returned as it is.
     */
    public static String asScenarioPath(String path) {
        return isBareThreshold(path) ? PREFIX + path : path;
    }

    /** {@code path} inside a taxonomy: without the {@code thresholds.} prefix. */
    public static String asTaxonomyPath(String path) {
        return path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
    }

    /** {@code PATH=VALUE} (or {@code PATH=VALUES}) with its path made a scenario path; text without '=' unchanged. */
    public static String withScenarioPath(String assignment) {
        int eq = assignment.indexOf('=');
        return eq <= 0 ? assignment : asScenarioPath(assignment.substring(0, eq)) + assignment.substring(eq);
    }

    private static boolean isBareThreshold(String path) {
        if (path.indexOf('[') >= 0) {
            return false;
        }
        String[] parts = path.split("\\.", -1);
        return parts.length == 3 && !ScenarioKeys.ROOT.contains(parts[0]) && Feature.byKey(parts[1]).isPresent()
                && Comparison.byKey(parts[2]).isPresent();
    }
}
