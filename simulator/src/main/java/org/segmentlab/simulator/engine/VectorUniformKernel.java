package org.segmentlab.simulator.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.segmentlab.simulator.engine.CustomerRandom.Purpose;

/**
 * {@link UniformKernel} on the incubating Vector API: SplitMix64's mix ({@link CustomerRandom#mix64}) and its top 53
 * bits times 2^−53 on a vector of customers at a time, the same integer operations as the scalar code, so the same
 * numbers bit for bit. Its uniforms pass is also the first pass of {@link VectorPoissonKernel} and
 * {@link VectorBinomialKernel}. The customers after the last full vector take the scalar definitions. Each pass is
 * compiled on its own ({@link CompiledApart}); only loaded, reflectively, when the {@code jdk.incubator.vector} module
 * is in the boot layer.
 */
final class VectorUniformKernel implements UniformKernel {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final int LANES = L.length();
    /** As many ints as {@link #L} has longs: the customers' ids, widened lane by lane. */
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, VectorShape.forBitSize(L.vectorBitSize() / 2));

    private final MethodHandle positions = CompiledApart.pass(MethodHandles.lookup(), "positions", void.class,
            long.class, int[].class, int.class, long[].class, int.class);
    private final MethodHandle uniforms = CompiledApart.pass(MethodHandles.lookup(), "uniforms", void.class,
            long[].class, long.class, double[].class, int.class);

    private VectorUniformKernel() {
    }

    /** The kernel, or null when this CPU's preferred vectors are too short to pay (fewer than four longs). */
    static UniformKernel create() {
        return LANES >= 4 && DoubleVector.SPECIES_PREFERRED.length() == LANES && I.length() == LANES
                ? new VectorUniformKernel() : null;
    }

    @Override
    public void positions(long key, int[] id, int from, int count, long[] out) {
        int full = count - count % LANES;
        try {
            positions.invokeExact(key, id, from, out, full);
        } catch (Throwable e) {
            throw CompiledApart.rethrown(e);
        }
        for (int r = full; r < count; r++) {
            out[r] = CustomerRandom.customerBase(key, id[from + r]);
        }
    }

    @Override
    public void uniforms(long[] position, int count, Purpose purpose, double[] out) {
        int full = count - count % LANES;
        try {
            uniforms.invokeExact(position, purpose.salt() + CustomerRandom.GAMMA, out, full);
        } catch (Throwable e) {
            throw CompiledApart.rethrown(e);
        }
        for (int j = full; j < count; j++) {
            out[j] = CustomerRandom.firstDouble(position[j], purpose);
        }
    }

    /** customerBase(key, id) = mix64(key + (id + 1) · γ) for the ids of the first {@code full} rows from {@code from}. */
    @SuppressWarnings("unused") // called through its handle
    private static void positions(long key, int[] id, int from, long[] out, int full) {
        for (int r = 0; r < full; r += LANES) {
            LongVector ids = (LongVector) IntVector.fromArray(I, id, from + r).convertShape(VectorOperators.I2L, L, 0);
            mixed(ids.add(1).mul(CustomerRandom.GAMMA).add(key)).intoArray(out, r);
        }
    }

    /**
     * The first {@code full} customers' uniforms at {@code position + start} (start = a purpose's salt + γ): the pass
     * the Poisson and binomial kernels begin with too.
     */
    @SuppressWarnings("unused") // called through its handle
    static void uniforms(long[] position, long start, double[] uniform, int full) {
        for (int j = 0; j < full; j += LANES) {
            uniforms(LongVector.fromArray(L, position, j).add(start)).intoArray(uniform, j);
        }
    }

    /** SplitMix64's output of each state, as {@link CustomerRandom#nextDouble}: the top 53 bits times 2^−53. */
    private static DoubleVector uniforms(LongVector state) {
        return ((DoubleVector) mixed(state).lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0)).mul(0x1.0p-53);
    }

    /** {@link CustomerRandom#mix64} in every lane: Stafford's variant 13, the same shifts, XORs and multiplies. */
    private static LongVector mixed(LongVector z) {
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xbf58476d1ce4e5b9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94d049bb133111ebL);
        return z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    }
}
