package org.segmentlab.workbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.segmentlab.model.arch.PublicApi.outsideApi;
import static org.segmentlab.model.arch.PublicApi.topLevel;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The workbench uses the simulator and the reports through their public APIs only (config/api), and the tournament
 * reaches back into the workbench only for the three shared pieces it needs today.
 */
class ArchitectureTest {

    private static final String ROOT = "org.segmentlab.workbench";

    /** This module's main classes (no tests): imported once for every rule. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /**
     * The one package cycle, written out as it is today: the workbench serves the tournament's API, and the
     * tournament uses the workbench's request errors and shipped scenarios. Moving those three into a package both
     * use would remove it; until then no other edge may join it.
     */
    static final ArchRule TOURNAMENT_REACHES_BACK_ONLY_FOR_SHARED_PIECES = noClasses()
            .that().resideInAPackage(ROOT + ".tournament..")
            .should().dependOnClassesThat(DescribedPredicate.describe("workbench types other than RequestException,"
                    + " FieldProblem and ShippedScenarios", c -> c.getPackageName().equals(ROOT)
                    && !Set.of("RequestException", "FieldProblem", "ShippedScenarios").contains(topLevel(c)
                            .substring(ROOT.length() + 1))))
            .because("workbench.tournament may reach back into workbench only for the known shared pieces");

    /**
     * Other modules' public APIs, listed explicitly in config/api: simulator.txt and reports.txt. A type of those
     * modules that is not listed is internal to its module, public or not.
     */
    static final ArchRule USES_ONLY_PUBLIC_APIS = noClasses().that().resideInAPackage(ROOT + "..")
            .should().dependOnClassesThat(outsideApi("simulator", "simulator.txt"))
            .orShould().dependOnClassesThat(outsideApi("reports", "reports.txt"))
            .because("other modules are used through their public API only (config/api)");

    @Test
    void tournamentReachesBackOnlyForSharedPieces() {
        TOURNAMENT_REACHES_BACK_ONLY_FOR_SHARED_PIECES.check(CLASSES);
    }

    @Test
    void usesOnlyPublicApis() {
        USES_ONLY_PUBLIC_APIS.check(CLASSES);
    }
}
