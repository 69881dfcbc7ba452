package org.segmentlab.model.classify;

import java.util.Arrays;
import java.util.List;

import org.segmentlab.model.segment.Condition;
import org.segmentlab.model.segment.Segment;
import org.segmentlab.model.segment.Taxonomy;

/**
 * A taxonomy flattened into a straight list of column passes, the form every bulk kernel executes.
 *
 * <p>There is one pass per condition. Rules run from the lowest priority to the highest, so a higher-priority
 * match overwrites a lower one and the first matching segment wins without a branch. Each pass compares one
 * column with one threshold and folds the result into per-customer bit masks ({@code -1} true, {@code 0} false):
 * <pre>
 *   v = (x cmp t) &amp; (earlier conditions of this clause, or all ones) | (earlier clauses of this rule, or zero)
 * </pre>
 * then stores {@code v} as the clause so far ({@link #TO_CLAUSE}), as the rule so far ({@link #TO_RULE}), or, at
 * the rule's last condition, selects the rule's segment where {@code v} is set ({@link #SELECT}); the program's
 * last pass writes the segment bytes out ({@link #SELECT_OUT}). Fusing the combination into the condition's own
 * loop keeps one read of the column and a few L1 reads and writes per pass.
 *
 * <p>Comparisons are normalised to two: {@code x > t} is {@code x >= nextUp(t)} and {@code x < t} is
 * {@code x <= nextDown(t)}, exact for every float (NaN still fails both), so a kernel needs two compare loops per
 * pass kind instead of four. Immutable; the arrays are never exposed outside this package.
 */
final class RuleProgram {

    /** Store v as the current clause's conjunction so far. */
    static final int TO_CLAUSE = 0;
    /** Store v as the current rule's disjunction so far. */
    static final int TO_RULE = 1;
    /** Where v is set, the customer's segment becomes this pass's segment. */
    static final int SELECT = 2;
    /** As {@link #SELECT}, and write the finished segments out: the program's last pass. */
    static final int SELECT_OUT = 3;

    /** The segment every customer gets when no rule matches. */
    final byte fallback;
    /** Number of passes (= number of conditions); 0 when the taxonomy has only the default segment. */
    final int passes;
    /** Feature ordinal read by each pass. */
    final int[] feature;
    /** True: the pass tests {@code x <= threshold}; false: {@code x >= threshold}. */
    final boolean[] lessOrEqual;
    /** The normalised threshold of each pass. */
    final float[] threshold;
    /** True: AND with the clause so far (the clause's earlier conditions). */
    final boolean[] andClause;
    /** True: OR with the rule so far (the rule's earlier clauses). */
    final boolean[] orRule;
    /** {@link #TO_CLAUSE}, {@link #TO_RULE}, {@link #SELECT} or {@link #SELECT_OUT}. */
    final int[] kind;
    /** For select passes: the segment index selected. */
    final int[] segment;
    /** For select passes: true when no segment has been selected yet in the block (start from the fallback). */
    final boolean[] fromFallback;

    private RuleProgram(Taxonomy taxonomy) {
        List<Segment> segments = taxonomy.segments();
        int ruled = segments.size() - 1;
        this.fallback = (byte) ruled;
        int count = 0;
        for (int k = 0; k < ruled; k++) {
            for (List<Condition> clause : segments.get(k).rule().orElseThrow().anyOf()) {
                count += clause.size();
            }
        }
        passes = count;
        feature = new int[count];
        lessOrEqual = new boolean[count];
        threshold = new float[count];
        andClause = new boolean[count];
        orRule = new boolean[count];
        kind = new int[count];
        segment = new int[count];
        fromFallback = new boolean[count];
        int p = 0;
        boolean selected = false;
        for (int k = ruled - 1; k >= 0; k--) {
            List<List<Condition>> clauses = segments.get(k).rule().orElseThrow().anyOf();
            for (int c = 0; c < clauses.size(); c++) {
                List<Condition> clause = clauses.get(c);
                for (int d = 0; d < clause.size(); d++) {
                    Condition cond = clause.get(d);
                    feature[p] = cond.feature().ordinal();
                    float t = cond.threshold();
                    switch (cond.comparison()) {
                        case MIN: lessOrEqual[p] = false; threshold[p] = t; break;
                        case ABOVE: lessOrEqual[p] = false; threshold[p] = Math.nextUp(t); break;
                        case MAX: lessOrEqual[p] = true; threshold[p] = t; break;
                        case BELOW: lessOrEqual[p] = true; threshold[p] = Math.nextDown(t); break;
                        default: throw new AssertionError(cond);
                    }
                    boolean lastInClause = d == clause.size() - 1;
                    andClause[p] = d > 0;
                    orRule[p] = lastInClause && c > 0;
                    if (!lastInClause) {
                        kind[p] = TO_CLAUSE;
                    } else if (c < clauses.size() - 1) {
                        kind[p] = TO_RULE;
                    } else {
                        kind[p] = k == 0 ? SELECT_OUT : SELECT;
                        segment[p] = k;
                        fromFallback[p] = !selected;
                        selected = true;
                    }
                    p++;
                }
            }
        }
    }

    static RuleProgram of(Taxonomy taxonomy) {
        return new RuleProgram(taxonomy);
    }

    /** A block-length array of the fallback segment, the starting segments of every block. */
    int[] fallbackBlock() {
        int[] block = new int[RuleTableClassifier.BLOCK];
        Arrays.fill(block, fallback);
        return block;
    }
}
