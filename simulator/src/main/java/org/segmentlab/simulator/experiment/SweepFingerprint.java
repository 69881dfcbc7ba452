package org.segmentlab.simulator.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.ScenarioWriter;

/**
 * Everything that determines the rows of a sweep table, kept beside it as {@code <table>.fingerprint.json}
 * ({@code sweep.csv} → {@code sweep.fingerprint.json}) so that {@link Sweep#resume} can refuse to continue a table
 * made by another sweep instead of mixing two experiments in one file. The table itself stays a plain CSV.
 * <p>
 * It records the tool version; the scenario as resolved after every override, each varied value at its first one
 * ({@link ScenarioWriter}'s canonical YAML, held as a tree — so an edit of the file that changes no value, a comment
 * or a blank line, is not a difference; nor is the base value of a path the design varies, which no row uses), the
 * SHA-256 of an initial-population file it names; the {@code --set} overrides of paths not varied; the seed, months,
 * replications and strategies; whether every month or the last one is written; and the design (kind, factors with
 * their values or ranges and levels, points, Latin-hypercube seed). The scenario's name and description are kept
 * but not compared: they do not reach the rows.
 */
final class SweepFingerprint {

    /** The layout of the file; a file of another format is reported as a difference. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    /** Top-level scenario keys left out of the content comparison: compared on their own line, or not in the rows. */
    private static final Set<String> NOT_CONTENT = Set.of("name", "description", "seed", "months", "replications");
    /** An absolute path: compared through the file's SHA-256 instead, so a moved project still resumes. */
    private static final String POPULATION_FILE = "initialPopulation.file";
    /** Scenario differences named in a refusal; more are counted. */
    private static final int SHOWN = 8;

    private final ObjectNode json;

    private SweepFingerprint(ObjectNode json) {
        this.json = json;
    }

    /**
     * The fingerprint of a sweep of {@code design} over {@code base} (the replications applied, each varied value
     * at its first one).
     *
     * @param tool       the tool version
     * @param overrides  the {@code --set} overrides {@code base} was made with (their effect is in the resolved
     *                   scenario; they are recorded so a refusal can name a changed one)
     * @param everyMonth whether the table has a row per month or only the last month's
     */
    static SweepFingerprint of(String tool, ScenarioDocument base, Map<String, String> overrides, Design design, boolean everyMonth) {
        Scenario s = base.scenario();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("tool", tool);
        root.put("seed", s.seed());
        root.put("months", s.months());
        root.put("replications", s.replications());
        root.put("rows", everyMonth ? "every month" : "last month only");
        ArrayNode strategies = root.putArray("strategies");
        s.strategies().forEach(st -> strategies.add(st.name()));
        ObjectNode d = root.putObject("design");
        d.put("kind", design.kind().name().toLowerCase(Locale.ROOT));
        ArrayNode factors = d.putArray("factors");
        design.factors().forEach(f -> factors.add(spec(f, design.kind())));
        d.put("points", design.size());
        design.seed().ifPresent(seed -> d.put("seed", seed));
        ObjectNode o = root.putObject("overrides");
        overrides.forEach(o::put);
        ObjectNode scenario = root.putObject("scenario");
        scenario.put("file", base.source());
        if (s.initialPopulation() != null) {
            scenario.put("initialPopulationSha256", sha256(s.initialPopulation().file()));
        }
        scenario.set("resolved", yamlTree(ScenarioWriter.toYaml(s)));
        return new SweepFingerprint(normalised(root));
    }

    /** Where the fingerprint of {@code csv} lives: beside it, {@code sweep.csv} → {@code sweep.fingerprint.json}. */
    public static Path sidecarOf(Path csv) {
        String name = csv.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(stem + ".fingerprint.json");
    }

