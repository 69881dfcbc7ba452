package org.segmentlab.simulator.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.segmentlab.simulator.scenario.YamlNode.Location;
import org.segmentlab.simulator.scenario.YamlNode.Mapping;

/**
 * Reads scenario files: {@code Scenarios.load(path).with("market.imitation", "0.3").scenario()}. The only entry
 * point to YAML in SegmentLab; every error comes back as a {@link ScenarioException} listing each problem with its
 * file, line and column.
 */
public final class Scenarios {

    /** A scenario is a few kilobytes; refuse before reading what could not be one. */
    static final long MAX_FILE_BYTES = 4L * YamlReader.MAX_CODE_POINTS;

    private static final String SCHEMA_RESOURCE = "scenario.schema.json";

    private Scenarios() {
    }

    /**
     * Reads a scenario file (UTF-8). Problems are located as {@code file:line:column} with {@code file} as given.
     *
     * @throws ScenarioException when the file cannot be read, is not UTF-8, is empty, is not valid YAML or its top
     *                           level is not a mapping; everything else is reported by {@link ScenarioDocument#scenario()}
     */
    public static ScenarioDocument load(Path file) {
        String source = file.toString();
        byte[] bytes;
        if (Files.isDirectory(file)) {
            throw fail(Location.unknown(source), "is a folder, not a scenario file");
        }
        try {
            bytes = readAtMost(file, source);
        } catch (NoSuchFileException e) {
            throw fail(Location.unknown(source), "no such file");
        } catch (AccessDeniedException e) {
            throw fail(Location.unknown(source), "cannot read the file: permission denied");
        } catch (IOException e) {
            throw fail(Location.unknown(source), "cannot read the file: " + e.getMessage());
        }
        return parse(decode(bytes, source), source, file.toAbsolutePath().normalize().getParent());
    }

    /**
     * The file's bytes, read up to {@link #MAX_FILE_BYTES} and one more: the size a file system reports cannot be
     * trusted ({@code /dev/zero}, a pipe or a FIFO report 0 and never end), so the read itself is bounded and stops
     * as soon as the file proves too large.
     */
    private static byte[] readAtMost(Path file, String source) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
            throw tooLarge(source, Files.size(file) + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw tooLarge(source, "more than " + MAX_FILE_BYTES + " bytes");
            }
            return bytes;
        }
    }

    private static ScenarioException tooLarge(String source, String size) {
        return fail(Location.unknown(source), "the file is larger than " + (MAX_FILE_BYTES >> 20) + " MiB (" + size
                + "); a scenario must be at most " + (MAX_FILE_BYTES >> 20) + " MiB (" + MAX_FILE_BYTES + " bytes)");
    }

    /**
     * Reads scenario text; {@code sourceName} names it in problems (a file name, or e.g. {@code <workbench>}).
     *
     * @throws ScenarioException as {@link #load}
     */
    public static ScenarioDocument parse(String yaml, String sourceName) {
        return parse(yaml, sourceName, null);
    }

    /**
     * Reads scenario text whose files ({@code initialPopulation.file}) are relative to {@code folder}; null refuses
     * such files (text from a browser must not name files on this machine).
     */
    public static ScenarioDocument parse(String yaml, String sourceName, Path folder) {
        YamlReader.Result read = YamlReader.read(yaml, sourceName);
        if (read.root() == null || (read.root() instanceof YamlNode.Scalar
                && ((YamlNode.Scalar) read.root()).kind() == YamlNode.ScalarKind.NULL)) {
            Problems problems = new Problems();
            problems.addAll(read.problems());
            problems.add(new Location(sourceName, 1, 1), "", "the file is empty; a scenario needs at least name, market, archetypes and strategies");
            throw problems.toException();
        }
        if (!(read.root() instanceof Mapping)) {
            Problems problems = new Problems();
            problems.addAll(read.problems());
            problems.add(read.root(), "", "the top level must be a mapping of scenario keys (name, market, archetypes, "
                    + "strategies, …), got " + read.root().describe());
            throw problems.toException();
        }
        return new ScenarioDocument(sourceName, (Mapping) read.root(), read.problems(), folder);
    }

    /** The scenario JSON Schema (draft 2020-12), as shipped in {@code scenarios/schema/scenario.schema.json}. */
    public static String schema() {
        try (InputStream in = Scenarios.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath (a build problem)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Strict UTF-8: a malformed byte is reported at its line and column rather than read as U+FFFD. */
    private static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            int line = 1;
            int column = 1;
            while (out.hasRemaining()) {
                char c = out.get();
                if (c == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw fail(new Location(source, line, column), "the file is not valid UTF-8 text (byte " + in.position()
                    + "); save it as UTF-8");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static ScenarioException fail(Location at, String message) {
        return new ScenarioException(List.of(new LocatedProblem(at.source(), at.line(), at.column(), "", message)));
    }
}
