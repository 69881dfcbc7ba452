package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The {@code promotions} block: both forms bind to the {@link Promotions} they say (sale months burn-in included),
 * it is {@link Promotions#NONE} when absent, it survives the writer, and {@code --set} reaches it in either form.
 * (Each wrong input's exact located message is in the bad catalogue: {@code bad/promotions-*.yaml}.)
 */
class PromotionsBindingTest {

    private static final String BASE = MinimalScenario.yaml("promotions");

    private static ScenarioDocument base() {
        return Scenarios.parse(BASE, "base.yaml");
    }

    private static Promotions bind(String promotions) {
        return Scenarios.parse(BASE + "promotions: " + promotions + "\n", "p.yaml").scenario().promotions();
    }

    /** The months in [from, to] with a sale. */
    private static List<Integer> saleMonths(Promotions p, int from, int to) {
        return IntStream.rangeClosed(from, to).filter(t -> p.discountIn(t) > 0).boxed().toList();
    }

    @Test
    void thePeriodicFormBindsWithItsSaleMonthsInTheBurnInToo() {
        Promotions p = bind("{every: 3, length: 1, discount: 0.15, start: 2}");
        assertThat(p).isEqualTo(new Promotions(new Promotions.Periodic(3, 1, 0.15, 2), List.of()));
        assertThat(saleMonths(p, -12, 12)).containsExactly(-10, -7, -4, -1, 2, 5, 8, 11);
        assertThat(p.discountIn(5)).isEqualTo(0.15);
    }

    @Test
    void thePeriodicFormDefaultsToOneMonthSalesStartingInMonthOne() {
        Promotions p = bind("{every: 4, discount: 0.2}");
        assertThat(p.periodic()).isEqualTo(new Promotions.Periodic(4, 1, 0.2, 1));
        assertThat(saleMonths(p, -8, 9)).containsExactly(-7, -3, 1, 5, 9);
    }

    @Test
    void aSaleAsLongAsItsPeriodIsASaleEveryMonth() {
        Promotions p = bind("{every: 2, length: 2, discount: 0.1}");
        assertThat(saleMonths(p, -12, 36)).hasSize(49);
    }

    @Test
    void theListFormBindsEachSaleAndOverlapsTakeTheLargerDiscount() {
        Promotions p = bind("[{month: -3, discount: 0.3}, {month: 11, discount: 0.2, length: 2}, {month: 12, discount: 0.25},"
                + " {month: 11, discount: 0.1}]");
        assertThat(p.periodic()).isNull();
        assertThat(p.sales()).containsExactly(new Promotions.Sale(-3, 0.3, 1), new Promotions.Sale(11, 0.2, 2),
                new Promotions.Sale(12, 0.25, 1), new Promotions.Sale(11, 0.1, 1));
        assertThat(saleMonths(p, -12, 36)).containsExactly(-3, 11, 12);
        assertThat(p.discountIn(-3)).isEqualTo(0.3);
        // The same month twice and two sales overlapping are not mistakes: the larger discount holds.
        assertThat(p.discountIn(11)).isEqualTo(0.2);
        assertThat(p.discountIn(12)).isEqualTo(0.25);
    }

    @Test
    void absentOrAnEmptyListIsNoPromotions() {
        assertThat(base().scenario().promotions()).isEqualTo(Promotions.NONE);
        assertThat(bind("[]")).isEqualTo(Promotions.NONE);
        assertThat(Promotions.NONE.any()).isFalse();
    }

    @Test
    void everyMistakeIsReportedAtOnceNotOnlyTheFirst() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> bind("{every: 0, discount: 0, start: 2000, lenght: 1}"));
        assertThat(e.problems()).extracting(LocatedProblem::path)
                .containsExactly("promotions.every", "promotions.discount", "promotions.start", "promotions.lenght");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.source()).isEqualTo("p.yaml"));
        assertThat(e.problems().get(3).message()).contains("did you mean 'length'?");
    }

    @Test
    void aListLongerThanEveryAllowedMonthIsRefusedWhole() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> bind(sales(PromotionsReader.MAX_SALES + 1)));
        assertThat(e.problems()).extracting(LocatedProblem::withoutSource)
                .containsExactly("7:13: promotions: must have at most 2401 sales, got 2402");
        assertThat(bind(sales(PromotionsReader.MAX_SALES)).sales()).hasSize(2401);
    }

    private static String sales(int n) {
        return "[" + String.join(", ", java.util.Collections.nCopies(n, "{month: 1, discount: 0.1}")) + "]";
    }

    @Test
    void bothFormsSurviveTheWriter() {
        for (String form : List.of("{every: 3, length: 2, discount: 0.15, start: -4}", "[{month: -2, discount: 0.3},"
                + " {month: 7, discount: 0.123456789, length: 3}]", "[]")) {
            Scenario s = base().with("promotions", form).scenario();
            String yaml = ScenarioWriter.toYaml(s);
            assertThat(Scenarios.parse(yaml, "written").scenario()).as(form).isEqualTo(s);
        }
        assertThat(ScenarioWriter.toYaml(base().scenario())).contains("\npromotions: []\n");
        assertThat(ScenarioWriter.toYaml(base().with("promotions", "{every: 3, discount: 0.2}").scenario()))
                .contains("\npromotions:\n  every: 3\n  length: 1\n  discount: 0.2\n  start: 1\n");
    }

    // ---- --set

    @Test
    void setReachesTheKeysOfThePeriodicForm() {
        ScenarioDocument periodic = base().with("promotions", "{every: 3, discount: 0.15}");
        assertThat(periodic.with("promotions.every", "2").scenario().promotions().periodic())
                .isEqualTo(new Promotions.Periodic(2, 1, 0.15, 1));
        assertThat(periodic.with("promotions.start", "-5").with("promotions.length", "2").scenario().promotions().periodic())
                .isEqualTo(new Promotions.Periodic(3, 2, 0.15, -5));
    }

    @Test
    void setOnAScenarioWithoutPromotionsStartsAPeriodicSaleThatNeedsItsDiscount() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> base().with("promotions.every", "2").scenario());
        assertThat(e.problems()).extracting(LocatedProblem::path, LocatedProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("promotions.discount",
                        "is required (the fraction off every purchase in a sale, e.g. 0.15)"));
        Scenario s = base().with("promotions.every", "2").with("promotions.discount", "0.1").scenario();
        assertThat(s.promotions().periodic()).isEqualTo(new Promotions.Periodic(2, 1, 0.1, 1));
    }

    @Test
    void setReachesASaleOfTheListFormByIndex() {
        ScenarioDocument list = base().with("promotions", "[{month: 11, discount: 0.3}, {month: 23, discount: 0.3}]");
        Scenario s = list.with("promotions[1].discount", "0.4").with("promotions[0].length", "2").scenario();
        assertThat(s.promotions().sales()).containsExactly(new Promotions.Sale(11, 0.3, 2), new Promotions.Sale(23, 0.4, 1));
    }

    @Test
    void setReportsAValueItCannotReachAtTheOverride() {
        ScenarioDocument list = base().with("promotions", "[{month: 11, discount: 0.3}]");
        ScenarioDocument periodic = base().with("promotions", "{every: 3, discount: 0.15}");
        List<String> messages = new ArrayList<>();
        for (Runnable r : List.<Runnable>of(
                () -> list.with("promotions.every", "2"),
                () -> list.with("promotions[1].discount", "0.2"),
                () -> periodic.with("promotions[0].discount", "0.2"),
                () -> base().with("promotions[0].discount", "0.2"),
                () -> periodic.with("promotions.month", "2"))) {
            ScenarioException e = assertThrows(ScenarioException.class, r::run);
            assertThat(e.problems()).hasSize(1);
            LocatedProblem p = e.problems().get(0);
            messages.add(p.source() + ": " + p.path() + ": " + p.message());
        }
        assertThat(messages).containsExactly(
                "--set promotions.every: promotions: is a list; address its items by index, e.g. promotions[0].discount,"
                        + " or set it as a whole mapping",
                "--set promotions[1].discount: promotions[1]: is out of range: promotions has 1 item, [0] to [0]",
                "--set promotions[0].discount: promotions: is a mapping (the periodic form); address its keys by name,"
                        + " e.g. promotions.every, or set it as a whole list",
                "--set promotions[0].discount: promotions: is not in the scenario; set it as a whole list",
                "--set promotions.month: promotions.month: unknown key 'month'; allowed: every, length, discount, start");
    }

    @Test
    void aBadValueFromSetIsLocatedAtTheOverride() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> base().with("promotions", "{every: 3, discount: 0.15}").with("promotions.discount", "0").scenario());
        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).startsWith("--set promotions.discount:1:1: promotions.discount: must be > 0 and at most"
                + " 0.95, got 0; a sale with no discount changes nothing");
    }
}
