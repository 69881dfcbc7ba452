package org.segmentlab.simulator;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.model.arch.PublicApi.missingOrNotPublic;

import java.util.Random;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The simulator's package layering and its public API (config/api/simulator.txt). The layers, bottom up: the scenario
 * (typed, validated input), random streams and samplers, the population, the metrics tables, the engine, the
 * experiments built from runs, the analyses of experiments; calibration reads transaction logs and writes scenarios,
 * beside the engine. Each layer names the layers it may use; nothing reaches back up.
 */
class ArchitectureTest {

    private static final String ROOT = "org.segmentlab.simulator";

    /** The simulator's main classes (no tests): imported once for every rule. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("scenario").definedBy(ROOT + ".scenario..")
            .layer("random").definedBy(ROOT + ".random..")
            .layer("population").definedBy(ROOT + ".population..")
            .layer("metrics").definedBy(ROOT + ".metrics..")
            .layer("engine").definedBy(ROOT + ".engine..")
            .layer("experiment").definedBy(ROOT + ".experiment..")
            .layer("analysis").definedBy(ROOT + ".analysis..")
            .layer("calibrate").definedBy(ROOT + ".calibrate..")
            .whereLayer("scenario").mayNotAccessAnyLayer()
            .whereLayer("random").mayOnlyAccessLayers("scenario")
            .whereLayer("population").mayOnlyAccessLayers("random", "scenario")
            .whereLayer("metrics").mayOnlyAccessLayers("scenario")
            .whereLayer("engine").mayOnlyAccessLayers("metrics", "population", "random", "scenario")
            .whereLayer("experiment").mayOnlyAccessLayers("engine", "metrics", "population", "random", "scenario")
            .whereLayer("analysis").mayOnlyAccessLayers("experiment", "engine", "metrics", "scenario")
            .whereLayer("calibrate").mayOnlyAccessLayers("scenario");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    /**
     * The one cycle inside a layer, written out as it is today: the fitters ({@code calibrate.fit}) read the log's
     * {@code PurchaseHistory} while {@code calibrate} runs the fitters. Moving PurchaseHistory down into
     * {@code calibrate.fit} (or a log package) would remove it; until then no other edge may join it.
     */
    static final ArchRule FIT_USES_ONLY_PURCHASE_HISTORY = noClasses().that().resideInAPackage(ROOT + ".calibrate.fit..")
            .should().dependOnClassesThat(resideInAPackage(ROOT + ".calibrate")
                    .and(not(simpleName("PurchaseHistory").or(JavaClass.Predicates.simpleNameStartingWith("PurchaseHistory$")))))
            .because("calibrate.fit may reach back into calibrate only for PurchaseHistory (the known cycle)");

    /** Randomness is passed in: no global or clock-seeded generator, no clock (STYLE.md principle 2). */
    static final ArchRule NO_GLOBAL_RANDOMNESS_OR_CLOCK = noClasses()
            .should().callMethod(Math.class, "random")
            .orShould().callConstructor(Random.class)
            .orShould().callConstructor(Random.class, long.class)
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("a run is a pure function of (scenario, seed)");

    // Plain tests, not @ArchTest fields: surefire's -Dtest filter skips fields (ArchUnit's engine reports them by field).
    @Test
    void packagesAreLayered() {
        LAYERS.check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        NO_PACKAGE_CYCLES.check(CLASSES);
    }

    @Test
    void fitReachesBackOnlyForPurchaseHistory() {
        FIT_USES_ONLY_PURCHASE_HISTORY.check(CLASSES);
    }

    @Test
    void noGlobalRandomnessOrClock() {
        NO_GLOBAL_RANDOMNESS_OR_CLOCK.check(CLASSES);
    }

    /** The rule bites: a class that draws from Math.random is a violation. */
    @Test
    void aGlobalDrawIsAViolation() {
        JavaClasses offender = new ClassFileImporter().importClasses(DrawsFromMathRandom.class);
        assertThat(NO_GLOBAL_RANDOMNESS_OR_CLOCK.evaluate(offender).hasViolation()).isTrue();
    }

    /** A fixture for the test above. */
    static final class DrawsFromMathRandom {
        private DrawsFromMathRandom() {
        }

        static double draw() {
            return Math.random();
        }
    }

    @Test
    void everyTypeOfThePublicApiListExistsAndIsPublic() {
        assertThat(missingOrNotPublic(CLASSES, "simulator.txt", "simulator-benchmarks.txt")).as("listed in config/api but missing or not public").isEmpty();
    }
}
