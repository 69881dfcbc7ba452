package org.segmentlab.model.classify;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the kernel a classifier runs: the {@link VectorKernel} when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} and the CPU has 256-bit vectors, else the {@link ScalarKernel}.
 * The system property {@value #PROPERTY} ({@code auto}, the default, {@code scalar} or {@code vector}) overrides
 * the choice, e.g. to compare the two; {@code vector} falls back to scalar when the module is absent. The
 * vector kernel is looked up reflectively so that this class, and the whole model, links without the module.
 */
final class Kernels {

    /** The system property that picks the kernel. */
    static final String PROPERTY = "segmentlab.classifier.kernel";

    private static final MethodHandle VECTOR_FACTORY = vectorFactory();

    private Kernels() {
    }

    /** The kernel for a program, as configured. */
    static ClassifierKernel of(RuleProgram program) {
        String wanted = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (!"scalar".equals(wanted)) {
            Optional<ClassifierKernel> vector = vector(program);
            if (vector.isPresent()) {
                return vector.get();
            }
        }
        return new ScalarKernel(program);
    }

    /** The vector kernel, when the module is present and the CPU supports it. */
    static Optional<ClassifierKernel> vector(RuleProgram program) {
        if (VECTOR_FACTORY == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((ClassifierKernel) VECTOR_FACTORY.invokeExact(program));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create the vector kernel", e);
        }
    }

    /** Whether the Vector API module is in the boot layer (the JVM was started with it). */
    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static MethodHandle vectorFactory() {
        if (!vectorModulePresent()) {
            return null;
        }
        try {
            Class<?> kernel = Class.forName(Kernels.class.getPackageName() + ".VectorKernel");
            return MethodHandles.lookup().findStatic(kernel, "of", MethodType.methodType(ClassifierKernel.class, RuleProgram.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            // A JVM whose Vector API lacks what the kernel uses: the scalar kernel gives the same answers.
            return null;
        }
    }
}
