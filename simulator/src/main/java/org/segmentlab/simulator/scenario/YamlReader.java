package org.segmentlab.simulator.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.segmentlab.simulator.scenario.YamlNode.Entry;
import org.segmentlab.simulator.scenario.YamlNode.Location;
import org.segmentlab.simulator.scenario.YamlNode.Mapping;
import org.segmentlab.simulator.scenario.YamlNode.Scalar;
import org.segmentlab.simulator.scenario.YamlNode.ScalarKind;
import org.segmentlab.simulator.scenario.YamlNode.Sequence;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML text into a located {@link YamlNode} tree with Jackson's streaming YAML parser, and refuses what a
 * scenario must not contain: aliases (Jackson would silently read {@code *a} as the string "a"), custom tags,
 * duplicate keys, more than one document, nesting deeper than {@link #MAX_NESTING_DEPTH} and texts longer than
 * {@link #MAX_CODE_POINTS} (both limits are the parser's own, so a hostile file is stopped while it is read).
 */
final class YamlReader {

    /** A scenario nests at most 7 levels (taxonomy.segments[i].when[j].feature.comparison); room for more, not for abuse. */
    static final int MAX_NESTING_DEPTH = 32;

    /**
     * Far above any scenario (the shipped ones are a few kilobytes; ten thousand empirical values are a hundred),
     * and small enough that the parser refuses a hostile file within seconds.
     */
    static final int MAX_CODE_POINTS = 2 * 1024 * 1024;

    /**
     * The longest run of characters without a blank or line break. SnakeYAML's reader copies its window for every
     * 1024 characters of a token it is still scanning, so the time to read one long token grows with its square
     * (a 3-million-character word takes over ten seconds); no scenario value comes near this length.
     */
    static final int MAX_RUN = 64 * 1024;

    private static final Set<String> CORE_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq");
    private static final String CORE_TAG_PREFIX = "tag:yaml.org,2002:";

    private static final YAMLFactory FACTORY = factory();

    /** The tree (null when the text holds no document) and the problems that did not stop reading. */
    record Result(YamlNode root, List<LocatedProblem> problems) {
    }

    private final String source;
    private final YAMLParser parser;
    private final Problems problems = new Problems();

    private YamlReader(String source, YAMLParser parser) {
        this.source = source;
        this.parser = parser;
    }

    private static YAMLFactory factory() {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(MAX_CODE_POINTS);
        return YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                // YAML 1.2 booleans: only true/false, so "no" and "on" stay strings (the "Norway problem").
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                // "key:" with nothing after it is null, not an empty string.
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .build();
    }

    /**
     * Reads one YAML document.
     *
     * @throws ScenarioException when the text cannot be read at all (a syntax error, too deep, too long), with
     *                           every problem found before that point
     */
    static Result read(String text, String source) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        refuseLongRuns(body, source);
        try (YAMLParser parser = FACTORY.createParser(body)) {
            return new YamlReader(source, parser).readDocument();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
    }

    private static void refuseLongRuns(String text, String source) {
        int line = 1;
        int column = 0;
        int run = 0;
        int limit = Math.min(text.length(), MAX_CODE_POINTS + 1);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
                run = 0;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                run = 0;
            } else if (++run > MAX_RUN) {
                throw new ScenarioException(List.of(new LocatedProblem(source, line, column - MAX_RUN, "",
                        "more than " + MAX_RUN + " characters without a space or line break; no scenario value is that "
                                + "long (refused because the YAML parser slows down on such runs)")));
            }
        }
    }

    /** The document, or a ScenarioException with the problems so far and the one that stopped the parser. */
    private Result readDocument() {
        try {
            return document();
        } catch (StreamConstraintsException e) {
            problems.add(locate(parser.currentLocation()), "", "the YAML nests deeper than " + MAX_NESTING_DEPTH
                    + " levels; a scenario needs at most 7 (refused so that a hostile file cannot exhaust the stack)");
        } catch (JsonProcessingException e) {
            problems.add(syntaxLocation(e, source), "", syntaxMessage(e));
        } catch (YAMLException e) {
            problems.add(locate(parser.currentLocation()), "", "the YAML could not be read: " + oneLine(e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        throw problems.toException();
    }

    private Result document() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return new Result(null, problems.sorted());
        }
        YamlNode root = value(first, "");
        JsonToken next = parser.nextToken();
        if (next != null) {
            problems.add(here(), "", "a scenario holds one YAML document, but a second one starts here; remove the '---' line or split the file");
        }
        return new Result(root, problems.sorted());
    }

    private YamlNode value(JsonToken token, String path) throws IOException {
        Location at = here();
        String unsupportedTag = unsupportedTag(parser.getTypeId());
        YamlNode node;
        switch (token) {
            case START_OBJECT:
                node = mapping(at, path);
                break;
            case START_ARRAY:
                node = sequence(at, path);
                break;
            case VALUE_STRING:
                if (parser.isCurrentAlias()) {
                    problems.add(at, path, "YAML aliases are not supported (*" + parser.getText()
                            + "); write the value out in full");
                    return new Scalar(at, ScalarKind.INVALID, "*" + parser.getText(), null, false);
                }
                node = Scalar.string(at, parser.getText());
                break;
            case VALUE_NUMBER_INT:
                node = new Scalar(at, ScalarKind.INTEGER, parser.getText(), parser.getBigIntegerValue(), false);
                break;
            case VALUE_NUMBER_FLOAT:
                node = new Scalar(at, ScalarKind.FLOAT, parser.getText(), floatValue(), false);
                break;
            case VALUE_TRUE:
            case VALUE_FALSE:
                node = new Scalar(at, ScalarKind.BOOLEAN, parser.getText(), null, token == JsonToken.VALUE_TRUE);
                break;
            case VALUE_NULL:
                node = new Scalar(at, ScalarKind.NULL, parser.getText(), null, false);
                break;
            default:
                problems.add(at, path, "unsupported YAML value (" + token + ")");
                return new Scalar(at, ScalarKind.INVALID, String.valueOf(parser.getText()), null, false);
        }
        if (unsupportedTag != null) {
            problems.add(at, path, "YAML tags are not supported, got '" + unsupportedTag + "'; write a plain value");
            return new Scalar(at, ScalarKind.INVALID, unsupportedTag, null, false);
        }
        return node;
    }

    private Mapping mapping(Location at, String path) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (token != JsonToken.FIELD_NAME) {
                throw new IllegalStateException("YAML parser gave " + token + " where a key was expected");
            }
            String key = parser.currentName();
            Location keyAt = here();
            String childPath = Paths.key(path, key);
            YamlNode value = value(parser.nextToken(), childPath);
            Location first = seen.putIfAbsent(key, keyAt);
            if (first != null) {
                problems.add(keyAt, childPath, "duplicate key '" + key + "' (first at line " + first.line()
                        + "); a key may appear only once");
            } else {
                entries.add(new Entry(key, keyAt, value));
            }
        }
        return new Mapping(at, entries);
    }

    private Sequence sequence(Location at, String path) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(value(token, Paths.index(path, items.size())));
        }
        return new Sequence(at, items);
    }

    /** Jackson reads .inf and .nan as floats it cannot convert; the loader reports them as non-finite values. */
    private Double floatValue() throws IOException {
        String text = parser.getText().toLowerCase(Locale.ROOT);
        String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (unsigned.equals(".inf")) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals(".nan")) {
            return Double.NaN;
        }
        return parser.getDoubleValue();
    }

    private static String unsupportedTag(Object typeId) {
        if (typeId == null) {
            return null;
        }
        String tag = typeId.toString();
        if (tag.startsWith(CORE_TAG_PREFIX)) {
            String name = tag.substring(CORE_TAG_PREFIX.length());
            return CORE_TAGS.contains(name) ? null : "!!" + name;
        }
        return tag.startsWith("!") ? tag : "!" + tag;
    }

    private Location here() {
        return locate(parser.currentTokenLocation());
    }

    private Location locate(JsonLocation l) {
        if (l == null || l.getLineNr() < 1) {
            return new Location(source, 1, 1);
        }
        return new Location(source, l.getLineNr(), Math.max(1, l.getColumnNr()));
    }

    private static Location syntaxLocation(JsonProcessingException e, String source) {
        if (e.getCause() instanceof MarkedYAMLException) {
            MarkedYAMLException m = (MarkedYAMLException) e.getCause();
            if (m.getProblemMark() != null) {
                return new Location(source, m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
            }
        }
        JsonLocation l = e.getLocation();
        if (l == null || l.getLineNr() < 1) {
            return new Location(source, 1, 1);
        }
        return new Location(source, l.getLineNr(), Math.max(1, l.getColumnNr()));
    }

    private static String syntaxMessage(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException) {
            MarkedYAMLException m = (MarkedYAMLException) e.getCause();
            StringBuilder sb = new StringBuilder("YAML syntax error: ").append(oneLine(m.getProblem()));
            if (m.getContext() != null) {
                sb.append(" (").append(oneLine(m.getContext()));
                if (m.getContextMark() != null) {
                    sb.append(" at ").append(m.getContextMark().getLine() + 1).append(':').append(m.getContextMark().getColumn() + 1);
                }
                sb.append(')');
            }
            return sb.toString();
        }
        String message = oneLine(e.getOriginalMessage());
        if (message.contains("AliasEvent")) {
            return "YAML aliases are not supported (an alias used as a key); write the key out in full";
        }
        if (message.contains("exceeds the limit")) {
            return "the text is longer than " + MAX_CODE_POINTS + " characters; a scenario must be shorter";
        }
        return "YAML syntax error: " + message;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
