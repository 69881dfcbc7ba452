package org.segmentlab.simulator.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

import org.segmentlab.model.treatment.TreatmentParameter;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the scenario JSON Schema's declared parts from their declarations: {@code $defs.archetype} from
 * {@link Trait}, {@code $defs.treatment} from {@link TreatmentParameter}, {@code $defs.event} from {@link EventType}
 * and {@link EventParameter}, {@code $defs.market} from {@link MarketParameter}, {@code $defs.behaviour} from
 * {@link BehaviourParameter}, {@code $defs.observation} from {@link ObservationParameter}, {@code $defs.economics}
 * from {@link EconomicsParameter} and {@code $defs.mechanisms} from {@link Mechanism}. The rest of the schema is
 * hand-written in the shipped file itself, which serves as the template: the generator replaces only its own
 * definitions (each says so in a {@code $comment}) and keeps every other byte. A test checks the shipped file is
 * what the generator writes; {@code docs/regenerate-declarations.sh} rewrites it.
 */
public final class ScenarioSchemaGenerator {

    /** The shipped schema, from the repository's root. */
    public static final Path SHIPPED = Path.of("scenarios", "schema", "scenario.schema.json");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    // Decimals as written (0.10 stays 0.10): trailing zeros are not stripped.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String GENERATED = "Generated from %s; do not edit here: change the declaration "
            + "and run docs/regenerate-declarations.sh.";

    private ScenarioSchemaGenerator() {
    }

