package org.segmentlab.simulator.lessons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.segmentlab.simulator.analysis.AttributionRow;
import org.segmentlab.simulator.analysis.BridgeComponent;
import org.segmentlab.simulator.analysis.BridgeRow;
import org.segmentlab.simulator.analysis.ProfitBridge;
import org.segmentlab.simulator.analysis.TreatmentAttribution;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.Mechanism;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * The numbers docs/workshop.md quotes, generated from real runs of the shipped scenarios at their shipped size and
 * seed. A scenario's block is a list of named tables ({@link NumbersTable}), each a small function from the scenario's
 * runs to markdown lines; {@link GuideNumbers} puts them between the block's marks and checks them.
 * <p>
 * To add a table to a lesson (a profit bridge, a treatment attribution, the mechanism shares of {@code explain}):
 * write a function {@code ShippedRuns → List<String>} (for rows per strategy, {@link #perStrategy} with
 * {@link Column}s) and add {@code new NumbersTable("title", fn)} to the scenario's list in {@link #BLOCKS}; then run
 * docs/regenerate-workshop.sh. A number needed inside a sentence goes in {@link #INLINE} under
 * {@code scenario.name} and is written {@code <!--n:scenario.name-->…<!--/n-->} in the guide.
 */
final class WorkshopNumbers {

    private WorkshopNumbers() {
    }

    private static final String PROFIT = "profit_cumulative";

    /** A table of a block: its title (shown in italics above it) and its markdown lines. */
    record NumbersTable(String title, Function<ShippedRuns, List<String>> lines) {
    }

    /** A column of a per-strategy table: header, and the cell for one strategy of one run. */
    record Column(String header, Function<Cell, String> value) {
    }

    /** One strategy of one run, with the run's baseline (its first strategy) for differences. */
    record Cell(WorkshopRun run, String strategy, String baseline) {
        double last(String metric) {
            return run.last(strategy, metric);
        }

        double sum(String metric) {
            return run.sum(strategy, metric);
        }
    }

    /**
     * The runs of one shipped scenario at its shipped size and seed, each computed once: the scenario as shipped and
     * any variant of it by {@code --set}-style overrides (key, value, key, value, …).
     */
    static final class ShippedRuns {
        final String scenario;
        private final ScenarioDocument doc;
        private final Map<List<String>, WorkshopRun> runs = new ConcurrentHashMap<>();

        ShippedRuns(String scenario) {
            this.scenario = scenario;
            this.doc = Scenarios.load(WorkshopRun.SHIPPED.resolve(scenario + ".yaml"));
        }

        WorkshopRun shipped() {
            return with();
        }

        WorkshopRun with(String... overrides) {
            return runs.computeIfAbsent(List.of(overrides), k -> {
                ScenarioDocument d = doc;
                for (int i = 0; i < overrides.length; i += 2) {
                    d = d.with(overrides[i], overrides[i + 1]);
                }
                // The shipped run also attributes each strategy's lead to its treatments (the attribution table).
                return WorkshopRun.run(d, overrides.length == 0);
            });
        }

        int count() {
            return runs.size();
        }
    }

    // ---- columns used by several lessons ----

    static final Column PROFIT_COLUMN = new Column("cumulative profit", c -> money(c.last(PROFIT)));
    static final Column DIFFERENCE = new Column("difference to the baseline",
            c -> signedMoney(c.last(PROFIT) - c.run.last(c.baseline, PROFIT)));
    static final Column RETENTION_12 = new Column("12-month retention",
            c -> percent(c.run.at(c.strategy, "retention_initial", 12)));
    static final Column ACTIVE_END = new Column("active at the end", c -> count(c.last("active")));
    static final Column RECOMMENDED = new Column("acquired by recommendation",
            c -> count(c.sum("acquired_wom") + c.sum("acquired_referral")));
    static final Column TOP20 = new Column("top-20% share at the end", c -> percent(c.last("top20_share")));

    /** The table every lesson starts with: profit, the difference to the baseline, retention, customers, Pareto. */
    static List<String> strategies(ShippedRuns runs) {
        return perStrategy(runs.shipped(), PROFIT_COLUMN, DIFFERENCE, RETENTION_12, ACTIVE_END, RECOMMENDED, TOP20);
    }

    static final Map<String, List<NumbersTable>> BLOCKS = new LinkedHashMap<>();

    /**
     * A lesson's block: the tables every lesson starts with (by strategy, the profit bridge, the attribution by
     * treatment, and what carries the lesson), then its own.
     */
    private static void lesson(String scenario, NumbersTable carries, NumbersTable... own) {
        List<NumbersTable> tables = new ArrayList<>(List.of(
                new NumbersTable("by strategy", WorkshopNumbers::strategies),
                new NumbersTable("profit bridge: where each strategy's difference to the baseline comes from",
                        WorkshopNumbers::bridge),
                new NumbersTable("what each treatment adds inside its strategy", WorkshopNumbers::attribution),
                carries));
        tables.addAll(List.of(own));
        BLOCKS.put(scenario, List.copyOf(tables));
    }
    /** Numbers inside sentences, by key {@code scenario.name}: the scenario is the part before the first dot. */
    static final Map<String, Function<ShippedRuns, String>> INLINE = new LinkedHashMap<>();

    static {
        lesson("four-types", carries(Mechanism.WORD_OF_MOUTH, Mechanism.SATISFACTION, Mechanism.PRICE_RESPONSE),
                new NumbersTable("word of mouth", r -> perStrategy(r.shipped(),
                        new Column("net WOM at the end", c -> decimal(c.last("net_wom"))),
                        new Column("reputation at the end", c -> decimal(c.last("reputation"))),
                        new Column("treatment cost", c -> money(c.sum("treatment_cost"))))),
                variants(Variant.of("market.negativeWeight", "2"), Variant.of("market.negativeWeight", "0"), Variant.of("strategies[1].budget", "50000"), Variant.of("thresholds.negative.complaints.min", "1")));
        lesson("discount-trap", carries(Mechanism.PRICE_RESPONSE, Mechanism.WORD_OF_MOUTH),
                new NumbersTable("discounts and the loyal", r -> perStrategy(r.shipped(),
                        new Column("discounts given (routine sales included)", c -> money(c.sum("discount_cost"))),
                        new Column("lifetime value of a month-0 loyal customer",
                                c -> count(c.run.lifetimeValue(c.strategy, "loyal"))))),
                new NumbersTable("the same precise campaign without leakage (leakage=0)",
                        r -> perStrategy(r.with("treatments.price-campaign.leakage", "0"), PROFIT_COLUMN, DIFFERENCE)),
                variants(Variant.of("treatments.price-campaign.leakage", "0.3"), Variant.of("promotions", "[]"), Variant.of("behaviour.dealTraining", "0.05"), Variant.of("behaviour.discountElasticity", "20"), Variant.of("treatments.price-campaign.discount", "0.1")));
        lesson("service-recovery", carries(Mechanism.WORD_OF_MOUTH, Mechanism.NEGATIVE_WORD_OF_MOUTH, Mechanism.SATISFACTION),
                new NumbersTable("word of mouth and segments", r -> perStrategy(r.shipped(),
                        new Column("detractors at month 12", c -> count(c.run.at(c.strategy, "detractors", 12))),
                        new Column("mean damping, months 1–12", c -> decimal(c.run.sum(c.strategy, "wom_damping", 1, 12) / 12)),
                        new Column("negative → loyal moves", c -> count(c.run.transitions(c.strategy, "negative", "loyal"))),
                        new Column("loyal at the end", c -> count(c.last("segment.loyal"))))),
                variants(Variant.of("treatments.service-recovery.cost", "15"), Variant.of("market.negativeWeight", "2"), Variant.of("market.negativeWeight", "0"), Variant.of("observation.voiceRate", "1")));
        lesson("fire-the-mutineers", carries(Mechanism.PRICE_RESPONSE, Mechanism.NEGATIVE_WORD_OF_MOUTH),
                new NumbersTable("firing", r -> perStrategy(r.shipped(),
                        new Column("relationships ended", c -> count(c.sum("terminated"))),
                        new Column("mutineers at the end", c -> count(c.last("segment.mutineer"))),
                        new Column("detractor-months, months 1–6", c -> count(c.run.sum(c.strategy, "detractors", 1, 6))),
                        new Column("the same if fired accounts kept quiet", c -> count(r.with(
                                "behaviour.terminationDetractorProbability", "0").sum(c.strategy, "detractors", 1, 6))))),
                variants(Variant.of("promotions", "[]"), Variant.of("archetypes.mutineer.share", "0", "archetypes.regular.share", "0.75"), Variant.of("market.acquisitionCost", "300"), Variant.of("behaviour.terminationDetractorProbability", "0")));
        lesson("vampires", carries(Mechanism.FEE_RESPONSE, Mechanism.SATISFACTION),
                new NumbersTable("service", r -> perStrategy(r.shipped(),
                        new Column("service cost", c -> money(c.sum("service_cost"))),
                        new Column("fees charged", c -> money(c.sum("service_fees"))),
                        new Column("detractor-months", c -> count(c.sum("detractors"))))),
                variants(Variant.of("behaviour.serviceFeeSatisfactionImpact", "0"), Variant.of("behaviour.serviceFeeElasticity", "0"), Variant.of("treatments.charge-for-extras.serviceFee", "25"), Variant.of("treatments.charge-for-extras.serviceFee", "8")));
        lesson("snow-leopard-hunt", carries(Mechanism.ADVERTISING_RESPONSE, Mechanism.WORD_OF_MOUTH),
                new NumbersTable("cumulative profit over time", r -> perStrategy(r.shipped(),
                        atMonth(6), atMonth(12), atMonth(18), atMonth(24), atMonth(36),
                        new Column("snow leopards active at the end", c -> count(c.run.activeOfTruth(c.strategy, "snow-leopard"))),
                        new Column("ahead of the baseline from month", c -> aheadFrom(c)))),
                variants(Variant.of("market.potential", "100000"), Variant.of("treatments.snow-leopard-hunt.fixedCost", "40000"), Variant.of("months", "12")));
        lesson("circles-pareto", carries(Mechanism.WORD_OF_MOUTH, Mechanism.SATISFACTION),
                new NumbersTable("circles", r -> perStrategy(r.shipped(),
                        new Column("treatment cost", c -> money(c.sum("treatment_cost"))),
                        new Column("circle-1 customers at the end", c -> count(c.last("segment.circle-1"))),
                        new Column("lifetime value of a month-0 circle-2 customer",
                                c -> count(c.run.lifetimeValue(c.strategy, "circle-2"))))),
                variants(Variant.of("treatments.move-up.purchaseLift", "1.1"), Variant.of("treatments.move-up.cost", "8")));
        INLINE.put("four-types.wom-share", carried("textbook", Mechanism.WORD_OF_MOUTH));
        INLINE.put("four-types.satisfaction-share", carried("textbook", Mechanism.SATISFACTION));
        INLINE.put("discount-trap.blanket-price-share", carried("blanket", Mechanism.PRICE_RESPONSE));
        INLINE.put("service-recovery.wom-share", carried("service-recovery", Mechanism.WORD_OF_MOUTH));
        INLINE.put("service-recovery.negwom-share", carried("service-recovery", Mechanism.NEGATIVE_WORD_OF_MOUTH));
        INLINE.put("service-recovery.satisfaction-share", carried("service-recovery", Mechanism.SATISFACTION));
        INLINE.put("fire-the-mutineers.terminate-price-share", carried("terminate", Mechanism.PRICE_RESPONSE));
        INLINE.put("vampires.fee-share", carried("charge-for-extras", Mechanism.FEE_RESPONSE));
        INLINE.put("snow-leopard-hunt.wom-share", carried("hunt", Mechanism.WORD_OF_MOUTH));
        INLINE.put("circles-pareto.wom-share", carried("invest-circle-2", Mechanism.WORD_OF_MOUTH));
        INLINE.put("circles-pareto.satisfaction-share", carried("invest-circle-2", Mechanism.SATISFACTION));
        INLINE.put("rep-departure.events-share", carried("handover-programme", Mechanism.EVENTS));
        INLINE.put("rep-departure.wom-share", carried("handover-programme", Mechanism.WORD_OF_MOUTH));
        INLINE.put("wom-storm.events-share", carried("service-recovery", Mechanism.EVENTS));
        INLINE.put("wom-storm.negwom-share", carried("service-recovery", Mechanism.NEGATIVE_WORD_OF_MOUTH));
        INLINE.put("wom-storm.satisfaction-share", carried("service-recovery", Mechanism.SATISFACTION));
        INLINE.put("retention-economics.tenure-share", carried("member-care", Mechanism.TENURE));
        INLINE.put("tribe.wom-share", carried("strengthen-tribe", Mechanism.WORD_OF_MOUTH));
        INLINE.put("deal-training.price-share", carried("deal-club", Mechanism.PRICE_RESPONSE));
        INLINE.put("four-types.perks", adds("textbook", "loyal"));
        INLINE.put("four-types.price-campaign", adds("textbook", "price-sensitive"));
        INLINE.put("four-types.textbook-lead", r -> signedMoney(r.shipped().last("textbook", PROFIT)
                - r.shipped().last("baseline", PROFIT)));
        lesson("rep-departure", carries(Mechanism.EVENTS, Mechanism.WORD_OF_MOUTH), new NumbersTable("the departure against the same market without it "
                + "(events[0].share=0)", WorkshopNumbers::departure),
                variants(Variant.of("events[0].share", "1"), Variant.of("archetypes.key-account.repAttached", "0.2")));
        lesson("wom-storm", carries(Mechanism.NEGATIVE_WORD_OF_MOUTH, Mechanism.REPUTATION, Mechanism.SATISFACTION, Mechanism.EVENTS),
                new NumbersTable("net WOM", r -> perStrategy(r.shipped(), metricAt("net_wom", 11), metricAt("net_wom", 13),
                        metricAt("net_wom", 15), metricAt("net_wom", 18), metricAt("net_wom", 24),
                        new Column("back at half its month-11 level", c -> backAtHalf(c, "net_wom")))),
                new NumbersTable("reputation", r -> perStrategy(r.shipped(), metricAt("reputation", 11),
                        metricAt("reputation", 13), metricAt("reputation", 15), metricAt("reputation", 18),
                        metricAt("reputation", 24), new Column("back at half its month-11 level", c -> backAtHalf(c, "reputation")))),
                new NumbersTable("new customers by recommendation a month", r -> perStrategy(r.shipped(),
                        recommendedAt(11), recommendedAt(13), recommendedAt(18), recommendedAt(24))),
                new NumbersTable("the same market without the outage (events[0].share=0)",
                        r -> perStrategy(r.with("events[0].share", "0"), PROFIT_COLUMN, DIFFERENCE)),
                variants(Variant.of("market.negativeWeight", "2"), Variant.of("observation.voiceRate", "1"), Variant.of("events[0].share", "0.3"), Variant.of("events[0].duration", "4"), Variant.of("behaviour.complaintMemory", "6")));
        lesson("retention-economics", carries(Mechanism.TENURE), new NumbersTable("with and without the tenure effects",
                WorkshopNumbers::tenure),
                variants(Variant.of("months", "60"), Variant.of("months", "60", "behaviour.tenureSpendGrowth", "0", "behaviour.tenureServiceDecline", "0"), Variant.of("behaviour.tenureServiceDecline", "0"), Variant.of("behaviour.tenureSpendGrowth", "0"), Variant.of("treatments.member-care.cost", "3"), Variant.of("treatments.member-care.cost", "1")));
        lesson("tribe", carries(Mechanism.WORD_OF_MOUTH, Mechanism.NEGATIVE_WORD_OF_MOUTH),
                new NumbersTable("the tribe", r -> perStrategy(r.shipped(),
                        new Column("treatment cost", c -> money(c.sum("treatment_cost"))),
                        new Column("referrals made", c -> count(c.sum("referrals"))),
                        new Column("tribe at month 12", c -> count(c.run.at(c.strategy, "segment.tribe", 12))),
                        new Column("tribe at the end", c -> count(c.last("segment.tribe"))))),
                new NumbersTable("without word of mouth (market.imitation=0, market.referralConversion=0)",
                        r -> perStrategy(r.with("market.imitation", "0", "market.referralConversion", "0"),
                                PROFIT_COLUMN, DIFFERENCE, ACTIVE_END)),
                variants(Variant.of("treatments.tribe-care.cost", "8"), Variant.of("market.referralLean", "0"), Variant.of("treatments.thin-care.advocacyMultiplier", "1.6", "treatments.thin-care.churnMultiplier", "0.8", "treatments.thin-care.satisfactionDelta", "0.02")));
        lesson("deal-training", carries(Mechanism.PRICE_RESPONSE, Mechanism.WORD_OF_MOUTH), new NumbersTable("the sales, with and without deal training, "
                + "against no sales (strategy no-campaign)", WorkshopNumbers::calendars),
                variants(Variant.of("behaviour.dealTraining", "0.3"), Variant.of("behaviour.discountElasticity", "15"), Variant.of("market.imitation", "0", "market.referralConversion", "0")));
        lesson("price-war", carries(Mechanism.PRICE_RESPONSE, Mechanism.EVENTS, Mechanism.WORD_OF_MOUTH),
                new NumbersTable("whom the war hits, and what matching gives away", r -> perStrategy(r.shipped(),
                        new Column("price-sensitive (true) active at the end", c -> count(c.run.activeOfTruth(c.strategy, "price-sensitive"))),
                        new Column("loyal (true) active at the end", c -> count(c.run.activeOfTruth(c.strategy, "loyal"))),
                        new Column("discounts given (routine sales included)", c -> money(c.sum("discount_cost"))))),
                new NumbersTable("the same market without the price cut (events[0].competitorPrice=1)",
                        r -> perStrategy(r.with("events[0].competitorPrice", "1"), PROFIT_COLUMN, DIFFERENCE,
                                new Column("price-sensitive (true) active at the end",
                                        c -> count(c.run.activeOfTruth(c.strategy, "price-sensitive"))))),
                variants(Variant.of("events[0].competitorPrice", "0.9"), Variant.of("events[0].share", "0.4"),
                        Variant.of("treatments.price-match.discount", "0.1"), Variant.of("behaviour.discountElasticity", "4")));
        INLINE.put("price-war.price-share", carried("match-price-sensitive", Mechanism.PRICE_RESPONSE));
        INLINE.put("price-war.events-share", carried("match-price-sensitive", Mechanism.EVENTS));
        INLINE.put("price-war.wom-share", carried("match-price-sensitive", Mechanism.WORD_OF_MOUTH));
    }

    /**
     * The profit bridge ({@link ProfitBridge}): one row per component that is not zero for some strategy, one column
     * per non-baseline strategy, the total last.
     */
    static List<String> bridge(ShippedRuns r) {
        MetricsTable table = r.shipped().metrics;
        List<String> others = table.strategies().subList(1, table.strategies().size());
        List<List<BridgeRow>> bridges = others.stream().map(s -> ProfitBridge.of(table, s)).toList();
        List<List<String>> rows = new ArrayList<>();
        for (BridgeComponent component : BridgeComponent.values()) {
            List<String> row = new ArrayList<>(List.of(component.label()));
            boolean shown = component == BridgeComponent.TOTAL;
            for (List<BridgeRow> b : bridges) {
                double v = b.get(component.ordinal()).value().mean();
                shown |= Math.abs(v) >= 5e3; // what rounds to ±0.00 M is left out
                row.add(signedMoney(v));
            }
            if (shown) {
                rows.add(row);
            }
        }
        List<String> headers = new ArrayList<>(List.of("component"));
        headers.addAll(others);
        return table(headers, rows);
    }

    /** The attribution by treatment ({@link TreatmentAttribution}): each treated segment's part, then the interaction. */
    static List<String> attribution(ShippedRuns r) {
        List<List<String>> rows = new ArrayList<>();
        for (AttributionRow row : TreatmentAttribution.of(r.shipped().result)) {
            rows.add(List.of(row.strategy(), row.segment(), row.treatment(), signedMoney(row.value().mean())));
        }
        return table(List.of("strategy", "segment", "its treatment", "profit it adds"), rows, 3);
    }

    /**
     * The share of each strategy's lead over the baseline that each of the lesson's mechanisms carries: what
     * {@code segmentlab explain SCENARIO --only …} prints (1 − advantage with the mechanism off / advantage, one
     * replication), each mechanism switched off by its scenario key {@code mechanisms.<key>=off}.
     */
    static NumbersTable carries(Mechanism... mechanisms) {
        return new NumbersTable("what carries the lesson: each mechanism switched off in turn (what the `explain` verb prints)", r -> {
            WorkshopRun full = r.shipped();
            List<String> strategies = full.metrics.strategies();
            String base = strategies.get(0);
            List<List<String>> rows = new ArrayList<>();
            for (String s : strategies.subList(1, strategies.size())) {
                double advantage = full.last(s, PROFIT) - full.last(base, PROFIT);
                for (Mechanism m : mechanisms) {
                    double without = leadWithout(r, s, m);
                    rows.add(List.of(s, m.key(), signedMoney(advantage), signedMoney(without),
                            percent(1 - without / advantage)));
                }
            }
            return table(List.of("strategy", "mechanism switched off", "lead over the baseline", "lead without it",
                    "share carried"), rows, 2);
        });
    }

    /** A strategy's lead over the baseline with one mechanism switched off by its key. */
    private static double leadWithout(ShippedRuns r, String strategy, Mechanism m) {
        WorkshopRun off = r.with("mechanisms." + m.key(), "off");
        return off.last(strategy, PROFIT) - off.last(off.metrics.strategies().get(0), PROFIT);
    }

    /** For a sentence: the share of the strategy's lead the mechanism carries (as in its block's table). */
    static Function<ShippedRuns, String> carried(String strategy, Mechanism m) {
        return r -> {
            WorkshopRun full = r.shipped();
            double lead = full.last(strategy, PROFIT) - full.last(full.metrics.strategies().get(0), PROFIT);
            return percent(1 - leadWithout(r, strategy, m) / lead);
        };
    }

    /** For a sentence: what one segment's treatment adds inside a strategy (as in its block's attribution table). */
    static Function<ShippedRuns, String> adds(String strategy, String segment) {
        return r -> TreatmentAttribution.of(r.shipped().result, strategy).stream()
                .filter(a -> a.segment().equals(segment))
                .map(a -> signedMoney(a.value().mean()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no attribution row for " + strategy + "/" + segment));
    }

    /** The inline values of one scenario, by key. */
    static Map<String, String> inline(ShippedRuns runs) {
        Map<String, String> values = new LinkedHashMap<>();
        INLINE.forEach((key, fn) -> {
            if (key.startsWith(runs.scenario + ".")) {
                values.put(key, fn.apply(runs));
            }
        });
        return values;
    }

    /** The block of every scenario, as markdown lines: each table's title in italics, the table, a blank line between. */
    static List<String> block(ShippedRuns runs) {
        List<String> lines = new ArrayList<>();
        for (NumbersTable t : BLOCKS.get(runs.scenario)) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.add("*" + t.title() + "*");
            lines.add("");
            lines.addAll(t.lines().apply(runs));
        }
        return lines;
    }

    /** A markdown table, one row per strategy of the run, the first column the strategy's name. */
    static List<String> perStrategy(WorkshopRun run, Column... columns) {
        List<String> strategies = run.metrics.strategies();
        List<List<String>> rows = new ArrayList<>();
        for (String s : strategies) {
            List<String> row = new ArrayList<>(List.of(s));
            for (Column c : columns) {
                row.add(c.value().apply(new Cell(run, s, strategies.get(0))));
            }
            rows.add(row);
        }
        List<String> headers = new ArrayList<>(List.of("strategy"));
        Arrays.stream(columns).map(Column::header).forEach(headers::add);
        return table(headers, rows);
    }

    static List<String> table(List<String> headers, List<List<String>> rows) {
        return table(headers, rows, 1);
    }

    /** A markdown table whose first {@code labels} columns are text (left-aligned) and the rest numbers. */
    static List<String> table(List<String> headers, List<List<String>> rows, int labels) {
        List<String> lines = new ArrayList<>();
        lines.add("| " + String.join(" | ", headers) + " |");
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < headers.size(); i++) {
            rule.append(i < labels ? " --- |" : " ---: |");
        }
        lines.add(rule.toString());
        for (List<String> row : rows) {
            lines.add("| " + String.join(" | ", row) + " |");
        }
        return lines;
    }

    private static Column atMonth(int month) {
        return new Column("month " + month, c -> money(c.run.at(c.strategy, PROFIT, month)));
    }

    private static Column metricAt(String metric, int month) {
        return new Column("month " + month, c -> decimal(c.run.at(c.strategy, metric, month)));
    }

    private static Column recommendedAt(int month) {
        return new Column("month " + month, c -> count(c.run.at(c.strategy, "acquired_wom", month)
                + c.run.at(c.strategy, "acquired_referral", month)));
    }

    private static String backAtHalf(Cell c, String metric) {
        int m = c.run.firstMonthAtLeast(c.strategy, metric, 13, c.run.at(c.strategy, metric, 11) / 2);
        return m > c.run.months() ? "not by the end" : "month " + m;
    }

    /** The first month from which the strategy stays ahead of the baseline in cumulative profit. */
    private static String aheadFrom(Cell c) {
        if (c.strategy.equals(c.baseline)) {
            return "–";
        }
        int from = c.run.months() + 1;
        for (int t = c.run.months(); t >= 1 && c.run.at(c.strategy, PROFIT, t) > c.run.at(c.baseline, PROFIT, t); t--) {
            from = t;
        }
        return from > c.run.months() ? "never" : "month " + from;
    }

    private static List<String> departure(ShippedRuns r) {
        WorkshopRun with = r.shipped();
        WorkshopRun without = r.with("events[0].share", "0");
        List<List<String>> rows = new ArrayList<>();
        for (String s : with.metrics.strategies()) {
            double lost = without.at(s, "active", 18) - with.at(s, "active", 18);
            double revenueLost = 1 - with.sum(s, "revenue", 12, 18) / without.sum(s, "revenue", 12, 18);
            rows.add(List.of(s, count(lost) + " (" + percent(lost / without.at(s, "active", 18)) + ")",
                    percent(revenueLost), money(with.last(s, PROFIT)), money(without.last(s, PROFIT)),
                    money(without.last(s, PROFIT) - with.last(s, PROFIT))));
        }
        return table(List.of("strategy", "customers lost by month 18", "revenue lost in months 12–18",
                "cumulative profit", "without the departure", "the departure costs"), rows);
    }

    private static List<String> tenure(ShippedRuns r) {
        List<List<String>> rows = new ArrayList<>();
        tenureRows(rows, "on (as shipped)", r.shipped());
        tenureRows(rows, "off", r.with("behaviour.tenureSpendGrowth", "0", "behaviour.tenureServiceDecline", "0"));
        return table(List.of("tenure effects", "strategy", "12-month retention", "customer-months",
                "service cost per customer-month", "cumulative profit", "difference to the baseline"), rows, 2);
    }

    private static void tenureRows(List<List<String>> rows, String label, WorkshopRun run) {
        String base = run.metrics.strategies().get(0);
        for (String s : run.metrics.strategies()) {
            rows.add(List.of(label, s, percent(run.at(s, "retention_initial", 12)), count(run.sum(s, "active")),
                    String.format(Locale.ROOT, "%.2f", run.sum(s, "service_cost") / run.sum(s, "active")),
                    money(run.last(s, PROFIT)), signedMoney(run.last(s, PROFIT) - run.last(base, PROFIT))));
        }
    }

    private static List<String> calendars(ShippedRuns r) {
        String s = "no-campaign";
        List<List<String>> rows = new ArrayList<>();
        calendarRow(rows, "every other month, deal training on (as shipped)", r.shipped(), s);
        calendarRow(rows, "every other month, deal training off (dealTraining=0)", r.with("behaviour.dealTraining", "0"), s);
        calendarRow(rows, "no sales (promotions=[])", r.with("promotions", "[]"), s);
        return table(List.of("sales", "purchases, months 1–6", "bought in sale months, year 1", "year 3",
                "price-sensitive at month 1", "at the end", "discounts given", "cumulative profit"), rows);
    }

    private static void calendarRow(List<List<String>> rows, String label, WorkshopRun run, String s) {
        rows.add(List.of(label, count(run.sum(s, "purchases", 1, 6)),
                percent(WorkshopLessons.saleMonthShare(run, s, 1, 12)),
                percent(WorkshopLessons.saleMonthShare(run, s, 25, 36)),
                count(run.at(s, "segment.price-sensitive", 1)), count(run.last(s, "segment.price-sensitive")),
                money(run.sum(s, "discount_cost")), money(run.last(s, PROFIT))));
    }

    /** A "what to change" variant: the {@code --set} a trainee types (as label) and its overrides (key, value, …). */
    record Variant(String label, String... overrides) {
        static Variant of(String... overrides) {
            StringBuilder label = new StringBuilder();
            for (int i = 0; i < overrides.length; i += 2) {
                label.append(label.length() == 0 ? "" : " ").append("`--set ").append(overrides[i]).append('=')
                        .append(overrides[i + 1]).append('`');
            }
            return new Variant(label.toString(), overrides);
        }
    }

    /**
     * The "what to change" table: the scenario as shipped, then one row per variant, with every strategy's cumulative
     * profit, and for a scenario of two strategies the difference of the second to the baseline.
     */
    static NumbersTable variants(Variant... variants) {
        return new NumbersTable("what to change: cumulative profit", r -> {
            List<String> strategies = r.shipped().metrics.strategies();
            String base = strategies.get(0);
            String last = strategies.get(strategies.size() - 1);
            List<String> headers = new ArrayList<>(List.of("variant"));
            headers.addAll(strategies);
            boolean pair = strategies.size() == 2;
            if (pair) {
                headers.add(last + " − " + base);
            }
            List<List<String>> rows = new ArrayList<>();
            List<Variant> all = new ArrayList<>(List.of(new Variant("as shipped")));
            all.addAll(List.of(variants));
            for (Variant v : all) {
                WorkshopRun run = r.with(v.overrides());
                List<String> row = new ArrayList<>(List.of(v.label()));
                strategies.forEach(s -> row.add(money(run.last(s, PROFIT))));
                if (pair) {
                    row.add(signedMoney(run.last(last, PROFIT) - run.last(base, PROFIT)));
                }
                rows.add(row);
            }
            return table(headers, rows);
        });
    }

    // ---- formats: money in millions, counts with a space every three digits, shares in percent ----

    static String money(double v) {
        return String.format(Locale.ROOT, "%.2f M", v / 1e6).replace('-', '−');
    }

    static String signedMoney(double v) {
        return String.format(Locale.ROOT, "%+.2f M", v / 1e6).replace('-', '−');
    }

    static String count(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v)).replace(',', ' ').replace('-', '−');
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v).replace('-', '−');
    }

    static String decimal(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replace('-', '−');
    }

    static Path shippedFile(String scenario) {
        return WorkshopRun.SHIPPED.resolve(scenario + ".yaml");
    }
}
