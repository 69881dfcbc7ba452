package org.segmentlab.simulator.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for unknown names: the closest allowed name by Levenshtein distance, when it is close. */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * The allowed name closest to {@code wrong}, if a plausible typo: at most a third of the name's letters
     * changed (at least one, at most three), or the same name in another case.
     */
    static Optional<String> closest(String wrong, Collection<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(wrong)) {
                return Optional.of(candidate);
            }
            int d = distance(wrong.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int tolerance = Math.min(3, Math.max(1, wrong.length() / 3));
        return best != null && bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }

    /**
     * {@code unknown WHAT 'wrong'; did you mean 'x'? allowed: a, b, c}, the suggestion only when there is a
     * close one.
     */
    static String unknown(String what, String wrong, Collection<String> allowed) {
        StringBuilder sb = new StringBuilder("unknown ").append(what).append(" '").append(wrong).append('\'');
        Optional<String> suggestion = closest(wrong, allowed);
        suggestion.ifPresent(s -> sb.append("; did you mean '").append(s).append("'?"));
        if (allowed.isEmpty()) {
            return sb.append("; none is defined").toString();
        }
        return sb.append(suggestion.isPresent() ? " " : "; ").append("allowed: ").append(String.join(", ", allowed)).toString();
    }

    /** The Levenshtein distance: single-character insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
