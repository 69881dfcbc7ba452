package org.segmentlab.simulator.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.segmentlab.simulator.scenario.ScenarioDocument;

/**
 * The lesson each shipped workshop scenario teaches, as assertions on a run (docs/workshop.md explains them to
 * facilitators). Keyed by file name: a scenario added to {@code scenarios/} without a lesson here fails
 * {@link WorkshopLessonsTest}. Each lesson gets the scenario at a small size (see {@link WorkshopRun#atSize}) and
 * may run it more than once (rep-departure runs its counterfactual without the departure).
 */
final class WorkshopLessons {

    @FunctionalInterface
    interface Lesson {
        void holds(ScenarioDocument scenario);
    }

    /**
     * A lesson's headline, its row in docs/model.md's mechanism table ({@link LessonMechanismsTest}): strategy
     * {@code better} earns more than strategy {@code than}.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Headline {
        String better();

        String than();
    }

    /**
     * The shipped scenarios in the order the guides show them. A file's lesson is the method named after it in camel
     * case ({@code four-types.yaml}: {@link #fourTypes}), annotated with its {@link Headline}.
     */
    static final List<String> FILES = List.of("four-types.yaml", "discount-trap.yaml", "service-recovery.yaml",
            "fire-the-mutineers.yaml", "vampires.yaml", "snow-leopard-hunt.yaml", "circles-pareto.yaml",
            "rep-departure.yaml", "wom-storm.yaml", "retention-economics.yaml", "tribe.yaml", "deal-training.yaml",
            "price-war.yaml");

    private static final Pattern HYPHENATED = Pattern.compile("-([a-z0-9])");
    static final Map<String, Lesson> BY_FILE = new LinkedHashMap<>();
    /** Each file's headline; null where its lesson has none. */
    static final Map<String, Headline> HEADLINES = new LinkedHashMap<>();

    static {
        for (String file : FILES) {
            Method method = lessonOf(file);
            BY_FILE.put(file, doc -> holds(method, doc));
            HEADLINES.put(file, method.getAnnotation(Headline.class));
        }
    }

