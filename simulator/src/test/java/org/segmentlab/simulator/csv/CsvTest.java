package org.segmentlab.simulator.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one writing rule: the exact text of tricky fields, the same bytes as every writer it replaced (their shared
 * rule, kept here as the oracle), and what it writes reads back through {@link CsvReader}.
 */
class CsvTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "plain|plain",
            "a,b|'\"a,b\"'",
            "say \"hi\"|'\"say \"\"hi\"\"\"'",
            "'\"'|'\"\"\"\"'",
            "'#1'|'#1'",              // a leading # is not quoted (Commons CSV's MINIMAL mode would)
            "'!x'|'!x'",
            "'  padded  '|'  padded  '",
            "{dist: beta, alpha: 2}|'\"{dist: beta, alpha: 2}\"'",
            "a;b;c|a;b;c",
            "-1.5E-7|-1.5E-7"})
    void writesTheseFieldsExactly(String field, String written) {
        assertThat(Csv.field(field)).isEqualTo(written);
        assertThat(Csv.appendField(new StringBuilder("x,"), field)).hasToString("x," + written);
    }

    @Test
    void lineBreaksAndTheEmptyField() {
        assertThat(Csv.field("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(Csv.field("a\rb")).isEqualTo("\"a\rb\"");
        assertThat(Csv.field("")).isEmpty();
        assertThat(Csv.appendRecord(new StringBuilder(), List.of("a", "", "b,c", ""))).hasToString("a,,\"b,c\",");
    }

    /** Byte for byte what the five writers wrote (they all had this rule, written five ways). */
    @Property(tries = 2000)
    void sameBytesAsTheRuleItReplaced(@ForAll @StringLength(max = 12) @Chars({',', '"', '\n', '\r', ' ', '#', 'a', ';'})
                                      @CharRange(from = 'a', to = 'e') String field) {
        String old = field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0
                ? field : '"' + field.replace("\"", "\"\"") + '"';
        assertThat(Csv.field(field)).isEqualTo(old);
    }

    /** A written record reads back as its fields (a CR inside a field reads as LF, as every line break does). */
    @Property(tries = 2000)
    void roundTrips(@ForAll @Size(min = 1, max = 6) List<@StringLength(max = 8) @Chars({',', '"', '\n', '\r', ' ', '\t', 'x'})
                    @CharRange(from = 'a', to = 'c') String> fields) throws Exception {
        String line = Csv.appendRecord(new StringBuilder(), fields).toString();
        List<String> expected = fields.stream().map(f -> f.replace("\r\n", "\n").replace('\r', '\n')).toList();
        assertThat(CsvReader.split(line)).isEqualTo(expected);
    }
}
