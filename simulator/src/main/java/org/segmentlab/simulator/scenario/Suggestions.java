package org.segmentlab.simulator.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for unknown names: the closest allowed name by edit distance, when it is close. */
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

    /**
     * The Levenshtein distance extended with transpositions of adjacent letters (optimal string alignment), so
     * that {@code chrun} is one edit from {@code churn}.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
