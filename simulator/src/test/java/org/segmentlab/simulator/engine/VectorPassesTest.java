package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine's vector kernels do their Vector API work in small static passes, each reached through a handle
 * ({@link CompiledApart}), read from the bytecode. C2 (JDK 17) stops inlining into a compilation at about 18 000
 * nodes, and an operation left past that point runs as Java: a quarter of the month, in the JVMs it happened to.
 * Two rules: a kernel's entry points (its instance methods) make no Vector API call, not even through the class's own
 * helpers; and no static method makes more than {@link #BUDGET}, counting those of the helpers it calls in its class.
 * The Poisson kernel's e^−mean as one pass (43 calls) still crossed the limit in 2 of 24 JVMs.
 */
class VectorPassesTest {
    /** Vector API calls a pass may make, its helpers' included. */
    static final int BUDGET = 30;

    private static final String VECTOR_API = "jdk.incubator.vector";

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.segmentlab.simulator.engine");

    @Test
    void theKernelsEntryPointsLeaveTheVectorWorkToPasses() {
        Map<String, Integer> calls = vectorCalls(false);
        assertThat(calls).as("instance methods of the vector kernels and the Vector API calls they make").isNotEmpty()
                .allSatisfy((method, count) -> assertThat(count).as(method).isZero());
    }

    @Test
    void everyPassStaysWithinTheBudget() {
        Map<String, Integer> calls = vectorCalls(true);
        assertThat(calls).as("the passes of the four kernels")
                .containsKeys("VectorPoissonKernel.invert", "VectorBinomialKernel.search", "VectorWindowSumsKernel.tree",
                        "VectorUniformKernel.positions")
                .allSatisfy((method, count) -> assertThat(count).as(method).isLessThanOrEqualTo(BUDGET));
    }

    /** The count reaches through a pass's helpers: the uniforms pass makes few calls itself and many through one. */
    @Test
    void aPassIsCountedWithTheHelpersItCalls() {
        JavaClass uniform = ENGINE.get(VectorUniformKernel.class);
        JavaCodeUnit pass = uniform.getMethod("uniforms", long[].class, long.class, double[].class, int.class);
        long direct = pass.getMethodCallsFromSelf().stream().filter(VectorPassesTest::toTheVectorApi).count();
        assertThat(inlined(pass, new HashSet<>())).isGreaterThan((int) direct + 5);
    }

    /** For every method of a class of the engine that makes Vector API calls: how many, helpers included. */
    private static Map<String, Integer> vectorCalls(boolean isStatic) {
        Map<String, Integer> calls = new TreeMap<>();
        for (JavaClass kernel : ENGINE) {
            if (kernel.getMethods().stream().noneMatch(m -> m.getMethodCallsFromSelf().stream().anyMatch(VectorPassesTest::toTheVectorApi))) {
                continue;
            }
            for (JavaCodeUnit method : kernel.getMethods()) {
                if (method.getModifiers().contains(JavaModifier.STATIC) == isStatic && !method.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                    calls.put(kernel.getSimpleName() + "." + method.getName(), inlined(method, new HashSet<>()));
                }
            }
        }
        return calls;
    }

    /** The Vector API calls of a method and of the methods of its own class it calls (as C2 would inline them). */
    private static int inlined(JavaCodeUnit method, Set<JavaCodeUnit> seen) {
        if (!seen.add(method)) {
            return 0;
        }
        int count = 0;
        for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
            if (toTheVectorApi(call)) {
                count++;
            } else if (call.getTargetOwner().equals(method.getOwner())) {
                count += call.getTarget().resolveMember().map(helper -> inlined(helper, seen)).orElse(0);
            }
        }
        return count;
    }

    private static boolean toTheVectorApi(JavaMethodCall call) {
        return call.getTargetOwner().getPackageName().equals(VECTOR_API);
    }
}
