package org.segmentlab.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.segmentlab.model.arch.PublicApi.outsideApi;


import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Spark runs a sweep's points through the simulator's and the command line's public APIs: only the simulator
 * and reports types listed in config/api.
 */
class ArchitectureTest {

    private static final String ROOT = "org.segmentlab.spark";

    /** This module's main classes (no tests): imported once for every rule. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /**
     * Other modules' public APIs, listed explicitly in config/api: simulator.txt and reports.txt. A type of those
     * modules that is not listed is internal to its module, public or not.
     */
    static final ArchRule USES_ONLY_PUBLIC_APIS = noClasses().that().resideInAPackage(ROOT + "..")
            .should().dependOnClassesThat(outsideApi("simulator", "simulator.txt"))
            .orShould().dependOnClassesThat(outsideApi("reports", "reports.txt"))
            .because("other modules are used through their public API only (config/api)");

    @Test
    void usesOnlyPublicApis() {
        USES_ONLY_PUBLIC_APIS.check(CLASSES);
    }
}
