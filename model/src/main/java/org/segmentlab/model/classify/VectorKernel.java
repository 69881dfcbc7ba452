package org.segmentlab.model.classify;

import java.util.Arrays;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link RuleProgram}'s passes with the incubating Vector API, eight customers per instruction (256-bit
 * vectors). JDK 17's C2 does not vectorise a float compare-and-select loop by itself; this kernel does it
 * explicitly. Only loaded, reflectively by {@link Kernels}, when the {@code jdk.incubator.vector} module is in the
 * boot layer and the CPU has 256-bit vectors; the few customers after the last full vector of a range go to the
 * {@link ScalarKernel}, which gives identical answers.
 *
 * <p>Each pass is one loop with constant vector operations and no loop-carried vectors: C2 in JDK 17 keeps such
 * loops fully in registers, whereas vectors or masks carried through interpreted loops (over rules, clauses,
 * conditions) get boxed and run two orders of magnitude slower. Masks are stored between passes as int lanes of
 * {@code -1}/{@code 0} (L1-resident scratch), combined with plain bitwise operations, and the select is
 * {@code s ^ ((s ^ k) & v)}: no mask conversions, which JDK 17 compiles poorly.
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
        if (p.passes == 0) {
            Arrays.fill(out, from, to, p.fallback);
            return;
        }
        int vectorTo = from + ((to - from) & -LANES);
        if (vectorTo > from) {
            int block = Math.min(RuleTableClassifier.BLOCK, vectorTo - from);
            int[] clause = new int[block];
            int[] rule = new int[block];
            int[] segments = new int[block];
            for (int start = from; start < vectorTo; start += RuleTableClassifier.BLOCK) {
                int len = Math.min(RuleTableClassifier.BLOCK, vectorTo - start);
                for (int q = 0; q < p.passes; q++) {
                    float[] x = columns[p.feature[q]];
                    float t = p.threshold[q];
                    boolean le = p.lessOrEqual[q];
                    int[] and = p.andClause[q] ? clause : ones;
                    int[] or = p.orRule[q] ? rule : zeros;
                    int[] in = p.fromFallback[q] ? fallback : segments;
                    switch (p.kind[q]) {
                        case RuleProgram.TO_CLAUSE:
                            store(x, start, len, le, t, and, or, clause);
                            break;
                        case RuleProgram.TO_RULE:
                            store(x, start, len, le, t, and, or, rule);
                            break;
                        case RuleProgram.SELECT:
                            select(x, start, len, le, t, and, or, in, p.segment[q], segments);
                            break;
                        default:
                            selectOut(x, start, len, le, t, and, or, in, p.segment[q], out);
                            break;
                    }
                }
            }
        }
        if (vectorTo < to) {
            tail.classify(columns, out, vectorTo, to);
        }
    }

    private static void store(float[] x, int start, int len, boolean le, float t, int[] and, int[] or, int[] dst) {
        // Two loops, not a test of `le` per vector: each loop's compare is then a constant C2 can intrinsify.
        if (le) {
            for (int i = 0; i < len; i += LANES) {
                VectorMask<Float> m = FloatVector.fromArray(F, x, start + i).compare(VectorOperators.LE, t);
                bits(m).and(IntVector.fromArray(I, and, i)).or(IntVector.fromArray(I, or, i)).intoArray(dst, i);
            }
        } else {
            for (int i = 0; i < len; i += LANES) {
                VectorMask<Float> m = FloatVector.fromArray(F, x, start + i).compare(VectorOperators.GE, t);
                bits(m).and(IntVector.fromArray(I, and, i)).or(IntVector.fromArray(I, or, i)).intoArray(dst, i);
            }
        }
    }

    private static void select(float[] x, int start, int len, boolean le, float t, int[] and, int[] or,
            int[] in, int segment, int[] dst) {
        if (le) {
            for (int i = 0; i < len; i += LANES) {
                VectorMask<Float> m = FloatVector.fromArray(F, x, start + i).compare(VectorOperators.LE, t);
                IntVector v = bits(m).and(IntVector.fromArray(I, and, i)).or(IntVector.fromArray(I, or, i));
                choose(IntVector.fromArray(I, in, i), segment, v).intoArray(dst, i);
            }
        } else {
            for (int i = 0; i < len; i += LANES) {
                VectorMask<Float> m = FloatVector.fromArray(F, x, start + i).compare(VectorOperators.GE, t);
                IntVector v = bits(m).and(IntVector.fromArray(I, and, i)).or(IntVector.fromArray(I, or, i));
                choose(IntVector.fromArray(I, in, i), segment, v).intoArray(dst, i);
            }
        }
    }

    private static void selectOut(float[] x, int start, int len, boolean le, float t, int[] and, int[] or,
            int[] in, int segment, byte[] out) {
        if (le) {
            for (int i = 0; i < len; i += LANES) {
                VectorMask<Float> m = FloatVector.fromArray(F, x, start + i).compare(VectorOperators.LE, t);
                IntVector v = bits(m).and(IntVector.fromArray(I, and, i)).or(IntVector.fromArray(I, or, i));
                narrow(choose(IntVector.fromArray(I, in, i), segment, v)).intoArray(out, start + i);
            }
        } else {
            for (int i = 0; i < len; i += LANES) {
                VectorMask<Float> m = FloatVector.fromArray(F, x, start + i).compare(VectorOperators.GE, t);
                IntVector v = bits(m).and(IntVector.fromArray(I, and, i)).or(IntVector.fromArray(I, or, i));
                narrow(choose(IntVector.fromArray(I, in, i), segment, v)).intoArray(out, start + i);
            }
        }
    }

    /** A float mask as int lanes of all ones or zero (a blend of bit patterns; no mask-species conversion). */
    private static IntVector bits(VectorMask<Float> m) {
        return FloatVector.zero(F).blend(IntVector.broadcast(I, -1).reinterpretAsFloats(), m).reinterpretAsInts();
    }

    /** {@code segment} where {@code v} is all ones, {@code s} where it is zero. */
    private static IntVector choose(IntVector s, int segment, IntVector v) {
        return s.lanewise(VectorOperators.XOR, s.lanewise(VectorOperators.XOR, segment).and(v));
    }

    /** Eight int lanes (segments 0..126) to eight bytes. */
    private static ByteVector narrow(IntVector s) {
        return (ByteVector) s.convertShape(VectorOperators.I2B, B, 0);
    }
}
