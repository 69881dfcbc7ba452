package org.segmentlab.simulator.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Handles to the vector kernels' passes, so that each pass is compiled on its own. A kernel keeps the handle in an
 * instance field: C2 cannot fold it to a constant, so it never inlines the pass into its caller.
 *
 * <p>Why: C2 (JDK 17) stops inlining ordinary methods into a compilation once its graph has about 18 000 nodes
 * ({@code NodeCountInliningCutoff}), and one Vector API operation parses into a few hundred. An operation parsed past
 * that point keeps a call to one of the API's small bridge methods, where the operator is no longer a constant, so
 * the operation runs as Java, a hundred times slower. How far a compilation gets before the limit depends on its
 * profile, so the same code was fast in some JVMs and slow in others: with the uniforms, the exponential, the
 * inversion and the scalar draws in one method, the Poisson kernel lost an operation in about a third of the JVMs
 * (two in three for the plain market), and with it a quarter of the month. A pass holds a few dozen operations and
 * no call to anything else, far from the limit; a handle call costs tens of nanoseconds, once per chunk.
 */
final class CompiledApart {
    private CompiledApart() {
    }

    /** A handle to the static method {@code name} of the lookup's class (its own lookup, so the pass may be private). */
    static MethodHandle pass(MethodHandles.Lookup owner, String name, Class<?> returned, Class<?>... parameters) {
        try {
            return owner.findStatic(owner.lookupClass(), name, MethodType.methodType(returned, parameters));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the vector pass " + owner.lookupClass().getSimpleName() + "." + name + " is missing", e);
        }
    }

    /** Rethrows what a pass threw: it declares no checked exception. */
    static RuntimeException rethrown(Throwable thrown) {
        if (thrown instanceof RuntimeException e) {
            return e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(thrown);
    }
}
