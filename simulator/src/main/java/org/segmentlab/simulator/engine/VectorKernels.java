package org.segmentlab.simulator.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;

/**
 * Which of the engine's kernels run on vector lanes. Each kernel has a scalar definition and a twin on the incubating
 * Vector API that gives the same numbers bit for bit; the twins are used when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} (the launcher adds it with the optimising compiler, where they pay).
 * They are looked up reflectively, so the engine links and runs without the module. The system property
 * {@value #PROPERTY} ({@code auto}, the default, {@code scalar} or {@code vector}) overrides the choice, e.g. to
 * compare the two; {@code vector} falls back to scalar without the module.
 */
final class VectorKernels {
    /** The system property that picks the kernels. */
    static final String PROPERTY = "segmentlab.engine.kernel";
    /** Whether the Vector API module is in the boot layer (the JVM was started with it). */
    static final boolean MODULE_PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorKernels() {
    }

    /** Whether the system property asks for the scalar kernels (read on each call). */
    static boolean scalarWanted() {
        return "scalar".equals(System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The vector twin {@code simpleName} of this package, from its static {@code create()}; null without the module,
     * or when the twin declines (this CPU's vectors are too short to pay) or this JVM's Vector API lacks what it uses.
     */
    static <T> T create(String simpleName, Class<T> type) {
        if (!MODULE_PRESENT) {
            return null;
        }
        MethodHandle factory;
        try {
            Class<?> kernel = Class.forName(VectorKernels.class.getPackageName() + "." + simpleName);
            factory = MethodHandles.lookup().findStatic(kernel, "create", MethodType.methodType(type));
        } catch (ReflectiveOperationException | LinkageError e) {
            return null; // the scalar kernel gives the same numbers
        }
        try {
            return type.cast(factory.invoke());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create the vector kernel " + simpleName, e);
        }
    }
}
