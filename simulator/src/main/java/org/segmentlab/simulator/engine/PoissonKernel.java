package org.segmentlab.simulator.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;

import org.segmentlab.simulator.engine.CustomerRandom.Purpose;

/**
 * The Poisson counts of a chunk's customers for one purpose, all in one call: {@code out[j]} is exactly
 * {@code Draws.poisson(c.rng.resetAt(c.position[j], purpose), c.mean[j])} for j below {@code c.liveCount}, each
 * customer's first draw of its own stream, so
 * common random numbers and thread-count independence hold as for a single draw. Two kernels give the same counts:
 * the scalar one (that very call per customer) and {@link VectorPoissonKernel}, which draws the uniforms, e^−mean
 * ({@link PortableExp}) and the inversion eight customers to an instruction when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}. The system property {@value #PROPERTY} ({@code auto}, the default,
 * {@code scalar} or {@code vector}) overrides the choice; {@code vector} falls back to scalar without the module.
 */
interface PoissonKernel {
    /** The system property that picks the kernel. */
    String PROPERTY = "segmentlab.engine.kernel";

    /** Fills {@code out[0 .. c.liveCount-1]} from the chunk's positions and means ({@code c.drawn} is scratch). */
    void draw(Chunk c, Purpose purpose, int[] out);

    /** One draw per customer, in order: the definition the vector kernel reproduces. */
    PoissonKernel SCALAR = (c, purpose, out) -> {
        for (int j = 0; j < c.liveCount; j++) {
            out[j] = Draws.poisson(c.rng.resetAt(c.position[j], purpose), c.mean[j]);
        }
    };

    /** The kernel the system property asks for (read on each call, so a run can be compared under both). */
    static PoissonKernel configured() {
        String wanted = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if ("scalar".equals(wanted)) {
            return SCALAR;
        }
        PoissonKernel vector = VectorLookup.VECTOR;
        return vector != null ? vector : SCALAR;
    }

    /** The vector kernel, looked up reflectively so the engine links and runs without the incubator module. */
    final class VectorLookup {
        static final PoissonKernel VECTOR = create();

        private VectorLookup() {
        }

        private static PoissonKernel create() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return null;
            }
            MethodHandle factory;
            try {
                Class<?> kernel = Class.forName(PoissonKernel.class.getPackageName() + ".VectorPoissonKernel");
                factory = MethodHandles.lookup().findStatic(kernel, "create", MethodType.methodType(PoissonKernel.class));
            } catch (ReflectiveOperationException | LinkageError e) {
                // A JVM whose Vector API lacks what the kernel uses: the scalar kernel gives the same counts.
                return null;
            }
            try {
                return (PoissonKernel) factory.invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot create the vector Poisson kernel", e);
            }
        }
    }
}
