package org.segmentlab.model.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.segmentlab.model.segment.Condition;
import org.segmentlab.model.segment.Segment;
import org.segmentlab.model.segment.Taxonomy;

/**
 * A taxonomy flattened into a straight list of column passes ("steps") over a block of customers: the form
 * every bulk kernel executes.
 *
 * <p>Rules run from the lowest priority to the highest, so a higher-priority match overwrites a lower one and
 * the first matching segment wins without a branch; the last step writes the block's segments out. The usual
 * rule shapes each take one step that tests all its conditions in registers and selects its segment:
 * {@link #RULE_1} ({@code a}), {@link #RULE_AND} ({@code a and b}), {@link #RULE_OR} ({@code a or b}) and
 * {@link #RULE_2X2} ({@code (a and b) or (c and d)}, which also holds a rule of two clauses where one clause has a
 * single condition: that condition is used twice). Any other rule takes one {@link #CONDITION} step per
 * condition, folding it into per-customer bit masks ({@code -1} true, {@code 0} false) kept in block-sized
 * scratch:
 * <pre>
 *   v = (x test t) &amp; (this clause's earlier conditions, or all ones) | (this rule's earlier clauses, or zero)
 * </pre>
 * stored as the clause so far ({@link #TO_CLAUSE}), the rule so far ({@link #TO_RULE}), or, at the rule's last
 * condition, selecting the segment ({@link #SELECT}).
 *
 * <p>Every condition is normalised to {@code x * sign >= threshold} with {@code sign} ±1: {@code x >= t} is
 * {@code (1, t)}, {@code x > t} is {@code (1, nextUp(t))}, {@code x <= t} is {@code (-1, -t)} and {@code x < t} is
 * {@code (-1, -nextDown(t))}. Negation and the neighbouring float are exact, NaN fails every comparison, and
 * {@code -0 == +0} holds on both sides, so the normal form gives exactly the comparison's answer for every float
 * while a kernel needs one compare instruction. Immutable; the arrays never leave this package.
 */
final class RuleProgram {

    /** Step: select the segment where condition {@code a} holds. */
    static final int RULE_1 = 0;
    /** Step: select the segment where {@code a and b}. */
    static final int RULE_AND = 1;
    /** Step: select the segment where {@code a or b}. */
    static final int RULE_OR = 2;
    /** Step: select the segment where {@code (a and b) or (c and d)}. */
    static final int RULE_2X2 = 3;
    /** Step: one condition of a rule of another shape, combined through scratch masks (see {@link #dest}). */
    static final int CONDITION = 4;

    /** {@link #CONDITION} destination: the clause so far. */
    static final int TO_CLAUSE = 0;
    /** {@link #CONDITION} destination: the rule so far. */
    static final int TO_RULE = 1;
    /** {@link #CONDITION} destination: select the segment where the mask is set (the rule's last condition). */
    static final int SELECT = 2;

    /** The segment every customer gets when no rule matches. */
    final byte fallback;

    /** Condition {@code j}: the feature ordinal read. */
    final int[] feature;
    /** Condition {@code j}: +1 or -1, the factor applied to the value before {@code >= threshold}. */
    final float[] sign;
    /** Condition {@code j}: the normalised threshold. */
    final float[] threshold;

    /** Number of steps; 0 when the taxonomy has only the default segment. */
    final int steps;
    /** Step kind: {@link #RULE_1}, {@link #RULE_AND}, {@link #RULE_OR}, {@link #RULE_2X2} or {@link #CONDITION}. */
    final int[] kind;
    /** The step's conditions (indices into the condition arrays); unused ones repeat a used one. */
    final int[] a;
    final int[] b;
    final int[] c;
    final int[] d;
    /** {@link #CONDITION} steps: AND with the clause so far. */
    final boolean[] andClause;
    /** {@link #CONDITION} steps: OR with the rule so far. */
    final boolean[] orRule;
    /** {@link #CONDITION} steps: {@link #TO_CLAUSE}, {@link #TO_RULE} or {@link #SELECT}. */
    final int[] dest;
    /** Selecting steps: the segment index selected. */
    final int[] segment;
    /** Selecting steps: no segment selected yet in the block, so start from the fallback. */
    final boolean[] fromFallback;
    /** Selecting steps: the program's last step, which writes the segments out as bytes. */
    final boolean[] last;
    /** Whether any step is a {@link #CONDITION}: only then do kernels need the clause and rule scratch masks. */
    final boolean usesMasks;

