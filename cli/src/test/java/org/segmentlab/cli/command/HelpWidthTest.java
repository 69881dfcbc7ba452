package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.segmentlab.cli.SegmentLabCommand;

import picocli.CommandLine.ParameterException;

/**
 * Every verb's {@code --help}, as printed to a pipe (80 columns), fits 80 columns, and its examples are whole
 * commands: picocli wraps a line longer than the width wherever it finds a break (inside a path, after a dot), so
 * each example line must fit as written, continued with {@code \} — never wrapped by picocli.
 */
class HelpWidthTest {

    static List<String> verbs() {
        return DocExamplesTest.HelpText.verbs();
    }

    @ParameterizedTest(name = "segmentlab {0} --help")
    @MethodSource("verbs")
    void helpFitsEightyColumns(String verb) {
        List<String> lines = DocExamplesTest.HelpText.lines(verb);
        List<String> tooWide = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).length() > 80) {
                tooWide.add((i + 1) + " (" + lines.get(i).length() + "): " + lines.get(i));
            }
        }
        assertThat(tooWide).as("lines over 80 columns in %s", DocExamplesTest.HelpText.source(verb)).isEmpty();
    }

    @ParameterizedTest(name = "segmentlab {0} --help")
    @MethodSource("verbs")
    void everyExampleLineIsACompleteCommand(String verb) {
        List<String> lines = DocExamplesTest.HelpText.lines(verb);
        String source = DocExamplesTest.HelpText.source(verb);
        int start = lines.indexOf("Examples:");
        if (start < 0) {
            return; // no examples section (validate, schema, the top level)
        }
        // Every line of the section is a command, a continuation of the one above (which ends with \) or blank
        // (the end of the section): a fragment picocli wrapped onto its own line is neither.
        boolean continues = false;
        for (int i = start + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
            String line = lines.get(i);
            assertThat(continues || line.startsWith("  " + DocExample.LAUNCHER + " "))
                    .as("%s:%d is not a command nor a continued line: '%s'", source, i + 1, line).isTrue();
            continues = line.endsWith("\\");
        }
        assertThat(continues).as("%s: the last example ends with a \\ and nothing follows", source).isFalse();
        List<DocExample> examples = DocExample.ofHelp(source, lines);
        assertThat(examples).as("examples in %s", source).isNotEmpty();
        for (DocExample e : examples) {
            try {
                SegmentLabCommand.commandLine().parseArgs(e.args().toArray(new String[0]));
            } catch (ParameterException ex) {
                throw new AssertionError(e.where() + ": " + e.text() + " does not parse: " + ex.getMessage(), ex);
            }
        }
    }
}
