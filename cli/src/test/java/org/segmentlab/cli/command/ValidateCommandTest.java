package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** {@code segmentlab validate}: OK lines on stdout, located problems on stderr, exit 0 or 2. */
class ValidateCommandTest {

    /** The shipped scenario, beside the cli module. */
    private static final Path FOUR_TYPES = Path.of("..", "scenarios", "four-types.yaml");

    private static final String MINIMAL = String.join("\n",
            "name: minimal",
            "market: {potential: 1000, initialCustomers: 100}",
            "archetypes:",
            "  - {name: only, share: 1, purchaseRate: 1, spend: 10}",
            "strategies:",
            "  - {name: baseline, treatments: {default: none}}",
            "");

    /** What one run printed. */
    private record Result(int exit, String out, String err) {
    }

    private static Result run(Object command, String... args) {
        CommandLine cmd = new CommandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static Result validate(String... args) {
        return run(new ValidateCommand(), args);
    }

    @Test
    void aValidFileIsOk() {
        Result r = validate(FOUR_TYPES.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("OK: " + FOUR_TYPES + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aBadFilePrintsEveryLocatedProblemOnStderrAndExits2(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, MINIMAL.replace("potential: 1000", "potential: -5").replace("share: 1", "share: 0.5")
                .replace("default: none", "default: nothing"));
        Result r = validate(bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).containsExactly(
                bad + ":2:21: market.potential: must be between 1 and 2e9, got -5",
                bad + ":4:3: archetypes: the shares must sum to 1, got 0.5",
                bad + ":6:44: strategies[0].treatments.default: unknown treatment 'nothing'; allowed: none, loyalty-perks,"
                        + " unique-offer, price-campaign, service-recovery, no-discounts, terminate, service-standards,"
                        + " charge-for-extras, snow-leopard-hunt, basic-service, keep-positive, fix-root-cause, win-back");
    }

    @Test
    void checksEveryFileAndFailsIfAnyIsBad(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.yaml");
        Path bad = dir.resolve("bad.yaml");
        Path missing = dir.resolve("missing.yaml");
        Files.writeString(good, MINIMAL);
        Files.writeString(bad, "name: [broken\n");
        Result r = validate(good.toString(), bad.toString(), missing.toString(), FOUR_TYPES.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().lines()).containsExactly("OK: " + good, "OK: " + FOUR_TYPES);
        assertThat(r.err().lines()).hasSize(2).satisfies(lines -> {
            assertThat(lines.get(0)).startsWith(bad + ":2:1: YAML syntax error");
            assertThat(lines.get(1)).isEqualTo(missing + ": no such file");
        });
    }

    @Test
    void appliesOverridesAndLocatesTheirProblems() {
        Result ok = validate("--set", "market.imitation=0.3", "--set", "archetypes[0].churn={dist: beta, alpha: 2, beta: 30}",
                FOUR_TYPES.toString());
        assertThat(ok.exit()).isZero();

        Result bad = validate("--set", "market.imitation=12", FOUR_TYPES.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("--set market.imitation:1:1: market.imitation: must be between 0 and 10, got 12"
                + System.lineSeparator());

        Result unknown = validate("--set", "market.imitaton=0.3", FOUR_TYPES.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown key 'imitaton'; did you mean 'imitation'?");
    }

    @Test
    void aMalformedOverrideIsAnOptionError() {
        Result r = validate("--set", "market.imitation", FOUR_TYPES.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("expected PATH=VALUE, e.g. market.imitation=0.3, got 'market.imitation'");
    }

    @Test
    void needsAFile() {
        Result r = validate();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter: 'FILE'");
    }

    /** Registered under a parent with inherited standard options, as segmentlab does. */
    @Command(name = "segmentlab", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
            subcommands = {ValidateCommand.class, SchemaCommand.class})
    static final class Parent implements Runnable {
        @Override
        public void run() {
        }
    }

    @Test
    void worksAsAVerbWithInheritedHelp() {
        Result help = run(new Parent(), "validate", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: segmentlab validate", "--set=PATH=VALUE", "Exit codes:");
        assertThat(run(new Parent(), "validate", FOUR_TYPES.toString()).out()).startsWith("OK: ");
    }
}
