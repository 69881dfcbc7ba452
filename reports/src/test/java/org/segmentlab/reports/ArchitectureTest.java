package org.segmentlab.reports;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.model.arch.PublicApi.missingOrNotPublic;
import static org.segmentlab.model.arch.PublicApi.outsideApi;


import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The reports' package layering and public API (config/api/reports.txt), and their use of the simulator's public API.
 * The layers, bottom up: tables (figures computed from results), charts drawing them, the HTML report and the
 * slide deck assembling charts, the output folder writing all of it; the calibration report draws on charts and
 * HTML. Two cycles remain and are written out edge by edge (see LAYERS); no other edge may join them.
 */
class ArchitectureTest {

    private static final String ROOT = "org.segmentlab.reports";

    /** This module's main classes (no tests): imported once for every rule. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /**
     * Today's edges against the layering, each named: RunSummary (table) formats with chart's Formats, which also
     * makes the axes' ticks (moving the text half into table would remove it); the HTML report and the deck read
     * their input (ReportInput, RunSource) from output, whose ReportWriter runs them (moving those two records into
     * a package below html and deck would remove it).
     */
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("table").definedBy(ROOT + ".table..")
            .layer("chart").definedBy(ROOT + ".chart..")
            .layer("html").definedBy(ROOT + ".html..")
            .layer("deck").definedBy(ROOT + ".deck..")
            .layer("output").definedBy(ROOT + ".output..")
            .layer("calibration").definedBy(ROOT + ".calibration..")
            .whereLayer("table").mayNotAccessAnyLayer()
            .whereLayer("chart").mayOnlyAccessLayers("table")
            .whereLayer("html").mayOnlyAccessLayers("chart", "table")
            .whereLayer("deck").mayOnlyAccessLayers("chart", "table")
            .whereLayer("output").mayOnlyAccessLayers("html", "deck", "chart", "table")
            .whereLayer("calibration").mayOnlyAccessLayers("html", "chart", "table")
            .ignoreDependency(nameMatching(ROOT + "\\.table\\.RunSummary.*"), nameMatching(ROOT + "\\.chart\\.Formats.*"))
            .ignoreDependency(resideInAPackage(ROOT + ".html"), nameMatching(ROOT + "\\.output\\.(ReportInput|RunSource)(\\$.*)?"))
            .ignoreDependency(resideInAPackage(ROOT + ".deck"), nameMatching(ROOT + "\\.output\\.(ReportInput|RunSource)(\\$.*)?"));

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles()
            .ignoreDependency(nameMatching(ROOT + "\\.table\\.RunSummary.*"), nameMatching(ROOT + "\\.chart\\.Formats.*"))
            .ignoreDependency(resideInAPackage(ROOT + ".html"), nameMatching(ROOT + "\\.output\\.(ReportInput|RunSource)(\\$.*)?"))
            .ignoreDependency(resideInAPackage(ROOT + ".deck"), nameMatching(ROOT + "\\.output\\.(ReportInput|RunSource)(\\$.*)?"));

    /**
     * The simulator's public API, listed explicitly in config/api/simulator.txt. A simulator type that is not listed
     * is internal to the simulator, public or not.
     */
    static final ArchRule USES_ONLY_PUBLIC_APIS = noClasses().that().resideInAPackage(ROOT + "..")
            .should().dependOnClassesThat(outsideApi("simulator", "simulator.txt"))
            .because("other modules are used through their public API only (config/api)");

    @Test
    void packagesAreLayered() {
        LAYERS.check(CLASSES);
    }

    @Test
    void packagesHaveNoCyclesButTheKnownEdges() {
        NO_PACKAGE_CYCLES.check(CLASSES);
    }

    @Test
    void everyTypeOfThePublicApiListExistsAndIsPublic() {
        assertThat(missingOrNotPublic(CLASSES, "reports.txt")).as("listed in config/api but missing or not public").isEmpty();
    }

    @Test
    void usesOnlyPublicApis() {
        USES_ONLY_PUBLIC_APIS.check(CLASSES);
    }
}
