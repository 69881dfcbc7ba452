package org.segmentlab.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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

    /** The classes of {@code module} whose top-level type is not in any of the {@code lists} in config/api. */
    static DescribedPredicate<JavaClass> outsideApi(String module, String... lists) {
        String prefix = "org.segmentlab." + module + ".";
        Set<String> api = java.util.Arrays.stream(lists).flatMap(l -> apiList(l).stream()).collect(Collectors.toSet());
        return DescribedPredicate.describe(module + " types outside config/api/" + String.join(", ", lists),
                c -> c.getName().startsWith(prefix) && !api.contains(topLevel(c)));
    }

    static String topLevel(JavaClass c) {
        int nested = c.getName().indexOf('$');
        return nested < 0 ? c.getName() : c.getName().substring(0, nested);
    }

    /** The types listed in {@code config/api/<file>} (found from the module folder upwards). */
    static List<String> apiList(String file) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("config/api"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("config/api above " + Path.of("").toAbsolutePath()).isNotNull();
        try {
            return Files.readAllLines(dir.resolve("config/api").resolve(file)).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
