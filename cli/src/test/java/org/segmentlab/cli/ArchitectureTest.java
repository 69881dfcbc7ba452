package org.segmentlab.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.model.arch.PublicApi.outsideApi;


import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The command line uses the other modules through their public APIs only: the simulator's and the reports'
 * listed in config/api (model and workbench are used as they are).
 */
class ArchitectureTest {

    private static final String ROOT = "org.segmentlab.cli";

    /** This module's main classes (no tests): imported once for every rule. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /**
     * The commands sit on the launcher's shared pieces and options; nothing below reaches back to a command except
     * the root command, whose annotation lists the subcommands (the one cli/cli.command cycle, by design).
     */
    static final ArchRule COMMANDS_ON_TOP = noClasses().that().resideOutsideOfPackage(ROOT + ".command..")
            .and().doNotHaveFullyQualifiedName(ROOT + ".SegmentLabCommand")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".command..")
            .because("cli.command depends on cli and cli.option, not the other way round");

    /**
     * Other modules' public APIs, listed explicitly in config/api: simulator.txt and reports.txt. A type of those
     * modules that is not listed is internal to its module, public or not.
     */
    static final ArchRule USES_ONLY_PUBLIC_APIS = noClasses().that().resideInAPackage(ROOT + "..")
            .should().dependOnClassesThat(outsideApi("simulator", "simulator.txt"))
            .orShould().dependOnClassesThat(outsideApi("reports", "reports.txt"))
            .because("other modules are used through their public API only (config/api)");

    @Test
    void commandsOnTop() {
        COMMANDS_ON_TOP.check(CLASSES);
    }

    @Test
    void usesOnlyPublicApis() {
        USES_ONLY_PUBLIC_APIS.check(CLASSES);
    }

    /** The rule bites: a cli class using a public but internal reports type is a violation. */
    @Test
    void anInternalTypeOfReportsIsAViolation() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesAnInternalReportsType.class);
        assertThat(USES_ONLY_PUBLIC_APIS.evaluate(offender).hasViolation()).isTrue();
        assertThat(USES_ONLY_PUBLIC_APIS.evaluate(new ClassFileImporter().importClasses(ArchitectureTest.class))
                .hasViolation()).isFalse();
    }

    /** A fixture for the test above: ChartStyle is public for reports' own packages, not listed in config/api. */
    static final class UsesAnInternalReportsType {
        static final Object TITLE = org.segmentlab.reports.chart.ChartStyle.TITLE;

        private UsesAnInternalReportsType() {
        }
    }
}
