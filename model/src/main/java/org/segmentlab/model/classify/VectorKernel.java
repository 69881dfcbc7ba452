package org.segmentlab.model.classify;

import java.util.Arrays;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link RuleProgram}'s steps with the incubating Vector API, eight customers per instruction (256-bit
 * vectors). JDK 17's C2 does not vectorise a float compare-and-select loop by itself; this kernel does it
 * explicitly. Only loaded, reflectively by {@link Kernels}, when the {@code jdk.incubator.vector} module is in the
 * boot layer and the CPU has 256-bit vectors; the few customers after a range's last full vector go to the
 * {@link ScalarKernel}, which gives identical answers.
 *
 * <p>Why the code has this shape:
 * <ul>
 * <li>Each step is one loop whose vector operations are all constants to C2 and whose vectors live within one
 * iteration. Vectors or masks carried through interpreted loops (over rules, clauses, conditions) get boxed by
 * JDK 17's C2 and run two orders of magnitude slower; so does a comparison operator that is not a constant.</li>
 * <li>A rule of a usual shape is one step (its conditions' masks combined in registers) instead of one pass per
 * condition through memory: about half the instructions.</li>
 * <li>Segments are ints in a block-sized scratch array; the select is a float blend on the reinterpreted bits
 * (a mask of float lanes selects between int lanes at no cost), so no mask-species conversion is needed, which
 * JDK 17 compiles poorly. Scratch masks of generic steps are int lanes of -1/0 combined bitwise.</li>
 * <li>The program's last step narrows the eight int segments to eight bytes and stores them straight into the
 * output: the output is written once.</li>
 * </ul>
 */
final class VectorKernel implements ClassifierKernel {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;
    private static final int LANES = 8;

    private final RuleProgram program;
    private final ScalarKernel tail;
    /** Read-only identities: AND with all ones and OR with zero leave a mask unchanged. */
    private final int[] ones;
    private final int[] zeros;
    private final int[] fallback;

    private VectorKernel(RuleProgram program) {
        this.program = program;
        this.tail = new ScalarKernel(program);
        this.ones = new int[RuleTableClassifier.BLOCK];
        Arrays.fill(ones, -1);
        this.zeros = new int[RuleTableClassifier.BLOCK];
        this.fallback = program.fallbackBlock();
    }

    /** Called reflectively by {@link Kernels}; null when the CPU lacks 256-bit vectors (then the scalar kernel). */
    static ClassifierKernel of(RuleProgram program) {
        return supported() ? new VectorKernel(program) : null;
    }

    /** Whether the hardware runs 256-bit float vectors natively (AVX2 and up); narrower ones would be emulated. */
    static boolean supported() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= F.vectorBitSize();
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public void classify(float[][] columns, byte[] out, int from, int to) {
        RuleProgram p = program;
        if (p.steps == 0) {
            Arrays.fill(out, from, to, p.fallback);
            return;
        }
        int vectorTo = from + ((to - from) & -LANES);
        if (vectorTo > from) {
            int block = Math.min(RuleTableClassifier.BLOCK, vectorTo - from);
            // The clause and rule masks only serve generic steps; most taxonomies have none.
            int[] clause = p.usesMasks ? new int[block] : null;
            int[] rule = p.usesMasks ? new int[block] : null;
            int[] segments = new int[block];
            for (int start = from; start < vectorTo; start += RuleTableClassifier.BLOCK) {
                int len = Math.min(RuleTableClassifier.BLOCK, vectorTo - start);
                for (int q = 0; q < p.steps; q++) {
                    step(p, q, columns, start, len, clause, rule, segments, out);
                }
            }
        }
        if (vectorTo < to) {
            tail.classify(columns, out, vectorTo, to);
        }
    }

    private void step(RuleProgram p, int q, float[][] columns, int start, int len, int[] clause, int[] rule,
            int[] segments, byte[] out) {
        int[] f = p.feature;
        float[] s = p.sign;
        float[] t = p.threshold;
        int a = p.a[q];
        int b = p.b[q];
        int c = p.c[q];
        int d = p.d[q];
        int[] in = p.fromFallback[q] ? fallback : segments;
        int k = p.segment[q];
        boolean last = p.last[q];
        switch (p.kind[q]) {
            case RuleProgram.RULE_1:
                if (last) {
                    rule1Out(columns[f[a]], s[a], t[a], start, len, in, k, out);
                } else {
                    rule1(columns[f[a]], s[a], t[a], start, len, in, k, segments);
                }
                break;
            case RuleProgram.RULE_AND:
                if (last) {
                    ruleAndOut(columns[f[a]], s[a], t[a], columns[f[b]], s[b], t[b], start, len, in, k, out);
                } else {
                    ruleAnd(columns[f[a]], s[a], t[a], columns[f[b]], s[b], t[b], start, len, in, k, segments);
                }
                break;
            case RuleProgram.RULE_OR:
                if (last) {
                    ruleOrOut(columns[f[a]], s[a], t[a], columns[f[b]], s[b], t[b], start, len, in, k, out);
                } else {
                    ruleOr(columns[f[a]], s[a], t[a], columns[f[b]], s[b], t[b], start, len, in, k, segments);
                }
                break;
            case RuleProgram.RULE_2X2:
                rule2x2(columns[f[a]], s[a], t[a], columns[f[b]], s[b], t[b], columns[f[c]], s[c], t[c],
                        columns[f[d]], s[d], t[d], start, len, in, k, last ? null : segments, out);
                break;
            default:
                int[] and = p.andClause[q] ? clause : ones;
                int[] or = p.orRule[q] ? rule : zeros;
                if (p.dest[q] == RuleProgram.TO_CLAUSE) {
                    store(columns[f[a]], s[a], t[a], start, len, and, or, clause);
                } else if (p.dest[q] == RuleProgram.TO_RULE) {
                    store(columns[f[a]], s[a], t[a], start, len, and, or, rule);
                } else {
                    select(columns[f[a]], s[a], t[a], start, len, and, or, in, k, last ? null : segments, out);
                }
                break;
        }
    }

    /** {@code x * sign >= t} for the eight customers at {@code j}: the normalised condition (see RuleProgram). */
    private static VectorMask<Float> test(float[] x, int j, float sign, float t) {
        return FloatVector.fromArray(F, x, j).mul(sign).compare(VectorOperators.GE, t);
    }

    /** The segments {@code in} with {@code k} where {@code m} is set: a blend on the reinterpreted int bits. */
    private static IntVector choose(IntVector in, FloatVector k, VectorMask<Float> m) {
        return in.reinterpretAsFloats().blend(k, m).reinterpretAsInts();
    }

    /** Eight int lanes (segments 0..126) to eight bytes. */
    private static ByteVector narrow(IntVector segments) {
        return (ByteVector) segments.convertShape(VectorOperators.I2B, B, 0);
    }

    private static FloatVector segmentBits(int k) {
        return IntVector.broadcast(I, k).reinterpretAsFloats();
    }

    // The Out variants differ only in the store; C2 needs each as a loop of its own (a test inside the loop would
    // carry the vector across a branch merge).

    private static void rule1(float[] xa, float sa, float ta, int start, int len, int[] in, int k, int[] dst) {
        FloatVector kv = segmentBits(k);
        for (int i = 0; i < len; i += LANES) {
            VectorMask<Float> m = test(xa, start + i, sa, ta);
            choose(IntVector.fromArray(I, in, i), kv, m).intoArray(dst, i);
        }
    }

    private static void rule1Out(float[] xa, float sa, float ta, int start, int len, int[] in, int k, byte[] out) {
        FloatVector kv = segmentBits(k);
        for (int i = 0; i < len; i += LANES) {
            VectorMask<Float> m = test(xa, start + i, sa, ta);
            narrow(choose(IntVector.fromArray(I, in, i), kv, m)).intoArray(out, start + i);
        }
    }

    private static void ruleAnd(float[] xa, float sa, float ta, float[] xb, float sb, float tb,
            int start, int len, int[] in, int k, int[] dst) {
        FloatVector kv = segmentBits(k);
        for (int i = 0; i < len; i += LANES) {
            VectorMask<Float> m = test(xa, start + i, sa, ta).and(test(xb, start + i, sb, tb));
            choose(IntVector.fromArray(I, in, i), kv, m).intoArray(dst, i);
        }
    }

    private static void ruleAndOut(float[] xa, float sa, float ta, float[] xb, float sb, float tb,
            int start, int len, int[] in, int k, byte[] out) {
        FloatVector kv = segmentBits(k);
        for (int i = 0; i < len; i += LANES) {
            VectorMask<Float> m = test(xa, start + i, sa, ta).and(test(xb, start + i, sb, tb));
            narrow(choose(IntVector.fromArray(I, in, i), kv, m)).intoArray(out, start + i);
        }
    }

    private static void ruleOr(float[] xa, float sa, float ta, float[] xb, float sb, float tb,
            int start, int len, int[] in, int k, int[] dst) {
        FloatVector kv = segmentBits(k);
        for (int i = 0; i < len; i += LANES) {
            VectorMask<Float> m = test(xa, start + i, sa, ta).or(test(xb, start + i, sb, tb));
            choose(IntVector.fromArray(I, in, i), kv, m).intoArray(dst, i);
        }
    }

    private static void ruleOrOut(float[] xa, float sa, float ta, float[] xb, float sb, float tb,
            int start, int len, int[] in, int k, byte[] out) {
        FloatVector kv = segmentBits(k);
        for (int i = 0; i < len; i += LANES) {
            VectorMask<Float> m = test(xa, start + i, sa, ta).or(test(xb, start + i, sb, tb));
            narrow(choose(IntVector.fromArray(I, in, i), kv, m)).intoArray(out, start + i);
        }
    }

    /** Rare enough (two clauses of two conditions) that one method serves both stores; {@code dst} null = out. */
    private static void rule2x2(float[] xa, float sa, float ta, float[] xb, float sb, float tb,
            float[] xc, float sc, float tc, float[] xd, float sd, float td, int start, int len, int[] in, int k,
            int[] dst, byte[] out) {
        FloatVector kv = segmentBits(k);
        if (dst != null) {
            for (int i = 0; i < len; i += LANES) {
                int j = start + i;
                VectorMask<Float> m = test(xa, j, sa, ta).and(test(xb, j, sb, tb)).or(test(xc, j, sc, tc).and(test(xd, j, sd, td)));
                choose(IntVector.fromArray(I, in, i), kv, m).intoArray(dst, i);
            }
        } else {
            for (int i = 0; i < len; i += LANES) {
                int j = start + i;
                VectorMask<Float> m = test(xa, j, sa, ta).and(test(xb, j, sb, tb)).or(test(xc, j, sc, tc).and(test(xd, j, sd, td)));
                narrow(choose(IntVector.fromArray(I, in, i), kv, m)).intoArray(out, j);
            }
        }
    }

    /** A generic step's mask, stored: {@code (x test) & and | or}. */
    private static void store(float[] x, float sx, float tx, int start, int len, int[] and, int[] or, int[] dst) {
        FloatVector none = FloatVector.zero(F);
        FloatVector all = IntVector.broadcast(I, -1).reinterpretAsFloats();
        for (int i = 0; i < len; i += LANES) {
            IntVector v = none.blend(all, test(x, start + i, sx, tx)).reinterpretAsInts();
            v.and(IntVector.fromArray(I, and, i)).or(IntVector.fromArray(I, or, i)).intoArray(dst, i);
        }
    }

    /** A generic rule's last step: {@code (x test) & and | or} selects segment {@code k}; {@code dst} null = out. */
    private static void select(float[] x, float sx, float tx, int start, int len, int[] and, int[] or,
            int[] in, int k, int[] dst, byte[] out) {
        FloatVector none = FloatVector.zero(F);
        FloatVector all = IntVector.broadcast(I, -1).reinterpretAsFloats();
        if (dst != null) {
            for (int i = 0; i < len; i += LANES) {
                IntVector v = none.blend(all, test(x, start + i, sx, tx)).reinterpretAsInts();
                v = v.and(IntVector.fromArray(I, and, i)).or(IntVector.fromArray(I, or, i));
                IntVector s = IntVector.fromArray(I, in, i);
                s.lanewise(VectorOperators.XOR, s.lanewise(VectorOperators.XOR, k).and(v)).intoArray(dst, i);
            }
        } else {
            for (int i = 0; i < len; i += LANES) {
                IntVector v = none.blend(all, test(x, start + i, sx, tx)).reinterpretAsInts();
                v = v.and(IntVector.fromArray(I, and, i)).or(IntVector.fromArray(I, or, i));
                IntVector s = IntVector.fromArray(I, in, i);
                narrow(s.lanewise(VectorOperators.XOR, s.lanewise(VectorOperators.XOR, k).and(v))).intoArray(out, start + i);
            }
        }
    }
}