    /** Rewrites the schema at {@code args[0]} (default {@link #SHIPPED}, from the repository's root) in place. */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : SHIPPED;
        Files.writeString(file, generate(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** {@code template} (a schema) with its declared definitions written from the declarations. */
    public static String generate(String template) {
        ObjectNode root;
        try {
            root = (ObjectNode) MAPPER.readTree(template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode defs = (ObjectNode) root.path("$defs");
        defs.set("archetype", archetype());
        defs.set("treatment", treatment());
        defs.set("event", event());
        defs.set("market", market());
        defs.set("behaviour", behaviour());
        defs.set("mechanisms", mechanisms());
        defs.set("observation", observation());
        defs.set("economics", economics());
        StringBuilder out = new StringBuilder();
        write(root, 0, out);
        return out.append('\n').toString();
    }

    /** The {@code mechanisms} mapping: a switch per {@link Mechanism}, described by what switching it off neutralises. */
    private static ObjectNode mechanisms() {
        ObjectNode m = definition("Mechanism (simulator)", "Behavioural mechanisms to switch off (all are on by default): "
                + "off sets the parameters that carry the mechanism to their neutral values when the run starts. "
                + "segmentlab explain switches each off in turn.");
        ObjectNode properties = m.putObject("properties");
        for (Mechanism mechanism : Mechanism.values()) {
            ObjectNode p = properties.putObject(mechanism.key());
            p.put("$ref", "#/$defs/switch");
            p.put("description", "Off: " + mechanism.description() + ".");
        }
        return m;
    }

    /** An item of {@code archetypes}: its name, its share, and a property per {@link Trait}. */
    private static ObjectNode archetype() {
        ArrayNode required = F.arrayNode().add("name").add("share");
        Arrays.stream(Trait.values()).filter(Trait::required).forEach(t -> required.add(t.key()));
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < required.size(); i++) {
            keys.append(i == 0 ? "" : i == required.size() - 1 ? " and " : ", ").append(required.get(i).textValue());
        }
        ObjectNode a = definition("Trait (simulator)", "A latent kind of customer. " + keys + " are required.");
        a.set("required", required);
        ObjectNode properties = a.putObject("properties");
        properties.putObject("name").put("$ref", "#/$defs/name");
        ObjectNode share = properties.putObject("share");
        share.put("type", "number");
        share.put("description", "Share of the customers; the shares of all archetypes sum to 1.");
        share.set("minimum", number(0));
        share.set("maximum", number(1));
        for (Trait t : Trait.values()) {
            ObjectNode prop = properties.putObject(t.key());
            String text = t.symbol().isEmpty() ? t.description()
                    : t.symbol() + ": " + Character.toLowerCase(t.description().charAt(0)) + t.description().substring(1);
            StringBuilder help = new StringBuilder(text).append(" Unit: ").append(t.unit()).append(". Example: ").append(t.example()).append('.');
            if (!t.needs().isEmpty()) {
                help.append(" Has an effect only with ").append(String.join(", ", t.needs())).append(" (or the like).");
            }
            if (t.isDistribution()) {
                prop.put("$ref", t.kind() == Trait.Kind.PROBABILITY ? "#/$defs/probability" : "#/$defs/nonNegative");
                prop.put("description", help.toString());
            } else {
                prop.put("type", "number");
                prop.put("description", help.toString());
                prop.set("minimum", number(t.kind().range().min()));
                if (Double.isFinite(t.kind().range().max())) {
                    prop.set("maximum", number(t.kind().range().max()));
                }
            }
            if (!t.required()) {
                prop.set("default", number(t.defaultValue()));
            }
        }
        return a;
    }

    private static ObjectNode treatment() {
        ObjectNode t = definition("TreatmentParameter (model)",
                "A treatment's parameters; those not given keep the base's (or the built-in's) values.");
        ObjectNode properties = t.putObject("properties");
        ObjectNode base = properties.putObject("base");
        base.put("type", "string");
        base.put("description", "The treatment this one starts from: a built-in or one defined above. Without it a new "
                + "name starts from no effect; a built-in's name overrides the built-in.");
        for (TreatmentParameter p : TreatmentParameter.values()) {
            ObjectNode prop = properties.putObject(p.key());
            switch (p.kind()) {
                case FLAG -> prop.put("type", "boolean");
                case WHOLE -> prop.put("type", "integer");
                case NUMBER -> prop.put("type", "number");
                default -> throw new AssertionError(p.kind());
            }
            if (!p.isFlag()) {
                prop.set("minimum", number(p.min()));
                prop.set("maximum", number(p.max()));
            }
            prop.put("description", p.description() + " Unit: " + p.unit() + ". Neutral (the treatment none): "
                    + (p.isFlag() ? Boolean.toString(p.neutral() != 0) : Numbers.format(p.neutral())) + ".");
        }
        return t;
    }

    private static ObjectNode event() {
        ObjectNode e = definition("EventType and EventParameter (simulator)", "A time-limited shock to the customers it touches.");
        ArrayNode required = e.putArray("required");
        required.add("type");
        required.add("month");
        ObjectNode properties = e.putObject("properties");
        ObjectNode type = properties.putObject("type");
        ArrayNode keys = type.putArray("enum");
        StringBuilder help = new StringBuilder("The kind of event.");
        for (EventType t : EventType.values()) {
            keys.add(t.key());
            help.append(' ').append(t.key()).append(": ").append(t.description()).append(" Touches ").append(t.eligible()).append('.');
        }
        type.put("description", help.toString());
        ObjectNode month = properties.putObject("month");
        month.put("type", "integer");
        month.put("description", "First month in effect, 1 to months.");
        month.set("minimum", number(1));
        month.set("maximum", number(ScenarioBinder.MAX_MONTHS));
        for (EventParameter p : EventParameter.values()) {
            value(properties, p, p.description());
        }
        return e;
    }

    // ---- market: MarketParameter

    private static ObjectNode market() {
        ObjectNode m = F.objectNode();
        m.put("$comment", String.format(GENERATED, "MarketParameter (simulator)"));
        m.setAll(marketGroup(MarketParameter.Group.MARKET));
        ObjectNode properties = (ObjectNode) m.get("properties");
        for (MarketParameter.Group group : MarketParameter.Group.subGroups()) {
            ObjectNode sub = marketGroup(group);
            ObjectNode defaults = sub.putObject("default");
            for (MarketParameter p : group.parameters()) {
                defaults.set(p.key(), number(p.defaultValue()));
            }
            properties.set(group.key(), sub);
        }
        return m;
    }

    private static ObjectNode marketGroup(MarketParameter.Group group) {
        ObjectNode g = F.objectNode();
        g.put("type", "object");
        g.put("description", group.description());
        g.put("additionalProperties", false);
        ArrayNode required = F.arrayNode();
        ObjectNode properties = F.objectNode();
        for (MarketParameter p : group.parameters()) {
            value(properties, p, p.description() + " Unit: " + p.unit() + ".");
            if (p.required()) {
                required.add(p.key());
            }
        }
        if (!required.isEmpty()) {
            g.set("required", required);
        }
        g.set("properties", properties);
        return g;
    }

    // ---- behaviour: BehaviourParameter

    private static ObjectNode behaviour() {
        return declaredValues("BehaviourParameter (simulator)", "How satisfaction, word of mouth and churn interact. Every "
                + "key is optional; the defaults are on (set the sensitivities to 0 for the textbook curves).",
                BehaviourParameter.values());
    }

    /** The {@code observation} mapping: a property per {@link ObservationParameter}. */
    private static ObjectNode observation() {
        return declaredValues("ObservationParameter (simulator)", "What the business observes of satisfaction and "
                + "complaints. Without this block (or with the defaults) observation is perfect: every satisfaction read "
                + "exactly every month, every bad experience a recorded complaint.", ObservationParameter.values());
    }

    /** The {@code economics} mapping: the currency, then a property per {@link EconomicsParameter}. */
    private static ObjectNode economics() {
        ObjectNode d = definition("EconomicsParameter (simulator)", "Money. Every key is optional.");
        ObjectNode properties = d.putObject("properties");
        ObjectNode currency = properties.putObject("currency");
        currency.put("type", "string");
        currency.put("pattern", "^[A-Z]{3}$");
        currency.put("default", Economics.DEFAULT_CURRENCY);
        currency.put("description", "Three-letter currency code, for labels.");
        declaredValues(properties, EconomicsParameter.values());
        return d;
    }

    /** A mapping of declared values, each optional with its default. */
    private static ObjectNode declaredValues(String source, String description, DeclaredValue[] values) {
        ObjectNode d = definition(source, description);
        declaredValues(d.putObject("properties"), values);
        return d;
    }

    private static void declaredValues(ObjectNode properties, DeclaredValue[] values) {
        for (DeclaredValue p : values) {
            value(properties, p, p.description() + " Unit: " + p.unit() + ".");
        }
    }

    /** A closed object definition generated from {@code source}: its comment, type, description, no other keys. */
    private static ObjectNode definition(String source, String description) {
        ObjectNode d = F.objectNode();
        d.put("$comment", String.format(GENERATED, source));
        d.put("type", "object");
        d.put("description", description);
        d.put("additionalProperties", false);
        return d;
    }

    /** A declared value's property: integer or number, the description, its range and its default (none when required). */
    private static void value(ObjectNode properties, DeclaredValue p, String description) {
        ObjectNode prop = properties.putObject(p.key());
        prop.put("type", p.whole() ? "integer" : "number");
        prop.put("description", description);
        prop.set("minimum", number(p.min()));
        prop.set("maximum", number(p.max()));
        if (!p.required()) {
            prop.set("default", number(p.defaultValue()));
        }
    }

    private static JsonNode number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? F.numberNode((long) v) : F.numberNode(BigDecimal.valueOf(v));
    }

    // ---- the shipped file's layout: two-space indent, one value a line, "key": value

    private static void write(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                newline(depth + 1, out);
                string(e.getKey(), out);
                out.append(": ");
                write(e.getValue(), depth + 1, out);
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            newline(depth, out);
            out.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                newline(depth + 1, out);
                write(node.get(i), depth + 1, out);
                if (i < node.size() - 1) {
                    out.append(',');
                }
            }
            newline(depth, out);
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isBigDecimal()) {
            out.append(node.decimalValue().toString());
        } else {
            out.append(node.toString());
        }
    }

    private static void newline(int depth, StringBuilder out) {
        out.append('\n').append("  ".repeat(depth));
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
