package org.segmentlab.model.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;

/**
 * The modules' public APIs as listed in {@code config/api/*.txt}, for every module's ArchitectureTest (shared from
 * model's test jar): the lists, the rule's predicate for "a type of that module outside its list", and the check that
 * every listed type exists and is public.
 */
public final class PublicApi {
    private PublicApi() {
    }

    /** The classes of {@code module} whose top-level type is not in any of the {@code lists} in config/api. */
    public static DescribedPredicate<JavaClass> outsideApi(String module, String... lists) {
        String prefix = "org.segmentlab." + module + ".";
        Set<String> api = Arrays.stream(lists).flatMap(l -> apiList(l).stream()).collect(Collectors.toSet());
        return DescribedPredicate.describe(module + " types outside config/api/" + String.join(", ", lists),
                c -> c.getName().startsWith(prefix) && !api.contains(topLevel(c)));
    }

    /** The listed types of {@code lists} that {@code classes} lacks or does not make public. */
    public static List<String> missingOrNotPublic(JavaClasses classes, String... lists) {
        return Arrays.stream(lists).flatMap(l -> apiList(l).stream())
                .filter(name -> !classes.contain(name) || !classes.get(name).getModifiers().contains(JavaModifier.PUBLIC))
                .collect(Collectors.toList());
    }

    /** The top-level type a class belongs to (a nested type goes with its outer type). */
    public static String topLevel(JavaClass c) {
        int nested = c.getName().indexOf('$');
        return nested < 0 ? c.getName() : c.getName().substring(0, nested);
    }

    /** The types listed in {@code config/api/<file>} (found from the module folder upwards). */
    public static List<String> apiList(String file) {
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
