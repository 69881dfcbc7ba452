package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code initialPopulation: {file: customers.csv}}: read relative to the scenario, every bad row located. */
class InitialPopulationFileTest {

    static final String HEADER = String.join(",", InitialPopulation.COLUMNS);
    static final String GOOD_ROW = "c1,calibrated,0.8,1.5,0.25,0.8,2.5,4.2,150,-9,-2,0;0;0;1;0;0;0;0;1;0;1;0,0;0;0;12;0;0;0;0;30.5;0;9.99;0";

    @TempDir
    Path dir;

    private Path scenario(int initialCustomers, String file) throws IOException {
        String yaml = String.join("\n",
                "name: from data",
                "market: {potential: 100, initialCustomers: " + initialCustomers + "}",
                "archetypes:",
                "  - {name: calibrated, share: 1, purchaseRate: 1, spend: 10, dropout: {dist: beta, alpha: 0.8, beta: 2.5}}",
                "strategies: [{name: as-is, treatments: {default: none}}]",
                "initialPopulation: {file: " + file + "}", "");
        Path p = dir.resolve("scenario.yaml");
        Files.writeString(p, yaml, StandardCharsets.UTF_8);
        return p;
    }

    private void customers(String... rows) throws IOException {
        Files.write(dir.resolve("customers.csv"), List.of(rows), StandardCharsets.UTF_8);
    }

    private static List<String> problems(Path scenario) {
        try {
            Scenarios.load(scenario).scenario();
        } catch (ScenarioException e) {
            return e.problems().stream().map(LocatedProblem::toString).toList();
        }
        throw new AssertionError("expected problems with " + scenario);
    }

    @Test
    void readsTheCustomersRelativeToTheScenarioFile() throws IOException {
        customers(HEADER, GOOD_ROW, GOOD_ROW.replace("c1,", "c2,"));
        Scenario s = Scenarios.load(scenario(2, "customers.csv")).scenario();
        InitialPopulation p = s.initialPopulation();
        assertThat(p.size()).isEqualTo(2);
        assertThat(p.customers()).containsExactly("c1", "c2");
        assertThat(p.file()).isEqualTo(dir.resolve("customers.csv").toAbsolutePath().normalize());
        assertThat(p.historyMonths()).isEqualTo(12);
        assertThat(p.purchases(0, -4)).isEqualTo(1);
        assertThat(p.revenue(0, -4)).isEqualTo(30.5);
        assertThat(p.revenue(0, -3)).isZero();
        assertThat(p.revenue(0, -2)).isEqualTo(9.99);
        assertThat(p.firstPurchase()[0]).isEqualTo((short) -9);
        assertThat(s.archetypes().get(0).dropout()).isEqualTo(new Distribution.Beta(0.8, 2.5));
        // The resolved scenario names the file absolutely, so it still runs from a report folder.
        assertThat(ScenarioWriter.toYaml(s)).contains("file: \"" + p.file() + "\"").contains("dropout: {dist: beta");
    }

    @Test
    void aMissingFileIsReportedAtTheKey() throws IOException {
        assertThat(problems(scenario(1, "nowhere.csv"))).singleElement().satisfies(m -> assertThat(m)
                .contains("scenario.yaml:6:").contains("initialPopulation.file: no such file").contains("nowhere.csv"));
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndColumnName() throws IOException {
        customers(HEADER,
                GOOD_ROW,
                GOOD_ROW.replace("c1,calibrated,0.8", "c2,loyal,0.8"),
                GOOD_ROW.replace("c1,calibrated,0.8,1.5", "c3,calibrated,1.7,-1.5"),
                GOOD_ROW.replace(",-9,-2,", ",-2,-9,"),
                GOOD_ROW.replace("0;0;0;1;", "0;x;0;1;"),
                "c9,calibrated,0.5");
        List<String> problems = problems(scenario(6, "customers.csv"));
        String csv = dir.resolve("customers.csv").toAbsolutePath().normalize().toString();
        assertThat(problems).containsExactly(
                csv + ":3:1: initialPopulation.file: column archetype: 'loyal' is not an archetype of the scenario; allowed: calibrated",
                csv + ":4:1: initialPopulation.file: column alive: must be >= 0 and <= 1, got 1.7",
                csv + ":4:1: initialPopulation.file: column rateShape: must be > 0 and <= 1000000000000, got -1.5",
                csv + ":5:1: initialPopulation.file: column lastPurchase: must be >= firstPurchase (-2), got -9",
                csv + ":6:1: initialPopulation.file: column purchases: must be a number, got 'x'",
                csv + ":7:1: initialPopulation.file: needs 13 columns, got 3");
    }

    @Test
    void theHeaderMustBeTheDocumentedOne() throws IOException {
        customers("id,archetype", "c1,calibrated");
        assertThat(problems(scenario(1, "customers.csv"))).singleElement().satisfies(m -> assertThat(m)
                .contains(":1:1: initialPopulation.file: the header must be customer,archetype,alive"));
    }

    @Test
    void initialCustomersMustMatchTheFile() throws IOException {
        customers(HEADER, GOOD_ROW);
        assertThat(problems(scenario(3, "customers.csv"))).singleElement().satisfies(m -> assertThat(m)
                .contains("scenario.yaml:2:").contains("market.initialCustomers: must equal the 1 customers of customers.csv, got 3"));
    }

    @Test
    void aHistoryShorterThanTheFeatureWindowIsRefused() throws IOException {
        customers(HEADER, "c1,calibrated,1,1,1,1,1,1,1,-2,-1,1;1,10;10");
        assertThat(problems(scenario(1, "customers.csv"))).singleElement().satisfies(m -> assertThat(m)
                .contains("has 2 months of history; behaviour.featureWindow (12) needs at least that many"));
    }

    @Test
    void scenarioTextNotFromAFileCannotNameFiles() throws IOException {
        String yaml = Files.readString(scenario(1, "customers.csv"));
        assertThatThrownBy(() -> Scenarios.parse(yaml, "<workbench>").scenario())
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("<workbench>:6:")
                .hasMessageContaining("files can only be named by a scenario read from a file on this machine");
    }
}
