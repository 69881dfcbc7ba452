package org.segmentlab.simulator.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.segmentlab.simulator.scenario.YamlNode.Entry;
import org.segmentlab.simulator.scenario.YamlNode.Mapping;
import org.segmentlab.simulator.scenario.YamlNode.Sequence;

/**
 * Reads the {@code promotions} block into {@link Promotions}: a mapping is the periodic form
 * ({@code {every: 3, length: 1, discount: 0.15, start: 2}}), a list is the list of sales
 * ({@code [{month: 11, discount: 0.3}, {month: 23, discount: 0.3, length: 2}]}). Every problem is reported, located at
 * its value, as the other sections do. Overlapping or repeated sales are allowed (the larger discount holds), so they
 * are not a problem.
 */
final class PromotionsReader {

    /** A bound on the list form: more sales than months in the widest allowed span is a generated file gone wrong. */
    static final int MAX_SALES = 2 * ScenarioBinder.MAX_MONTHS + 1;
    /** Sale months and the periodic start: the burn-in is at most 1200 months before month 0, a run at most 1200 after. */
    static final long MIN_MONTH = -ScenarioBinder.MAX_MONTHS;
    static final long MAX_MONTH = ScenarioBinder.MAX_MONTHS;
    /** As a treatment's discount: at most 0.95 off. */
    static final double MAX_DISCOUNT = 0.95;

    private static final Range ANY = Range.between(-Double.MAX_VALUE, Double.MAX_VALUE);
    private static final String PATH = "promotions";
    private static final String FORMS = "a periodic sale, e.g. {every: 3, discount: 0.15}, or a list of sales, e.g. "
            + "[{month: 11, discount: 0.3}]";

    private final Problems problems;

    private PromotionsReader(Problems problems) {
        this.problems = problems;
    }

    /** The promotions, or null after reporting at least one problem. */
    static Promotions read(YamlNode node, Problems problems) {
        return new PromotionsReader(problems).promotions(node);
    }

    private Promotions promotions(YamlNode node) {
        if (node instanceof Mapping) {
            return periodic((Mapping) node);
        }
        if (node instanceof Sequence) {
            return sales((Sequence) node);
        }
        Fields.wrongType(node, PATH, "must be " + FORMS, problems);
        return null;
    }

    private Promotions periodic(Mapping m) {
        int before = problems.size();
        // "month" is a sale's key: a single sale written without its list gets its own message, not "unknown key".
        Optional<Entry> month = m.entry("month");
        String discountText = m.get("discount").map(d -> text(d, "0.3")).orElse("0.3");
        month.ifPresent(e -> problems.add(e.keyLocation(), Paths.key(PATH, "month"), "'month' belongs to a sale of "
                + "the list form; write one sale as a list, e.g. promotions: [{month: " + text(e.value(), "11")
                + ", discount: " + discountText + "}], or a periodic sale with every (allowed here: "
                + String.join(", ", ScenarioKeys.PROMOTIONS) + ")"));
        Mapping rest = new Mapping(m.location(), m.entries().stream().filter(e -> !e.key().equals("month")).toList());
        Fields p = Fields.of(rest, PATH, ScenarioKeys.PROMOTIONS, FORMS, problems);
        boolean sale = month.isPresent() && !p.has("every");
        Long every = sale ? null : p.requiredInteger("every", 1, ScenarioBinder.MAX_MONTHS, "months between the starts of two sales, e.g. 3");
        Double discount = discount(p);
        Long length = p.integer("length", 1, 1, ScenarioBinder.MAX_MONTHS);
        if (every != null && length != null && length > every) {
            problems.add(p.node("length").orElseThrow(), p.path("length"), "must be <= every (" + every + "), got "
                    + length + "; a sale cannot last longer than the months from one sale's start to the next"
                    + " (length equal to every is a sale every month)");
        }
        Long start = p.integer("start", 1, MIN_MONTH, MAX_MONTH);
        if (problems.size() > before) {
            return null;
        }
        return new Promotions(new Promotions.Periodic(every.intValue(), length.intValue(), discount, start.intValue()), List.of());
    }

    private Promotions sales(Sequence list) {
        if (list.items().size() > MAX_SALES) {
            problems.add(list, PATH, "must have at most " + MAX_SALES + " sales, got " + list.items().size());
            return null;
        }
        int before = problems.size();
        List<Promotions.Sale> sales = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = Paths.index(PATH, i);
            Fields s = Fields.of(list.items().get(i), path, ScenarioKeys.SALE, "a mapping (a sale), e.g. {month: 11, discount: 0.3}", problems);
            if (s == null) {
                continue;
            }
            Long month = s.requiredInteger("month", MIN_MONTH, MAX_MONTH,
                    "the sale's first month; 1 is the first simulated month, 0 and below are burn-in months");
            Double discount = discount(s);
            Long length = s.integer("length", 1, 1, ScenarioBinder.MAX_MONTHS);
            if (month != null && discount != null && length != null) {
                sales.add(new Promotions.Sale(month.intValue(), discount, length.intValue()));
            }
        }
        return problems.size() > before ? null : new Promotions(null, sales);
    }

    /** A scalar as written, for an example in a message; {@code otherwise} for anything else. */
    private static String text(YamlNode node, String otherwise) {
        return node instanceof YamlNode.Scalar && !Fields.isInvalid(node) ? ((YamlNode.Scalar) node).text() : otherwise;
    }

    /** The required discount in (0, 0.95]; 0 gets its own reason, since a sale without a discount is a mistake. */
    private Double discount(Fields f) {
        YamlNode node = f.required("discount", "the fraction off every purchase in a sale, e.g. 0.15").orElse(null);
        if (node == null) {
            return null;
        }
        Double discount = Fields.number(node, f.path("discount"), ANY, problems);
        if (discount != null && !(discount > 0 && discount <= MAX_DISCOUNT)) {
            problems.add(node, f.path("discount"), "must be > 0 and at most " + Numbers.format(MAX_DISCOUNT) + ", got "
                    + ((YamlNode.Scalar) node).text() + (discount == 0
                    ? "; a sale with no discount changes nothing (for no sales, leave promotions out)" : ""));
            return null;
        }
        return discount;
    }
}
