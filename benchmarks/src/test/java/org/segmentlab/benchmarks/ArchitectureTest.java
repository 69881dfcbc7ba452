package org.segmentlab.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.segmentlab.model.arch.PublicApi.outsideApi;


import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks use the simulator's public API (config/api/simulator.txt) and the internals they measure
 * (config/api/simulator-benchmarks.txt), nothing else of it.
 */
class ArchitectureTest {

    private static final String ROOT = "org.segmentlab.benchmarks";

    /** This module's main classes (no tests): imported once for every rule. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /**
     * The simulator's public API and the internals measured here, listed explicitly in config/api: simulator.txt and
     * simulator-benchmarks.txt.
     */
    static final ArchRule USES_ONLY_PUBLIC_APIS = noClasses().that().resideInAPackage(ROOT + "..")
            .should().dependOnClassesThat(outsideApi("simulator", "simulator.txt", "simulator-benchmarks.txt"))
            .because("other modules are used through their public API only (config/api)");

    @Test
    void usesOnlyPublicApis() {
        USES_ONLY_PUBLIC_APIS.check(CLASSES);
    }
}