    /**
     * The fingerprint in {@code file}; empty when there is none.
     *
     * @throws SweepResumeException when the file is not a fingerprint (not JSON, or not one of ours), located
     */
    static Optional<SweepFingerprint> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new SweepResumeException(where + ": not a sweep fingerprint (" + e.getOriginalMessage()
                    + "); it is written beside the table by the sweep that made it: restore it, or start the sweep anew"
                    + " into another folder");
        }
        if (node == null || !node.isObject() || !node.path("format").isInt() || !node.path("scenario").isObject()) {
            throw new SweepResumeException(file + ": not a sweep fingerprint (a JSON object with 'format' and 'scenario');"
                    + " it is written beside the table by the sweep that made it: restore it, or start the sweep anew into"
                    + " another folder");
        }
        return Optional.of(new SweepFingerprint((ObjectNode) node));
    }

    /** Writes the fingerprint to {@code file} so that it appears whole or not at all (a temporary file, then a move). */
    void write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = createTemp(target);
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                out.write(text().getBytes(StandardCharsets.UTF_8));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The file's text: indented JSON, {@code \n} line ends. */
    String text() {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(pretty).writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a fingerprint is plain JSON", e);
        }
    }

    /**
     * What differs between the sweep that wrote a table ({@code table}) and this one, one line each, e.g.
     * {@code seed: table 42, now 43}, {@code override market.imitation: table 0.3, now 0.4},
     * {@code scenario: resolved content differs at archetypes[1].share: table 0.3, now 0.25}. Empty when the two
     * sweeps write the same rows.
     */
    public List<String> differences(SweepFingerprint table) {
        List<String> out = new ArrayList<>();
        JsonNode t = table.json;
        JsonNode n = json;
        if (!t.path("format").equals(n.path("format"))) {
            out.add("fingerprint format: table " + show(t.path("format")) + ", now " + show(n.path("format")));
            return out;
        }
        field(out, "tool version", t.path("tool"), n.path("tool"));
        JsonNode td = t.path("design");
        JsonNode nd = n.path("design");
        field(out, "design", td.path("kind"), nd.path("kind"));
        JsonNode tf = td.path("factors");
        JsonNode nf = nd.path("factors");
        if (tf.size() != nf.size() || !paths(tf).equals(paths(nf))) {
            field(out, "design factors", tf, nf);
        } else {
            for (int i = 0; i < tf.size(); i++) {
                String spec = tf.get(i).asText();
                field(out, "design factor " + spec.substring(0, Math.max(0, spec.indexOf('='))),
                        text(spec.substring(spec.indexOf('=') + 1)), text(nf.get(i).asText().substring(spec.indexOf('=') + 1)));
            }
        }
        field(out, "design points", td.path("points"), nd.path("points"));
        field(out, "design seed", td.path("seed"), nd.path("seed"));
        field(out, "seed", t.path("seed"), n.path("seed"));
        field(out, "months", t.path("months"), n.path("months"));
        field(out, "replications", t.path("replications"), n.path("replications"));
        field(out, "rows", t.path("rows"), n.path("rows"));
        field(out, "strategies", t.path("strategies"), n.path("strategies"));
        JsonNode to = t.path("overrides");
        JsonNode no = n.path("overrides");
        for (String key : union(to, no)) {
            field(out, "override " + key, to.path(key), no.path(key));
        }
        JsonNode ts = t.path("scenario");
        JsonNode ns = n.path("scenario");
        field(out, "initial population file (SHA-256)", ts.path("initialPopulationSha256"), ns.path("initialPopulationSha256"));
        List<String> content = new ArrayList<>();
        diff("", ts.path("resolved"), ns.path("resolved"), content);
        out.addAll(content.subList(0, Math.min(SHOWN, content.size())));
        if (content.size() > SHOWN) {
            out.add("scenario: " + (content.size() - SHOWN) + " more values differ");
        }
        return out;
    }

    private static void field(List<String> out, String what, JsonNode table, JsonNode now) {
        if (!table.equals(now)) {
            out.add(what + ": table " + show(table) + ", now " + show(now));
        }
    }

    /** The scenario trees' differences, by path ({@code market.imitation}, {@code archetypes[1].share}). */
    private static void diff(String path, JsonNode table, JsonNode now, List<String> out) {
        if (table.equals(now) || NOT_CONTENT.contains(path) || POPULATION_FILE.equals(path)) {
            return;
        }
        if (table.isObject() && now.isObject()) {
            for (String key : union(table, now)) {
                diff(path.isEmpty() ? key : path + "." + key, table.path(key), now.path(key), out);
            }
        } else if (table.isArray() && now.isArray()) {
            for (int i = 0; i < Math.max(table.size(), now.size()); i++) {
                diff(path + "[" + i + "]", table.path(i), now.path(i), out);
            }
        } else {
            out.add("scenario: resolved content differs at " + path + ": table " + show(table) + ", now " + show(now));
        }
    }

    private static Set<String> union(JsonNode a, JsonNode b) {
        Set<String> keys = new LinkedHashSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        b.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> paths(JsonNode specs) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = specs.elements(); it.hasNext(); ) {
            String s = it.next().asText();
            out.add(s.substring(0, Math.max(0, s.indexOf('='))));
        }
        return out;
    }

    private static JsonNode text(String s) {
        return JSON.getNodeFactory().textNode(s);
    }

    /** A value as a refusal shows it: scalars as written, a list of names joined, anything larger summarised. */
    private static String show(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return "(none)";
        }
        if (v.isValueNode()) {
            return shorten(v.asText());
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isValueNode()) {
                    return "(" + v.size() + " items)";
                }
                items.add(item.asText());
            }
            return shorten("[" + String.join(", ", items) + "]");
        }
        return "(a mapping of " + v.size() + " keys)";
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** A factor as text that changes exactly when its points do ({@code path=lo..hi:levels}, {@code path=a,b,c}). */
    private static String spec(Factor f, Design.Kind kind) {
        if (!f.isRange()) {
            return f.path() + "=" + String.join(",", f.values());
        }
        // A Latin hypercube draws from the range: the grid levels do not change its points.
        return f.path() + "=" + bound(f, f.low()) + ".." + bound(f, f.high()) + (kind == Design.Kind.LHS ? "" : ":" + f.levels());
    }

    /** An integer range's bound as a whole number, a continuous one always with a point (2..12 and 2.0..12.0 differ). */
    private static String bound(Factor f, double x) {
        if (f.integer()) {
            return Long.toString((long) x);
        }
        String s = Factor.fmt(x);
        return s.contains(".") ? s : s + ".0";
    }

    /**
     * The tree as it reads back from its own text: numbers get the node types the JSON reader gives them (a long seed
     * 42 reads back as an int), so a fingerprint made now compares equal to one read from a file.
     */
    private static ObjectNode normalised(ObjectNode tree) {
        try {
            return (ObjectNode) JSON.readTree(JSON.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a fingerprint is plain JSON", e);
        }
    }

    private static JsonNode yamlTree(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the resolved scenario is YAML the writer made", e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A new empty file {@code .<name>.<pid>.<n>.tmp} beside {@code target}, with ordinary permissions. */
    private static Path createTemp(Path target) throws IOException {
        String prefix = "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".";
        for (int n = 0; ; n++) {
            try {
                return Files.createFile(target.resolveSibling(prefix + n + ".tmp"));
            } catch (FileAlreadyExistsException e) {
                if (n == 9999) {
                    throw e;
                }
            }
        }
    }
}