    private static Method lessonOf(String file) {
        String name = HYPHENATED.matcher(file.replace(".yaml", "")).replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
        try {
            return WorkshopLessons.class.getDeclaredMethod(name, ScenarioDocument.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(file + ": no lesson " + name + "(ScenarioDocument) in WorkshopLessons", e);
        }
    }

    /** Runs a lesson; its assertion errors (and any other failure) propagate as they are. */
    private static void holds(Method lesson, ScenarioDocument doc) {
        try {
            lesson.invoke(null, doc);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private WorkshopLessons() {
    }

    private static final String PROFIT = "profit_cumulative";

    /** The textbook treatment of each type earns more than treating everyone the same, and keeps more customers. */
    @Headline(better = "textbook", than = "baseline")
    static void fourTypes(ScenarioDocument doc) {
        WorkshopRun r = WorkshopRun.run(doc);
        assertThat(r.last("textbook", PROFIT)).as("four-types: cumulative profit, textbook > baseline")
                .isGreaterThan(r.last("baseline", PROFIT));
        assertThat(r.last("textbook", "active")).as("four-types: active customers at the end, textbook > baseline")
                .isGreaterThan(r.last("baseline", "active"));
        // The guide: retention is higher from the first months (10 other seeds: 4.2 to 5.2 points at month 3).
        for (int month : new int[] {3, 6, 12}) {
            assertThat(r.at("textbook", "retention_initial", month) - r.at("baseline", "retention_initial", month))
                    .as("four-types: retention at month %d, textbook − baseline ≥ 2 points", month).isGreaterThan(0.02);
        }
    }

    /**
     * The precise campaign earns more than the blanket one; the more it leaks, the less it earns; and leakage erodes
     * the loyal customers' margin (their lifetime value falls with every step from no campaign to blanket).
     * <p>
     * How the precise campaign finds its targets. Before issue 13 nobody had bought on discount at month 0, so the
     * rule on discount share saw no price-sensitive customer and the campaign only found deal-seekers through its own
     * leaked discount. Now the shop runs a routine sale every third month, also in the burn-in, and the rule reads the
     * response to it (promoLift): the deal-seekers are visible at month 0 and the campaign reaches them from month 1
     * (in month 1, a sale month, the sale's 20% covers its 15%; month 2 is the first where only the campaign gives
     * discounts). Switched off (no routine sales), nobody is price-sensitive at month 0, the campaign finds a few
     * deal-seekers only through its leaked discount and gives little more than that leakage.
     * Leakage is what costs: the same precise campaign without leakage about breaks even with no campaign (within 2%;
     * which of the two is ahead depends on the seed: ahead in 5 and in 7 of 10 replications before and after issue 18
     * changed the newcomers' draws), with the scenario's 10% leakage it earns less and the sealed campaign more than
     * the leaking one (in 10 of 10, both times).
     * {@code behaviour.dealTraining} stays off: the lesson does not need it, and
     * switched on (0.05 at the shipped size) it turns the lesson around, since a trained customer buys more under every
     * later discount and the blanket campaign then earns the most.
     */
    @Headline(better = "precise", than = "blanket")
    static void discountTrap(ScenarioDocument doc) {
        WorkshopRun r = WorkshopRun.run(doc);
        double none = r.last("no-campaign", PROFIT);
        double blanket = r.last("blanket", PROFIT);
        double precise = r.last("precise", PROFIT);
        double leaky = r.last("precise-leaky", PROFIT);
        assertThat(precise).as("discount-trap: cumulative profit, precise > blanket").isGreaterThan(blanket * 1.03);
        assertThat(leaky).as("discount-trap: cumulative profit, precise-leaky < precise").isLessThan(precise);
        assertThat(leaky).as("discount-trap: cumulative profit, precise-leaky > blanket").isGreaterThan(blanket);
        assertThat(r.at("blanket", PROFIT, 1)).as("discount-trap: the blanket line of the paired difference chart "
                + "drops in month 1 (blanket < no-campaign)").isLessThan(r.at("no-campaign", PROFIT, 1));
        assertThat(leaky).as("discount-trap: cumulative profit, precise-leaky < no-campaign (leakage costs more than "
                + "the deal-seekers found bring)").isLessThan(none);
        double ltvNone = r.lifetimeValue("no-campaign", "loyal");
        double ltvPrecise = r.lifetimeValue("precise", "loyal");
        double ltvLeaky = r.lifetimeValue("precise-leaky", "loyal");
        double ltvBlanket = r.lifetimeValue("blanket", "loyal");
        assertThat(ltvPrecise).as("discount-trap: lifetime value of the loyal, precise < no-campaign (leakage)")
                .isLessThan(ltvNone);
        assertThat(ltvLeaky).as("discount-trap: lifetime value of the loyal, precise-leaky < precise").isLessThan(ltvPrecise);
        assertThat(ltvBlanket).as("discount-trap: lifetime value of the loyal, blanket < precise-leaky").isLessThan(ltvLeaky);
        assertThat(r.sum("precise", "discount_cost")).as("discount-trap: discounts given, precise < precise-leaky")
                .isLessThan(r.sum("precise-leaky", "discount_cost"));
        // The routine sales show the deal-seekers before month 0 (promoLift): the campaign reaches them from month 1,
        // not through its own leaked discount.
        assertThat(r.at("precise", "segment.price-sensitive", 0)).as("discount-trap: price-sensitive customers are "
                + "visible at month 0, from their response to the routine sales").isPositive();
        // Month 1 is a sale month (20% off for everyone, which covers the campaign's 15%); month 2 is the first
        // full-price month, where only the campaign gives discounts.
        assertThat(r.at("no-campaign", "discount_cost", 2)).as("discount-trap: month 2 has no sale").isZero();
        assertThat(r.at("precise", "discount_cost", 2)).as("discount-trap: the precise campaign gives discounts in the "
                + "first month without a sale").isPositive();
        WorkshopRun noSales = WorkshopRun.run(doc.with("promotions", "[]"));
        assertThat(noSales.at("precise", "segment.price-sensitive", 0)).as("discount-trap: without routine sales "
                + "nobody is seen price-sensitive at month 0").isZero();
        assertThat(noSales.at("precise", "segment.price-sensitive", 1)).as("discount-trap: without routine sales "
                + "only the leaked discount shows deal-seekers: price-sensitive at month 1, under a tenth of with the sales")
                .isLessThan(r.at("precise", "segment.price-sensitive", 1) / 10);
        assertThat(noSales.at("precise", "discount_cost", 2)).as("discount-trap: discounts given in month 2 without "
                + "routine sales (little more than the leakage), under half of with the sales")
                .isLessThan(r.at("precise", "discount_cost", 2) / 2);
        // Leakage, not the targeting, is what makes the precise campaign lose against no campaign.
        WorkshopRun sealed = WorkshopRun.run(doc.with("treatments.price-campaign.leakage", "0"));
        double sealedNone = sealed.last("no-campaign", PROFIT);
        assertThat(sealed.last("precise", PROFIT)).as("discount-trap: cumulative profit, the precise campaign without "
                + "leakage about breaks even with no-campaign (within 2%)").isBetween(sealedNone * 0.98, sealedNone * 1.02);
        assertThat(sealed.last("precise", PROFIT)).as("discount-trap: cumulative profit, the precise campaign without "
                + "leakage > with 10% leakage").isGreaterThan(precise);
        assertThat(precise).as("discount-trap: cumulative profit, precise (10% leakage) < no-campaign, if only just "
                + "(within 5%): the leakage eats what the deal-seekers found bring").isBetween(none * 0.95, none);
    }

    /**
     * Service recovery turns negative customers into loyal ones and lifts the word of mouth their complaints choked:
     * fewer detractors, better net WOM, every acquisition channel less damped (exp(−κ · detractor share)), more
     * recommendations and more profit. Before issue 14 a gate made word-of-mouth acquisition all or nothing and the
     * lesson read "several times the WOM acquisitions"; with the smooth damping the gain is a few percent.
     */
    @Headline(better = "service-recovery", than = "do-nothing")
    static void serviceRecovery(ScenarioDocument doc) {
        WorkshopRun r = WorkshopRun.run(doc);
        String base = "do-nothing";
        String rec = "service-recovery";
        assertThat(r.last(rec, PROFIT)).as("service-recovery: cumulative profit, recovery > do-nothing")
                .isGreaterThan(r.last(base, PROFIT));
        assertThat(r.transitions(rec, "negative", "loyal")).as("service-recovery: negative → loyal transitions, "
                + "recovery ≥ 3 × do-nothing").isGreaterThan(3 * r.transitions(base, "negative", "loyal"));
        assertThat(r.last(rec, "segment.loyal")).as("service-recovery: loyal customers at the end")
                .isGreaterThan(r.last(base, "segment.loyal"));
        assertThat(r.sum(rec, "detractors")).as("service-recovery: detractor-months, recovery < 0.9 × do-nothing")
                .isLessThan(0.9 * r.sum(base, "detractors"));
        assertThat(r.at(rec, "net_wom", 12)).as("service-recovery: net WOM in month 12").isGreaterThan(r.at(base, "net_wom", 12));
        assertThat(r.sum(rec, "wom_damping", 1, 12)).as("service-recovery: every channel less damped in the first year")
                .isGreaterThan(r.sum(base, "wom_damping", 1, 12));
        // About 5% more at this size, with a spread of about 2% from seed to seed (one seed of 20 had 0.4% fewer):
        // counted over four replications, the lead is about four of its standard errors.
        WorkshopRun four = WorkshopRun.run(doc.with("replications", "4"));
        assertThat(four.sumOverReplications(rec, "acquired_wom") + four.sumOverReplications(rec, "acquired_referral"))
                .as("service-recovery: customers acquired by recommendation (imitation and referrals) over four "
                        + "replications, recovery > do-nothing")
                .isGreaterThan(four.sumOverReplications(base, "acquired_wom")
                        + four.sumOverReplications(base, "acquired_referral"));
        // What carries the lead (docs/model.md), over the same four replications: one run's split between the channels
        // of word of mouth moves a lot from seed to seed at this size. Over ten seeds, the damping switched off left
        // 1-63% of the lead, all word of mouth switched off 0-5%.
        double lead = four.meanLead(rec, base);
        ScenarioDocument fourReplications = doc.with("replications", "4");
        double undamped = WorkshopRun.run(fourReplications.with("market.negativeWeight", "0")).meanLead(rec, base);
        double silent = WorkshopRun.run(LessonMechanismsTest.SWITCHES.get("all word of mouth").apply(fourReplications))
                .meanLead(rec, base);
        assertThat(undamped).as("service-recovery: lead over do-nothing without the negative WOM damping < 0.85 × the "
                + "lead (%.0f)", lead).isLessThan(0.85 * lead);
        assertThat(silent).as("service-recovery: lead over do-nothing with all word of mouth off < 0.15 × the lead (%.0f)",
                lead).isLessThan(0.15 * lead);
    }

    /**
     * Letting the mutineers go earns more than keeping them on special terms; stopping their discounts is in between.
     * <p>
     * The mutineers are found by what they do. Every account is offered the same routine promotions; only those whose
     * buying follows them (promoLift) and who lose money or complain are labelled mutineers: most true mutineers are,
     * the tribe (offered the same sales) hardly ever, and without the promotions nobody is, so terminate ends no
     * relationship. Before issue 13 the scenario gave every account a standing trade discount and the rule read the
     * share of purchases made on discount, so an account merely offered a discount became a mutineer; a discount every
     * month shows no promotion response, so the scenario now runs routine promotions instead.
     * <p>
     * Firing has a word-of-mouth cost: a fired account becomes a detractor for six months with probability
     * {@code terminationDetractorProbability}. In the half-year of the first terminations the terminate strategy
     * counts more detractors than it would if fired accounts kept quiet, and it ends with less profit; it still earns
     * the most of the three, and ends with the fewest detractors once the complainers are gone.
     */
    @Headline(better = "terminate", than = "keep-discounting")
    static void fireTheMutineers(ScenarioDocument doc) {
        WorkshopRun r = WorkshopRun.run(doc);
        double keep = r.last("keep-discounting", PROFIT);
        double stop = r.last("stop-discounts", PROFIT);
        double terminate = r.last("terminate", PROFIT);
        // Over 20 seeds at this size terminate leads by 8.7% to 14.6% (the guide's full size: 10.9%); 10% held in 12.
        assertThat(terminate).as("fire-the-mutineers: cumulative profit, terminate > keep-discounting by 5%")
                .isGreaterThan(keep * 1.05);
        assertThat(terminate).as("fire-the-mutineers: cumulative profit, terminate > stop-discounts").isGreaterThan(stop);
        for (int t = 1; t <= r.months(); t++) {
            assertThat(r.at("terminate", PROFIT, t)).as("fire-the-mutineers: from month 1 the terminate line pulls "
                    + "away: cumulative profit at month %d, terminate > keep-discounting", t)
                    .isGreaterThan(r.at("keep-discounting", PROFIT, t));
        }
        // Over 10 other seeds: 0.87 to 0.95 of keep-discounting's detractor-months.
        assertThat(r.sum("terminate", "detractors", 1, 6)).as("fire-the-mutineers: detractor-months in months 1-6, "
                + "terminate nearly as many as keep-discounting (≥ 0.8 ×) although it removed the complainers")
                .isGreaterThan(0.8 * r.sum("keep-discounting", "detractors", 1, 6));
        assertThat(stop).as("fire-the-mutineers: cumulative profit, stop-discounts > keep-discounting").isGreaterThan(keep);
        assertThat(r.sum("terminate", "terminated")).as("fire-the-mutineers: relationships ended").isPositive();
        assertThat(r.last("terminate", "segment.mutineer")).as("fire-the-mutineers: mutineers left at the end")
                .isLessThan(r.last("keep-discounting", "segment.mutineer") / 4);
        assertThat(r.last("terminate", "detractors")).as("fire-the-mutineers: detractors at the end")
                .isLessThan(r.last("keep-discounting", "detractors"));

        double mutineersFound = labelledShare(r, "keep-discounting", 1, "mutineer", "mutineer");
        double tribeAsMutineers = labelledShare(r, "keep-discounting", 1, "tribe", "mutineer");
        assertThat(mutineersFound).as("fire-the-mutineers: share of true mutineers labelled mutineer at month 1 "
                + "(their buying follows the promotions)").isGreaterThan(0.5);
        assertThat(tribeAsMutineers).as("fire-the-mutineers: share of the tribe labelled mutineer at month 1 (offered "
                + "the same promotions, they do not buy by them)").isLessThan(0.05);
        WorkshopRun noSales = WorkshopRun.run(doc.with("promotions", "[]"));
        assertThat(noSales.sum("terminate", "terminated")).as("fire-the-mutineers: without promotions no purchase "
                + "follows a discount, nobody is a mutineer and terminate ends no relationship").isZero();

        WorkshopRun quiet = WorkshopRun.run(doc.with("behaviour.terminationDetractorProbability", "0"));
        double detractors = r.sum("terminate", "detractors", 1, 6);
        double quietDetractors = quiet.sum("terminate", "detractors", 1, 6);
        assertThat(detractors).as("fire-the-mutineers: detractor-months in months 1-6 under terminate (%.0f), fired "
                + "accounts turning detractor ≥ 1.5 × fired accounts keeping quiet (%.0f)", detractors, quietDetractors)
                .isGreaterThan(1.5 * quietDetractors);
        assertThat(terminate).as("fire-the-mutineers: cumulative profit under terminate, the firing cost lowers it")
                .isLessThan(quiet.last("terminate", PROFIT));
    }

    /** The share of the active customers of one truth segment that the classifier put in {@code label} at {@code month}. */
    private static double labelledShare(WorkshopRun r, String strategy, int month, String truth, String label) {
        long[] row = r.result.detail(strategy, 0).confusion()[month][r.result.segments().indexOf(truth)];
        long all = 0;
        for (long n : row) {
            all += n;
        }
        return (double) row[r.result.segments().indexOf(label)] / all;
    }

    /**
     * Both remedies beat doing nothing by 10% or more. Charging for extras no longer wins merely because the fee
     * exceeds the cost of a request (the lesson before issue 13, when a fee changed nothing in behaviour): the fee
     * deters some of the extra requests (less fee income, less service cost) and each charged request annoys a little,
     * so charging keeps fewer customers and gets fewer recommendations than a service standard, and the two remedies
     * end close (which is ahead depends on the size and seed). The mechanism, switched off in turn: if billing did not
     * annoy ({@code serviceFeeSatisfactionImpact} 0), charging would keep more customers and earn more; if fees did not
     * deter ({@code serviceFeeElasticity} 0), more requests would be made and charged — larger fees, a larger service
     * cost — and more customers annoyed away.
     */
    @Headline(better = "service-standards", than = "do-nothing")
    static void vampires(ScenarioDocument doc) {
        WorkshopRun r = WorkshopRun.run(doc);
        double nothing = r.last("do-nothing", PROFIT);
        double standards = r.last("service-standards", PROFIT);
        double charge = r.last("charge-for-extras", PROFIT);
        assertThat(standards).as("vampires: cumulative profit, service-standards > do-nothing by 10%").isGreaterThan(nothing * 1.10);
        assertThat(charge).as("vampires: cumulative profit, charge-for-extras > do-nothing by 10%").isGreaterThan(nothing * 1.10);
        assertThat(r.sum("service-standards", "service_cost")).as("vampires: service cost, standards < do-nothing")
                .isLessThan(r.sum("do-nothing", "service_cost") * 0.8);
        assertThat(r.sum("charge-for-extras", "service_fees")).as("vampires: fees charged").isPositive();
        assertThat(r.sum("service-standards", "service_fees")).as("vampires: no fees under service standards").isZero();
        // Over 10 other seeds the two remedies ended within 12.3% of their lead over do-nothing.
        assertThat(Math.abs(charge - standards)).as("vampires: the two remedies end close to each other (within a "
                + "fifth of their lead over do-nothing)").isLessThan(0.2 * (standards - nothing));
        assertThat(r.sum("charge-for-extras", "service_fees")).as("vampires: on the service account charging looks "
                + "better: fees > the extra service cost over the standard").isGreaterThan(
                        r.sum("charge-for-extras", "service_cost") - r.sum("service-standards", "service_cost"));
        assertThat(r.sum("charge-for-extras", "detractors")).as("vampires: detractor-months, charge-for-extras "
                + "> service-standards (billing annoys)").isGreaterThan(r.sum("service-standards", "detractors"));
        // Fewer recommendations too, but by well under 1%: too little to read at a workshop size.

        WorkshopRun unannoyed = WorkshopRun.run(doc.with("behaviour.serviceFeeSatisfactionImpact", "0"));
        assertThat(unannoyed.last("charge-for-extras", PROFIT)).as("vampires: cumulative profit of charge-for-extras, "
                + "billing that does not annoy > billing that does").isGreaterThan(charge);
        assertThat(unannoyed.last("charge-for-extras", "active")).as("vampires: active customers at the end under "
                + "charge-for-extras, billing that does not annoy > billing that does")
                .isGreaterThan(r.last("charge-for-extras", "active"));

        WorkshopRun undeterred = WorkshopRun.run(doc.with("behaviour.serviceFeeElasticity", "0"));
        assertThat(undeterred.sum("charge-for-extras", "service_fees")).as("vampires: fees charged, fees that do not "
                + "deter > fees that do").isGreaterThan(r.sum("charge-for-extras", "service_fees"));
        assertThat(undeterred.sum("charge-for-extras", "service_cost")).as("vampires: service cost under "
                + "charge-for-extras, fees that do not deter > fees that do (deterred requests cost nothing)")
                .isGreaterThan(r.sum("charge-for-extras", "service_cost"));
        // Annoyed away: fewer of the starting customers stay (about 1% fewer, in each of 20 seeds at this size) and
        // about 10% more detractor-months slow word of mouth. Active customers at the end fall too, by about 1.4% at
        // the guide's size, but at this size their seed-to-seed spread (acquisitions) is as large as the effect.
        assertThat(undeterred.last("charge-for-extras", "retention_initial")).as("vampires: starting customers still "
                + "active at the end under charge-for-extras, fees that do not deter (more requests charged, more "
                + "annoyance) < fees that do").isLessThan(r.last("charge-for-extras", "retention_initial"));
        assertThat(undeterred.sum("charge-for-extras", "detractors")).as("vampires: detractor-months under "
                + "charge-for-extras, fees that do not deter > 1.03 × fees that do")
                .isGreaterThan(1.03 * r.sum("charge-for-extras", "detractors"));
    }

    /** The hunt costs money first and pays later: behind at month 6, ahead at the end, with many more leopards. */
    @Headline(better = "hunt", than = "no-hunt")
    static void snowLeopardHunt(ScenarioDocument doc) {
        WorkshopRun r = WorkshopRun.run(doc);
        assertThat(r.at("hunt", PROFIT, 6)).as("snow-leopard-hunt: cumulative profit at month 6, hunt < no-hunt (the team costs from day one)")
                .isLessThan(r.at("no-hunt", PROFIT, 6));
        assertThat(r.last("hunt", PROFIT)).as("snow-leopard-hunt: cumulative profit at the end, hunt > no-hunt")
                .isGreaterThan(r.last("no-hunt", PROFIT));
        assertThat(r.activeOfTruth("hunt", "snow-leopard")).as("snow-leopard-hunt: snow leopards (true archetype) "
                + "active at the end, hunt ≥ 1.5 × no-hunt")
                .isGreaterThan(Math.round(1.5 * r.activeOfTruth("no-hunt", "snow-leopard")));
        assertThat(r.last("hunt", "top20_share")).as("snow-leopard-hunt: more leopards concentrate revenue (top-20% share)")
                .isGreaterThan(r.last("no-hunt", "top20_share"));
    }

    /**
     * Investing in circle 2 pays and spreads revenue (the top-20% share falls); the same programme on circle 4 earns
     * much less (a lift on a small basket is still small); more customers stay, so every circle counts more customers.
     */
    @Headline(better = "invest-circle-2", than = "serve-by-circle")
    static void circlesPareto(ScenarioDocument doc) {
        WorkshopRun r = WorkshopRun.run(doc);
        String base = "serve-by-circle";
        String two = "invest-circle-2";
        String four = "invest-circle-4";
        assertThat(r.last(two, PROFIT)).as("circles-pareto: cumulative profit, invest-circle-2 > serve-by-circle by 5%")
                .isGreaterThan(r.last(base, PROFIT) * 1.05);
        assertThat(r.last(two, PROFIT)).as("circles-pareto: cumulative profit, invest-circle-2 > invest-circle-4 by 5%")
                .isGreaterThan(r.last(four, PROFIT) * 1.05);
        assertThat(r.last(two, "top20_share")).as("circles-pareto: top-20% revenue share falls when circle 2 grows")
                .isLessThan(r.last(base, "top20_share") - 0.02);
        assertThat(r.last(two, "segment.circle-1")).as("circles-pareto: circle-1 customers at the end")
                .isGreaterThan(r.last(base, "segment.circle-1"));
        assertThat(r.lifetimeValue(two, "circle-2")).as("circles-pareto: lifetime value of the month-0 circle 2")
                .isGreaterThan(r.lifetimeValue(base, "circle-2") * 1.1);
    }

    /**
     * The departure touches few customers but valuable ones: the share of revenue it costs is far larger than the
     * share of customers. The handover programme for circle 1 loses a smaller share and earns more.
     */
    @Headline(better = "handover-programme", than = "no-programme")
    static void repDeparture(ScenarioDocument doc) {
        WorkshopRun with = WorkshopRun.run(doc);
        WorkshopRun without = WorkshopRun.run(doc.with("events[0].share", "0"));
        String base = "no-programme";
        String prog = "handover-programme";
        double customersLost = lostShare(without.at(base, "active", 18), with.at(base, "active", 18));
        double revenueLost = lostShare(without.sum(base, "revenue", 12, 18), with.sum(base, "revenue", 12, 18));
        assertThat(customersLost).as("rep-departure: the departure costs customers").isPositive();
        assertThat(revenueLost).as("rep-departure: share of revenue lost in months 12-18 (%.3f) ≥ 1.5 × share of "
                + "customers lost by month 18 (%.3f)", revenueLost, customersLost).isGreaterThan(1.5 * customersLost);
        double programmeLost = lostShare(without.at(prog, "active", 18), with.at(prog, "active", 18));
        assertThat(programmeLost).as("rep-departure: share of customers lost, handover-programme < no-programme")
                .isLessThan(customersLost);
        assertThat(with.sum(base, "churned", 12, 17)).as("rep-departure: customers churned in months 12-17, with the "
                + "departure ≥ 1.3 × without").isGreaterThan(1.3 * without.sum(base, "churned", 12, 17));
        assertThat(with.last(prog, PROFIT)).as("rep-departure: cumulative profit, handover-programme > no-programme")
                .isGreaterThan(with.last(base, PROFIT));
        // Over 10 other seeds the programme kept 0.91 to 1.02 of its lead without the departure.
        double lead = with.last(prog, PROFIT) - with.last(base, PROFIT);
        assertThat(without.last(prog, PROFIT) - without.last(base, PROFIT)).as("rep-departure: most of the "
                + "programme's advantage comes from normal months: its lead without the departure ≥ 0.8 × with it (%.0f)",
                lead).isGreaterThan(0.8 * lead);
    }

    private static double lostShare(double without, double with) {
        return (without - with) / without;
    }

    /**
     * The outage turns the word of mouth negative: detractors jump, net WOM below zero, every channel damped, so
     * recommendations fall to a fraction of what they were. The reputation falls fast with it and is rebuilt slowly
     * (loss 0.3 against gain 0.1 a month), so acquisition stays low long after net WOM has recovered. Service recovery
     * brings net WOM and the reputation back sooner and earns more.
     */
    @Headline(better = "service-recovery", than = "let-it-blow-over")
    static void womStorm(ScenarioDocument doc) {
        WorkshopRun r = WorkshopRun.run(doc);
        String base = "let-it-blow-over";
        String rec = "service-recovery";
        for (String s : new String[] {base, rec}) {
            assertThat(r.at(s, "detractors", 12)).as("wom-storm (%s): detractors jump in the outage month", s)
                    .isGreaterThan(5 * r.at(s, "detractors", 11));
            assertThat(r.at(s, "net_wom", 11)).as("wom-storm (%s): net WOM before the outage", s).isGreaterThan(0.2);
            assertThat(r.at(s, "net_wom", 13)).as("wom-storm (%s): net WOM during the storm", s).isNegative();
            double before = r.at(s, "acquired_wom", 11) + r.at(s, "acquired_referral", 11);
            double storm = r.sum(s, "acquired_wom", 12, 14) + r.sum(s, "acquired_referral", 12, 14);
            assertThat(storm).as("wom-storm (%s): recommendations in months 12-14 (%.0f) under half of three months "
                    + "at the month-11 pace (%.0f)", s, storm, 3 * before).isLessThan(1.5 * before);
        }
        double rep = r.at(base, "reputation", 11);
        int trough = 12;
        while (trough < r.months() && r.at(base, "reputation", trough + 1) < r.at(base, "reputation", trough)) {
            trough++;
        }
        assertThat(rep - r.at(base, "reputation", trough)).as("wom-storm: the reputation falls by 0.3 or more").isGreaterThan(0.3);
        int rebuilt = r.firstMonthAtLeast(base, "reputation", trough, (rep + r.at(base, "reputation", trough)) / 2);
        assertThat(rebuilt - trough).as("wom-storm: months to rebuild half the lost reputation (%d) more than twice the "
                + "months it took to lose it (%d)", rebuilt - trough, trough - 11).isGreaterThan(2 * (trough - 11));
        double before = r.at(base, "net_wom", 11);
        assertThat(r.last(base, "net_wom")).as("wom-storm: net WOM recovers by the end even without recovery")
                .isGreaterThan(before - 0.1);
        int baseBack = r.firstMonthAtLeast(base, "net_wom", 13, before / 2);
        int recBack = r.firstMonthAtLeast(rec, "net_wom", 13, before / 2);
        assertThat(recBack).as("wom-storm: month net WOM is back at half its pre-outage level, service-recovery (%d) "
                + "at least two months before let-it-blow-over (%d)", recBack, baseBack).isLessThanOrEqualTo(baseBack - 2);
        int baseRep = r.firstMonthAtLeast(base, "reputation", 13, rep / 2);
        int recRep = r.firstMonthAtLeast(rec, "reputation", 13, rep / 2);
        assertThat(recRep).as("wom-storm: month the reputation is back at half its pre-outage level, service-recovery "
                + "(%d) before let-it-blow-over (%d)", recRep, baseRep).isLessThan(baseRep);
        assertThat(r.last(rec, PROFIT)).as("wom-storm: cumulative profit, service-recovery > let-it-blow-over")
                .isGreaterThan(r.last(base, PROFIT));
        assertThat(r.last(rec, "active")).as("wom-storm: active customers at the end, service-recovery > "
                + "let-it-blow-over").isGreaterThan(r.last(base, "active"));
        // Over 10 other seeds the lead without the outage was 0.12 to 0.40 of the lead with it.
        WorkshopRun calm = WorkshopRun.run(doc.with("events[0].share", "0"));
        double lead = r.last(rec, PROFIT) - r.last(base, PROFIT);
        assertThat(calm.last(rec, PROFIT) - calm.last(base, PROFIT)).as("wom-storm: without the outage service "
                + "recovery gains far less: under half its lead with it (%.0f)", lead).isLessThan(0.5 * lead);
    }

    /**
     * About five more points of 12-month retention, bought with a member-care programme, earn several percent more
     * profit because the customers kept are customers of long standing: they spend more and need less service
     * (tenureSpendGrowth, tenureServiceDecline). With the tenure effects off a kept customer is worth no more than an
     * ordinary one, and the same programme, keeping the same customers, earns less than doing nothing over the 36
     * months: its cost eats the margin of the customer-months it adds (run for 60 months it pays, but later).
     */
    @Headline(better = "member-care", than = "do-nothing")
    static void retentionEconomics(ScenarioDocument doc) {
        WorkshopRun r = WorkshopRun.run(doc);
        WorkshopRun flat = WorkshopRun.run(doc.with("behaviour.tenureSpendGrowth", "0").with("behaviour.tenureServiceDecline", "0"));
        String base = "do-nothing";
        String care = "member-care";
        double points = r.at(care, "retention_initial", 12) - r.at(base, "retention_initial", 12);
        assertThat(points).as("retention-economics: 12-month retention, member-care − do-nothing").isBetween(0.03, 0.08);
        double gain = r.last(care, PROFIT) / r.last(base, PROFIT) - 1;
        double flatGain = flat.last(care, PROFIT) / flat.last(base, PROFIT) - 1;
        double customerMonths = r.sum(care, "active") / r.sum(base, "active") - 1;
        assertThat(gain).as("retention-economics: profit gain of member-care with tenure effects (%.3f)", gain)
                .isGreaterThan(0.03);
        assertThat(r.at(care, PROFIT, 6)).as("retention-economics: the programme is behind at first: cumulative "
                + "profit at month 6, member-care < do-nothing").isLessThan(r.at(base, PROFIT, 6));
        assertThat(gain - flatGain).as("retention-economics: profit gain with tenure effects (%.3f) − without (%.3f)",
                gain, flatGain).isGreaterThan(0.05);
        assertThat(flatGain).as("retention-economics: without tenure effects the programme earns less than the "
                + "customer-months it adds (%.3f): kept customers are worth no more than ordinary ones", customerMonths)
                .isLessThan(customerMonths / 2);
        assertThat(flat.at(care, "retention_initial", 12) - flat.at(base, "retention_initial", 12))
                .as("retention-economics: the same retention gain without tenure effects").isBetween(points - 0.01, points + 0.01);
        assertThat(r.sum(base, "service_cost") / r.sum(base, "active")).as("retention-economics: service cost per "
                + "customer-month, with tenure effects < without").isLessThan(flat.sum(base, "service_cost") / flat.sum(base, "active"));
    }

    /**
     * Strengthening the tribe (Dib) pays more than spreading the same money over everyone, and both more than doing
     * nothing, because the tribe talks: more customers by recommendation, and a larger tribe at the end (a referred
     * customer copies its referrer's archetype half the time). The mechanism is word of mouth: without imitation and
     * referrals the tribe programme no longer beats spreading the money (it keeps a few customers who rarely leave
     * anyway); without the negative side of word of mouth (damping, reputation, churn effect) the lesson stays.
     */
    @Headline(better = "strengthen-tribe", than = "spread-thin")
    static void tribe(ScenarioDocument doc) {
        WorkshopRun r = WorkshopRun.run(doc);
        String base = "do-nothing";
        String tribe = "strengthen-tribe";
        String thin = "spread-thin";
        assertThat(r.last(tribe, PROFIT)).as("tribe: cumulative profit, strengthen-tribe > spread-thin")
                .isGreaterThan(r.last(thin, PROFIT));
        assertThat(r.last(thin, PROFIT)).as("tribe: cumulative profit, spread-thin > do-nothing")
                .isGreaterThan(r.last(base, PROFIT));
        assertThat(recommended(r, tribe)).as("tribe: customers acquired by recommendation, strengthen-tribe ≥ 1.2 × "
                + "spread-thin").isGreaterThan(1.2 * recommended(r, thin));
        assertThat(r.last(tribe, "segment.tribe")).as("tribe: tribe customers at the end, strengthen-tribe ≥ 1.3 × "
                + "do-nothing").isGreaterThan(1.3 * r.last(base, "segment.tribe"));
        double lead = r.last(tribe, PROFIT) - r.last(thin, PROFIT);

        WorkshopRun silent = WorkshopRun.run(doc.with("market.imitation", "0").with("market.referralConversion", "0"));
        assertThat(silent.last(tribe, PROFIT) - silent.last(thin, PROFIT)).as("tribe: without word of mouth "
                + "(imitation and referrals off) strengthening the tribe no longer beats spreading the money").isNegative();
        WorkshopRun noNegative = WorkshopRun.run(doc.with("market.negativeWeight", "0")
                .with("market.reputation.effect", "0").with("behaviour.negativeWomChurnEffect", "0"));
        assertThat(noNegative.last(tribe, PROFIT) - noNegative.last(thin, PROFIT)).as("tribe: without negative word of "
                + "mouth the lesson stays (at least half the lead of %.0f)", lead).isGreaterThan(lead / 2);
    }

    private static double recommended(WorkshopRun r, String strategy) {
        return r.sum(strategy, "acquired_wom") + r.sum(strategy, "acquired_referral");
    }

    /**
     * A deep sale every other month lifts purchases in the first half-year and ends with less profit than no sales:
     * it gives margin away, and it trains customers to wait. With deal training the share of purchases made in sale
     * months grows from the first year to the third and the price-sensitive segment grows; with training off
     * ({@code dealTraining} 0) the share does not grow, the segment grows less, and the sales cost less. Word of mouth
     * switched off leaves the lesson as it is.
     */
    @Headline(better = "deal-club", than = "no-campaign")
    static void dealTraining(ScenarioDocument doc) {
        WorkshopRun sales = WorkshopRun.run(doc);
        WorkshopRun none = WorkshopRun.run(doc.with("promotions", "[]"));
        WorkshopRun untrained = WorkshopRun.run(doc.with("behaviour.dealTraining", "0"));
        String s = "no-campaign";
        assertThat(sales.sum(s, "purchases", 1, 6)).as("deal-training: purchases in months 1-6, sales > no sales")
                .isGreaterThan(1.05 * none.sum(s, "purchases", 1, 6));
        assertThat(sales.last(s, PROFIT)).as("deal-training: cumulative profit, sales < 0.8 × no sales")
                .isLessThan(0.8 * none.last(s, PROFIT));
        double year1 = saleMonthShare(sales, s, 1, 12);
        double year3 = saleMonthShare(sales, s, 25, 36);
        assertThat(year3).as("deal-training: share of purchases made in sale months, year 3 (%.3f) > year 1 (%.3f) + "
                + "0.03: customers learn to wait", year3, year1).isGreaterThan(year1 + 0.03);
        double untrained3 = saleMonthShare(untrained, s, 25, 36);
        double untrained1 = saleMonthShare(untrained, s, 1, 12);
        assertThat(untrained3).as("deal-training: without deal training the share does not grow (year 1 %.3f, year 3 "
                + "%.3f)", untrained1, untrained3).isLessThanOrEqualTo(untrained1 + 0.01);
        assertThat(sales.last(s, "segment.price-sensitive")).as("deal-training: price-sensitive customers at the end, "
                + "trained > untrained × 1.2").isGreaterThan(1.2 * untrained.last(s, "segment.price-sensitive"));
        assertThat(untrained.last(s, PROFIT)).as("deal-training: cumulative profit with the sales, untrained > trained")
                .isGreaterThan(sales.last(s, PROFIT));
        // The file's second question (its headline): over 10 other seeds the club led by 23k to 99k at this size.
        assertThat(sales.last("deal-club", PROFIT)).as("deal-training: cumulative profit, deal-club > no-campaign")
                .isGreaterThan(sales.last(s, PROFIT));
        WorkshopRun noSalesUntrained = WorkshopRun.run(doc.with("promotions", "[]").with("behaviour.dealTraining", "0"));
        assertThat(untrained.last(s, PROFIT)).as("deal-training: with deal training off the sales still lose against "
                + "no sales").isLessThan(noSalesUntrained.last(s, PROFIT));
        WorkshopRun silent = WorkshopRun.run(doc.with("market.imitation", "0").with("market.referralConversion", "0"));
        assertThat(saleMonthShare(silent, s, 25, 36)).as("deal-training: without word of mouth customers still learn "
                + "to wait").isGreaterThan(saleMonthShare(silent, s, 1, 12) + 0.03);
    }

    /**
     * A discounter sells 20% below us from month 4 ({@code competitorPrice} 0.8): the touched customers remember its
     * price, and through the price response the price-sensitive buy less and leave more. Matching the price only for
     * the customers seen as price-sensitive earns the most; matching it for everyone earns the least (the loyal get 20%
     * they did not need); perks for the loyal earn about what they would without the war. The mechanism is the
     * competitor's price: at 1 (no price cut) the same match earns less than holding the price, and with the price
     * response switched off it does too; with word of mouth or satisfaction switched off the lesson stays.
     */
    @Headline(better = "match-price-sensitive", than = "hold-price")
    static void priceWar(ScenarioDocument doc) {
        String hold = "hold-price";
        String all = "match-everyone";
        String precise = "match-price-sensitive";
        String perks = "defend-the-loyal";
        WorkshopRun war = WorkshopRun.run(doc);
        WorkshopRun peace = WorkshopRun.run(doc.with("events[0].competitorPrice", "1"));
        assertThat(war.last(precise, PROFIT)).as("price-war: cumulative profit, match-price-sensitive > hold-price")
                .isGreaterThan(war.last(hold, PROFIT));
        assertThat(war.last(precise, PROFIT)).as("price-war: cumulative profit, match-price-sensitive > defend-the-loyal")
                .isGreaterThan(war.last(perks, PROFIT));
        assertThat(war.last(all, PROFIT)).as("price-war: cumulative profit, match-everyone < 0.9 × hold-price (20% to "
                + "the loyal, who hardly notice the discounter)").isLessThan(0.9 * war.last(hold, PROFIT));
        assertThat(war.last(all, PROFIT)).as("price-war: matching for everyone earns the least: match-everyone < "
                + "defend-the-loyal").isLessThan(war.last(perks, PROFIT));
        // Perks cost about what they keep (over 10 other seeds within 2.6% of hold-price, with the war and without).
        for (WorkshopRun run : List.of(war, peace)) {
            assertThat(run.last(perks, PROFIT) / run.last(hold, PROFIT)).as("price-war: defend-the-loyal within 4% of "
                    + "hold-price (with the war, then without)").isBetween(0.96, 1.04);
        }
        // The war hits the price-sensitive, not the loyal (hold-price, with the war against without it).
        double bargainHunters = (double) war.activeOfTruth(hold, "price-sensitive") / peace.activeOfTruth(hold, "price-sensitive");
        double loyal = (double) war.activeOfTruth(hold, "loyal") / peace.activeOfTruth(hold, "loyal");
        assertThat(bargainHunters).as("price-war: true price-sensitive customers active at the end under hold-price, "
                + "with the war ÷ without (%.3f), at most 0.95", bargainHunters).isLessThan(0.95);
        assertThat(loyal).as("price-war: true loyal customers active at the end under hold-price, with the war ÷ "
                + "without").isBetween(0.97, 1.03);
        // The lesson goes without the price cut: the match then only gives margin away.
        double lead = war.last(precise, PROFIT) - war.last(hold, PROFIT);
        double peaceLead = peace.last(precise, PROFIT) - peace.last(hold, PROFIT);
        assertThat(peaceLead).as("price-war: without the price cut (competitorPrice 1) match-price-sensitive earns "
                + "less than hold-price").isNegative();
        WorkshopRun deaf = WorkshopRun.run(doc.with("mechanisms.priceResponse", "off"));
        assertThat(deaf.last(precise, PROFIT) - deaf.last(hold, PROFIT)).as("price-war: with the price response off "
                + "match-price-sensitive earns less than hold-price").isNegative();
        // Perks defend customers the war does not touch: their lead moves far less with the war than the match's.
        double perksShift = Math.abs((war.last(perks, PROFIT) - war.last(hold, PROFIT))
                - (peace.last(perks, PROFIT) - peace.last(hold, PROFIT)));
        assertThat(perksShift).as("price-war: what the war changes in defend-the-loyal's lead (%.0f), under half of "
                + "what it changes in match-price-sensitive's (%.0f)", perksShift, lead - peaceLead)
                .isLessThan((lead - peaceLead) / 2);
        // Other mechanisms switched off: the lesson stays.
        for (String m : new String[] {"wordOfMouth", "satisfaction"}) {
            WorkshopRun off = WorkshopRun.run(doc.with("mechanisms." + m, "off"));
            assertThat(off.last(precise, PROFIT) - off.last(hold, PROFIT)).as("price-war: with %s off the lesson "
                    + "stays: match-price-sensitive > hold-price", m).isPositive();
        }
    }

    /** Share of the purchases of months {@code from} … {@code to} made in months with a sale (discounts given). */
    static double saleMonthShare(WorkshopRun r, String strategy, int from, int to) {
        double inSales = 0;
        double all = 0;
        for (int t = from; t <= to; t++) {
            double p = r.at(strategy, "purchases", t);
            all += p;
            if (r.at(strategy, "discount_cost", t) > 0) {
                inSales += p;
            }
        }
        return inSales / all;
    }
}
