package org.segmentlab.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Random;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The model's package layering: value types and problems at the root, features, then segments and taxonomies, the
 * classifier over both; treatments, and strategies that map segments to treatments. No I/O and no randomness.
 */
class ArchitectureTest {

    private static final String ROOT = "org.segmentlab.model";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("values").definedBy(ROOT)
            .layer("feature").definedBy(ROOT + ".feature..")
            .layer("segment").definedBy(ROOT + ".segment..")
            .layer("classify").definedBy(ROOT + ".classify..")
            .layer("treatment").definedBy(ROOT + ".treatment..")
            .layer("strategy").definedBy(ROOT + ".strategy..")
            .whereLayer("values").mayNotAccessAnyLayer()
            .whereLayer("feature").mayOnlyAccessLayers("values")
            .whereLayer("segment").mayOnlyAccessLayers("feature", "values")
            .whereLayer("classify").mayOnlyAccessLayers("segment", "feature", "values")
            .whereLayer("treatment").mayOnlyAccessLayers("values")
            .whereLayer("strategy").mayOnlyAccessLayers("segment", "treatment", "values");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    /** STYLE.md principle 1: the model does no I/O and no randomness. */
    static final ArchRule NO_IO_NO_RANDOMNESS = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.util.random..")
            .orShould().dependOnClassesThat().areAssignableTo(Random.class)
            .orShould().callMethod(Math.class, "random")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("the model is pure: no I/O, no randomness, no clock");

    @Test
    void packagesAreLayered() {
        LAYERS.check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        NO_PACKAGE_CYCLES.check(CLASSES);
    }

    @Test
    void noIoNoRandomness() {
        NO_IO_NO_RANDOMNESS.check(CLASSES);
    }
}
