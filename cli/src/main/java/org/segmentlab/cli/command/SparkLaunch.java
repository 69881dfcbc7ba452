package org.segmentlab.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.segmentlab.cli.BadInputException;
import org.segmentlab.cli.ExitCodes;

/**
 * {@code segmentlab sweep … --spark MASTER}: runs the spark module's application in a child JVM, on
 * {@code spark/target/segmentlab-spark.jar} and the Spark jars Maven resolved for it (listed at build time in
 * {@code spark/target/spark-classpath.txt}). Why a child: nothing of Spark (≈ 290 MB of jars) is on this command's
 * classpath, so a local sweep starts as fast as before. The child runs the same sweep command inside a Spark driver;
 * its output is passed through, and its exit code is this command's.
 */
final class SparkLaunch {

    /** The application's main class, in the spark module. */
    static final String MAIN = "org.segmentlab.spark.SparkSweep";
    /** Where the spark module's build leaves its jar and classpath, relative to the project root. */
    static final String JAR = "spark/target/segmentlab-spark.jar";
    static final String CLASSPATH = "spark/target/spark-classpath.txt";
    /** Overrides the project root (the folder holding spark/target), e.g. for an installed copy. */
    static final String HOME_VARIABLE = "SEGMENTLAB_HOME";
    /** The same as a system property (read first): what tests set. */
    static final String HOME_PROPERTY = "segmentlab.home";

    private SparkLaunch() {
    }

    static int run(List<String> originalArgs, PrintWriter out, PrintWriter err) {
        Path root = projectRoot();
        Path jar = root.resolve(JAR);
        Path classpath = root.resolve(CLASSPATH);
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(classpath)) {
            throw new BadInputException("--spark needs the spark module, which is not built (" + jar + " or " + classpath
                    + " is missing): build it with  mvn -B -pl spark -am package -DskipTests  in " + root);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        String heap = System.getenv("SEGMENTLAB_SPARK_DRIVER_MEMORY");
        command.add("-Xmx" + (heap == null ? "2g" : heap));
        command.add("-cp");
        try {
            command.add(jar + java.io.File.pathSeparator + Files.readString(classpath, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new BadInputException("--spark: cannot read " + classpath + " (" + e.getMessage() + "): rebuild it with"
                    + "  mvn -B -pl spark -am package -DskipTests");
        }
        command.add(MAIN);
        command.addAll(argsAfterVerb(originalArgs));
        ProcessBuilder pb = new ProcessBuilder(command);
        // Spark binds its driver to this address; on a laptop or a test the loopback avoids a DNS lookup of the host.
        pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            err.println("segmentlab sweep: could not start the Spark JVM: " + e.getMessage());
            err.flush();
            return ExitCodes.RUN_FAILED;
        }
        Thread hook = new Thread(child::destroy, "segmentlab-spark-stop");   // Ctrl-C stops the child too (it keeps its table)
        Runtime.getRuntime().addShutdownHook(hook);
        Thread copyOut = copy(child.getInputStream(), out);
        Thread copyErr = copy(child.getErrorStream(), err);
        try {
            int code = child.waitFor();
            copyOut.join();
            copyErr.join();
            return code;
        } catch (InterruptedException e) {
            // Stop the child as Ctrl-C would (it keeps the points written; --resume continues), and wait for it, so
            // nothing writes the table once this returns.
            child.destroy();
            try {
                if (!child.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
                    child.destroyForcibly().waitFor();
                }
            } catch (InterruptedException again) {
                child.destroyForcibly();
            }
            Thread.currentThread().interrupt();
            err.println("segmentlab sweep: interrupted; the Spark JVM was stopped. Run the same command with --resume to continue");
            return ExitCodes.RUN_FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
            out.flush();
            err.flush();
        }
    }

    /** The sweep's own arguments: what followed the verb on this command line. */
    static List<String> argsAfterVerb(List<String> originalArgs) {
        int verb = originalArgs.indexOf("sweep");
        return verb < 0 ? originalArgs : originalArgs.subList(verb + 1, originalArgs.size());
    }

    /**
     * The project root: {@value #HOME_PROPERTY}, {@value #HOME_VARIABLE}, or the folder above cli/ that holds this
     * command's jar or classes.
     */
    static Path projectRoot() {
        String home = System.getProperty(HOME_PROPERTY, System.getenv(HOME_VARIABLE));
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        try {
            // cli/target/segmentlab.jar or cli/target/classes → the project root is three levels up.
            Path code = Path.of(SparkLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = code.getParent().getParent().getParent();
            return root == null ? Path.of("").toAbsolutePath() : root;
        } catch (URISyntaxException | NullPointerException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    private static Thread copy(InputStream in, PrintWriter to) {
        Thread t = new Thread(() -> {
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                char[] buf = new char[8192];
                int n;
                while ((n = r.read(buf)) >= 0) {
                    synchronized (to) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                }
            } catch (IOException e) {
                // the child ended
            }
        }, "segmentlab-spark-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
