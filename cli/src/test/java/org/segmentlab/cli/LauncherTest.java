package org.segmentlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/segmentlab} says on stderr that it is building while it builds (a first build takes about half a
 * minute, and silence looks like a hang), and says nothing when the jar is up to date. The real launcher runs in a
 * copy of the project layout with stand-ins for {@code mvn} (creates the jar) and {@code java} (prints its
 * arguments), so the test takes a second and never rebuilds the real jar. With the optimising compiler
 * ({@code SEGMENTLAB_JIT=4}, or {@code serve}) it adds the Vector API module, and only then.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherTest {

    private static final String BUILDING =
            "segmentlab: building cli/target/segmentlab.jar (first run or sources changed; about 30 s)…";

    @TempDir
    Path temp;

    @Test
    void saysBuildingOnStderrOnlyWhenItBuilds() throws Exception {
        Path launcher = launcherCopy();
        Path tools = temp.resolve("tools");
        Path source = temp.resolve("project/cli/src/main/java/A.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class A {}\n");

        Result first = run(launcher, tools);
        assertThat(first.exit).as(first.err).isZero();
        assertThat(first.err.strip()).isEqualTo(BUILDING);
        assertThat(first.out).contains("-jar").contains("version");

        Result second = run(launcher, tools);
        assertThat(second.exit).as(second.err).isZero();
        assertThat(second.err).isEmpty();

        // A source newer than the jar: built again, and said so again.
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(60)));
        Result third = run(launcher, tools);
        assertThat(third.err.strip()).isEqualTo(BUILDING);
    }

    @Test
    void givesTheVectorApiOnlyWithTheOptimisingCompiler() throws Exception {
        Path launcher = launcherCopy();
        Path tools = temp.resolve("tools");
        Result quick = run(launcher, tools, null);
        assertThat(quick.out).contains("-XX:TieredStopAtLevel=1").doesNotContain("jdk.incubator.vector");
        Result research = run(launcher, tools, "4");
        assertThat(research.out).contains("-XX:TieredStopAtLevel=4 --add-modules=jdk.incubator.vector");
    }

    private record Result(int exit, String out, String err) {
    }

    /**
     * The real launcher in {@code temp/project/bin}, and stand-ins in {@code temp/tools}: {@code mvn} creates the jar,
     * {@code java} prints its arguments.
     */
    private Path launcherCopy() throws IOException {
        Path launcher = temp.resolve("project").resolve("bin").resolve("segmentlab");
        Files.createDirectories(launcher.getParent());
        Files.copy(findRoot().resolve("bin").resolve("segmentlab"), launcher);
        Path tools = temp.resolve("tools");
        Files.createDirectories(tools);
        script(tools.resolve("mvn"), "mkdir -p cli/target && touch cli/target/segmentlab.jar\n");
        script(tools.resolve("java"), "echo \"java $*\"\n");
        return launcher;
    }

    private Result run(Path launcher, Path tools) throws IOException, InterruptedException {
        return run(launcher, tools, null);
    }

    private Result run(Path launcher, Path tools, String jit) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "version");
        pb.environment().put("PATH", tools + ":/usr/bin:/bin");
        pb.environment().remove("SEGMENTLAB_JIT");
        if (jit != null) {
            pb.environment().put("SEGMENTLAB_JIT", jit);
        }
        pb.redirectOutput(temp.resolve("out.txt").toFile());
        pb.redirectError(temp.resolve("err.txt").toFile());
        Process p = pb.start();
        // Sized for a loaded machine: the script itself takes milliseconds.
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Result(p.exitValue(), Files.readString(temp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(temp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path findRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("bin").resolve("segmentlab"))) {
                return d;
            }
        }
        throw new IllegalStateException("bin/segmentlab not found above " + Path.of("").toAbsolutePath());
    }
}
