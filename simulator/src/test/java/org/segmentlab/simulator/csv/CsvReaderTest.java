package org.segmentlab.simulator.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one CSV reader: RFC 4180 records, line and column of every field and every error, limits, binary input. */
class CsvReaderTest {

    private static List<List<String>> readAll(CsvReader reader) throws Exception {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        while (reader.next(fields)) {
            records.add(List.copyOf(fields));
        }
        return records;
    }

    @Test
    void readsQuotedFieldsLineBreaksAndEveryLineEnd() throws Exception {
        String text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",x\rlast,\n\nend";
        CsvReader reader = CsvReader.of(new StringReader(text));
        List<String> fields = new ArrayList<>();
        assertThat(reader.next(fields)).isTrue();
        assertThat(fields).containsExactly("a", "b,c", "say \"hi\"");
        assertThat(reader.recordLine()).isEqualTo(1);
        assertThat(reader.fieldColumn(1)).isEqualTo(3);
        assertThat(reader.next(fields)).isTrue();
        assertThat(fields).containsExactly("two\nlines", "x");
        assertThat(reader.recordLine()).isEqualTo(2);
        assertThat(reader.fieldLine(1)).isEqualTo(3);
        assertThat(reader.next(fields)).isTrue();
        assertThat(fields).containsExactly("last", "");
        assertThat(reader.recordLine()).isEqualTo(4);
        assertThat(reader.next(fields)).isTrue();
        assertThat(fields).containsExactly(""); // an empty line: one empty field
        assertThat(reader.next(fields)).isTrue();
        assertThat(fields).containsExactly("end");
        assertThat(reader.lastLine()).isEqualTo(6);
        assertThat(reader.next(fields)).isFalse();
    }

    @Test
    void blanksAroundQuotesAreDroppedUnquotedFieldsKeptAsIs() throws Exception {
        assertThat(CsvReader.split("  \"a\"  , b ,c\"d")).containsExactly("a", " b ", "c\"d");
        assertThat(CsvReader.split("")).containsExactly("");
        assertThat(CsvReader.split(",")).containsExactly("", "");
    }

    @Test
    void otherDelimiters() throws Exception {
        CsvReader semicolons = new CsvReader(new StringReader("\"A; Inc.\";2020-01-10;100,5\n"), ';', 1, 100, 10, false);
        assertThat(readAll(semicolons)).containsExactly(List.of("A; Inc.", "2020-01-10", "100,5"));
        CsvReader tabs = new CsvReader(new StringReader("a\t b\t\"c\"\n"), '\t', 1, 100, 10, false);
        assertThat(readAll(tabs)).containsExactly(List.of("a", " b", "c"));
        assertThatThrownBy(() -> new CsvReader(new StringReader(""), '"', 1, 10, 10, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorsSayWhere() {
        assertThatThrownBy(() -> CsvReader.split("a,\"b"))
                .isInstanceOfSatisfying(CsvReader.MalformedRecord.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e).hasMessage("unterminated quoted field (opened on line 1; the closing quote is missing)");
                });
        assertThatThrownBy(() -> CsvReader.split("a,\"b\"c,d"))
                .isInstanceOfSatisfying(CsvReader.MalformedRecord.class, e -> {
                    assertThat(e.column()).isEqualTo(6);
                    assertThat(e).hasMessageStartingWith("field 2: text after the closing quote");
                });
    }

    @Test
    void theFirstLineNumberIsTheCallers() throws Exception {
        CsvReader reader = new CsvReader(new StringReader("x\n\"y"), ',', 41, 100, 10, false);
        List<String> fields = new ArrayList<>();
        assertThat(reader.next(fields)).isTrue();
        assertThat(reader.recordLine()).isEqualTo(41);
        assertThatThrownBy(() -> reader.next(fields))
                .isInstanceOfSatisfying(CsvReader.MalformedRecord.class, e -> assertThat(e.line()).isEqualTo(42));
    }

    @Test
    void limitsStopTheRecordAndResynchronisingGoesOn() throws Exception {
        CsvReader reader = new CsvReader(new StringReader("abcdef,1\nok,2\na,b,c,d\nfine,3\n"), ',', 1, 5, 3, true);
        List<String> fields = new ArrayList<>();
        assertThatThrownBy(() -> reader.next(fields))
                .isInstanceOfSatisfying(CsvReader.MalformedRecord.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e).hasMessageContaining("field 1 is longer than 5 characters");
                });
        assertThat(reader.next(fields)).isTrue();
        assertThat(fields).containsExactly("ok", "2");
        assertThatThrownBy(() -> reader.next(fields))
                .isInstanceOfSatisfying(CsvReader.MalformedRecord.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e).hasMessageContaining("more than 3 fields");
                });
        assertThat(reader.next(fields)).isTrue();
        assertThat(fields).containsExactly("fine", "3");
    }

    @Test
    void aNulMeansBinaryInput() {
        CsvReader reader = CsvReader.of(new StringReader("a,b\u0000c\n"));
        assertThatThrownBy(() -> reader.next(new ArrayList<>()))
                .isInstanceOfSatisfying(CsvReader.MalformedRecord.class, e -> {
                    assertThat(e.binary()).isTrue();
                    assertThat(e.column()).isEqualTo(4);
                });
    }

    @Test
    void manyFieldsGrowTheirPositions() throws Exception {
        String line = String.join(",", java.util.Collections.nCopies(100, "v"));
        CsvReader reader = CsvReader.of(new StringReader(line));
        List<String> fields = new ArrayList<>();
        assertThat(reader.next(fields)).isTrue();
        assertThat(fields).hasSize(100);
        assertThat(reader.fieldColumn(99)).isEqualTo(199);
    }

    @Test
    void aLongInputCrossesTheBuffer() throws IOException, CsvReader.MalformedRecord {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(",\"q,").append(i).append("\"\n");
        }
        CsvReader reader = CsvReader.of(new StringReader(text.toString()));
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            assertThat(reader.next(fields)).isTrue();
            assertThat(fields).containsExactly(Integer.toString(i), "q," + i);
        }
        assertThat(reader.next(fields)).isFalse();
    }
}