    private RuleProgram(Taxonomy taxonomy) {
        List<Segment> segments = taxonomy.segments();
        int ruled = segments.size() - 1;
        this.fallback = (byte) ruled;
        List<Condition> conditions = new ArrayList<>();
        for (int k = 0; k < ruled; k++) {
            segments.get(k).rule().orElseThrow().anyOf().forEach(conditions::addAll);
        }
        feature = new int[conditions.size()];
        sign = new float[conditions.size()];
        threshold = new float[conditions.size()];
        for (int j = 0; j < conditions.size(); j++) {
            Condition cond = conditions.get(j);
            feature[j] = cond.feature().ordinal();
            float t = cond.threshold();
            switch (cond.comparison()) {
                case MIN: sign[j] = 1f; threshold[j] = t; break;
                case ABOVE: sign[j] = 1f; threshold[j] = Math.nextUp(t); break;
                case MAX: sign[j] = -1f; threshold[j] = -t; break;
                case BELOW: sign[j] = -1f; threshold[j] = -Math.nextDown(t); break;
                default: throw new AssertionError(cond);
            }
        }
        // Condition indices per rule, in taxonomy order.
        int[][][] byRule = new int[ruled][][];
        int j = 0;
        for (int k = 0; k < ruled; k++) {
            List<List<Condition>> clauses = segments.get(k).rule().orElseThrow().anyOf();
            byRule[k] = new int[clauses.size()][];
            for (int cl = 0; cl < clauses.size(); cl++) {
                byRule[k][cl] = new int[clauses.get(cl).size()];
                for (int x = 0; x < byRule[k][cl].length; x++) {
                    byRule[k][cl][x] = j++;
                }
            }
        }
        List<int[]> rows = new ArrayList<>();
        for (int k = ruled - 1; k >= 0; k--) {
            addRule(rows, byRule[k], k);
        }
        steps = rows.size();
        kind = column(rows, 0);
        a = column(rows, 1);
        b = column(rows, 2);
        c = column(rows, 3);
        d = column(rows, 4);
        andClause = flags(rows, 5);
        orRule = flags(rows, 6);
        dest = column(rows, 7);
        segment = column(rows, 8);
        fromFallback = flags(rows, 9);
        last = new boolean[steps];
        if (steps > 0) {
            last[steps - 1] = true;
        }
        usesMasks = Arrays.stream(kind).anyMatch(x -> x == CONDITION);
    }

    /** Appends the steps of rule {@code k}, given as condition indices per clause. */
    private static void addRule(List<int[]> rows, int[][] clauses, int k) {
        boolean first = rows.isEmpty();
        int f = first ? 1 : 0;
        if (clauses.length == 1 && clauses[0].length == 1) {
            step(rows, RULE_1, clauses[0][0], clauses[0][0], clauses[0][0], clauses[0][0], 0, 0, SELECT, k, f);
        } else if (clauses.length == 1 && clauses[0].length == 2) {
            step(rows, RULE_AND, clauses[0][0], clauses[0][1], clauses[0][0], clauses[0][1], 0, 0, SELECT, k, f);
        } else if (clauses.length == 2 && clauses[0].length == 1 && clauses[1].length == 1) {
            step(rows, RULE_OR, clauses[0][0], clauses[1][0], clauses[0][0], clauses[1][0], 0, 0, SELECT, k, f);
        } else if (clauses.length == 2 && clauses[0].length <= 2 && clauses[1].length <= 2) {
            // A one-condition clause is "x and x".
            int[] p = clauses[0];
            int[] q = clauses[1];
            step(rows, RULE_2X2, p[0], p[p.length - 1], q[0], q[q.length - 1], 0, 0, SELECT, k, f);
        } else {
            for (int cl = 0; cl < clauses.length; cl++) {
                for (int x = 0; x < clauses[cl].length; x++) {
                    int cond = clauses[cl][x];
                    boolean lastInClause = x == clauses[cl].length - 1;
                    int to = !lastInClause ? TO_CLAUSE : cl < clauses.length - 1 ? TO_RULE : SELECT;
                    step(rows, CONDITION, cond, cond, cond, cond, x > 0 ? 1 : 0, lastInClause && cl > 0 ? 1 : 0, to, k,
                            to == SELECT ? f : 0);
                }
            }
        }
    }

    private static void step(List<int[]> rows, int kind, int a, int b, int c, int d, int andClause, int orRule, int dest,
            int segment, int fromFallback) {
        rows.add(new int[] {kind, a, b, c, d, andClause, orRule, dest, segment, fromFallback});
    }

    private static int[] column(List<int[]> rows, int field) {
        return rows.stream().mapToInt(row -> row[field]).toArray();
    }

    private static boolean[] flags(List<int[]> rows, int field) {
        boolean[] flags = new boolean[rows.size()];
        for (int s = 0; s < flags.length; s++) {
            flags[s] = rows.get(s)[field] != 0;
        }
        return flags;
    }

    static RuleProgram of(Taxonomy taxonomy) {
        return new RuleProgram(taxonomy);
    }

    /** A block-length array of the fallback segment: where every block starts. */
    int[] fallbackBlock() {
        int[] block = new int[RuleTableClassifier.BLOCK];
        Arrays.fill(block, fallback);
        return block;
    }
}
