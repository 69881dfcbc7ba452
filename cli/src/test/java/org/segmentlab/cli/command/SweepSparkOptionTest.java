package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --spark} without the spark module built: exit 2, a message saying how to build it, nothing written.
 * (With it built, the spark module's SparkLaunchTest runs the same command through Spark.)
 */
class SweepSparkOptionTest {

    @Test
    void withoutTheSparkModuleBuiltItSaysHowToBuildItAndWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("sweep");
        String old = System.setProperty(SparkLaunch.HOME_PROPERTY, dir.toString());
        try {
            Run r = Run.of("sweep", Path.of("..", "scenarios", "four-types.yaml").toString(), "--vary", "market.imitation=0.1,0.2",
                    "--spark", "local[2]", "--out", out.toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).startsWith("segmentlab sweep: --spark needs the spark module")
                    .contains("mvn -B -pl spark -am package -DskipTests").doesNotContain("Exception");
            assertThat(out).doesNotExist();
        } finally {
            if (old == null) {
                System.clearProperty(SparkLaunch.HOME_PROPERTY);
            } else {
                System.setProperty(SparkLaunch.HOME_PROPERTY, old);
            }
        }
    }

    @Test
    void aMasterThatIsNotASparkUrlIsExit2BeforeAnythingStarts(@TempDir Path dir) {
        Path out = dir.resolve("sweep");
        Run r = Run.of("sweep", Path.of("..", "scenarios", "four-types.yaml").toString(), "--vary", "market.imitation=0.1,0.2",
                "--spark", "local(2)", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("segmentlab sweep: --spark: 'local(2)' is not a Spark master URL").contains("spark://HOST:7077");
        assertThat(out).doesNotExist();
    }

    @Test
    void theChildGetsTheArgumentsAfterTheVerb() {
        assertThat(SparkLaunch.argsAfterVerb(List.of("sweep", "s.yaml", "--spark", "local[2]"))).containsExactly("s.yaml", "--spark", "local[2]");
    }
}
