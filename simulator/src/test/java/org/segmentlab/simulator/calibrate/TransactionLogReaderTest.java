package org.segmentlab.simulator.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionLogReaderTest {

    private static final TransactionLogReader CSV = TransactionLogReader.of(TransactionLogFormat.CSV, ColumnMapping.defaults());

    private static List<Transaction> read(TransactionLogReader reader, String source, String text) throws IOException {
        List<Transaction> out = new ArrayList<>();
        reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), source, out::add);
        return out;
    }

    private static String messageOf(TransactionLogReader reader, String source, String text) {
        TransactionLogException e = assertThrows(TransactionLogException.class, () -> read(reader, source, text));
        assertThat(e.problems()).hasSize(1);
        return e.getMessage();
    }

    // ---- whitespace (CDNOW) ----------------------------------------------------------------------------------

    @Test
    void readsTheWholeCdnowSample() throws IOException {
        List<Transaction> all = new ArrayList<>();
        ReadSummary summary = TransactionLogReader.cdnow().read(TestData.cdnowSample(), all::add);

        assertThat(summary.transactions()).isEqualTo(6919);
        assertThat(summary.lines()).isEqualTo(6919);
        assertThat(summary.skipped()).isZero();
        assertThat(summary.format()).isEqualTo(TransactionLogFormat.WHITESPACE);
        assertThat(all).hasSize(6919);
        Set<String> customers = new HashSet<>();
        all.forEach(t -> customers.add(t.customer()));
        assertThat(customers).hasSize(2357);
        // First line: " 00004 0001 19970101  2   29.33" (CRLF).
        assertThat(all.get(0)).isEqualTo(new Transaction("00004", LocalDate.of(1997, 1, 1), 29.33, 2, 0));
        assertThat(all.get(all.size() - 1)).isEqualTo(new Transaction("23569", LocalDate.of(1997, 3, 25), 25.74, 2, 0));
        assertThat(all).allSatisfy(t -> assertThat(t.date()).isBetween(LocalDate.of(1997, 1, 1), LocalDate.of(1998, 6, 30)));
    }

    @Test
    void readsTheCommittedExcerptWithCrlfLineEnds() throws IOException {
        List<Transaction> all = new ArrayList<>();
        ReadSummary summary;
        try (InputStream in = TestData.excerpt()) {
            summary = TransactionLogReader.cdnow().read(in, TestData.EXCERPT, all::add);
        }
        assertThat(summary.transactions()).isEqualTo(300);
        assertThat(all.get(299)).isEqualTo(new Transaction("01343", LocalDate.of(1997, 1, 6), 9.97, 1, 0));
    }

    @Test
    void aBadAmountIsLocatedByFileAndLine(@TempDir Path dir) throws IOException {
        Path file = TestData.excerptCopy(dir);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        assertThat(lines.get(16)).isEqualTo(" 00111 0006 19970726  2   71.96");
        lines.set(16, " 00111 0006 19970726  2   abc");
        Files.write(file, lines);

        TransactionLogException e = assertThrows(TransactionLogException.class,
                () -> TransactionLogReader.cdnow().read(file, t -> { }));
        assertThat(e.getMessage()).isEqualTo(file + ":17:27: amount: not a number: 'abc'");
        assertThat(e.problems()).containsExactly(new BadLine(file.toString(), 17, 27, "amount: not a number: 'abc'"));
    }

    @Test
    void skippingModeCountsBadLinesAndKeepsTheGoodOnes() throws IOException {
        String text = "1 x 19970101 1 10\n"
                + "2 x 19970132 1 10\n"
                + "3 x 19970101 1\n"
                + "4 x 19970101 1 -5\n"
                + "5 x 19970102 2 20\n";
        List<Transaction> good = new ArrayList<>();
        ReadSummary summary = TransactionLogReader.cdnow().skippingBadLines()
                .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "log.txt", good::add);

        assertThat(good).extracting(Transaction::customer).containsExactly("1", "5");
        assertThat(summary.transactions()).isEqualTo(2);
        assertThat(summary.skipped()).isEqualTo(3);
        assertThat(summary.lines()).isEqualTo(5);
        assertThat(summary.firstSkipped()).extracting(BadLine::toString).containsExactly(
                "log.txt:2:5: date: no such day: '19970132'",
                "log.txt:3: expected at least 5 whitespace-separated columns, got 4",
                "log.txt:4:16: amount: must be >= 0, got -5 (returns are not supported: remove them, or skip bad lines)");
    }

    @Test
    void skippingModeKeepsOnlyTheFirstBadLinesButCountsAll() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append("c 1 2 3 x\n");
        }
        ReadSummary summary = TransactionLogReader.cdnow().skippingBadLines()
                .read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), "log.txt", t -> { });
        assertThat(summary.skipped()).isEqualTo(50);
        assertThat(summary.firstSkipped()).hasSize(TransactionLogReader.REPORTED_BAD_LINES);
    }

    @Test
    void blankLinesCommentsTabsAndMixedLineEndsAreFine() throws IOException {
        String text = "# customer sample date qty amount\r\n\r\n  a\t1\t19970101\t2\t29.33\r"
                + "b 2 1997-01-02 1 1e1\n   \n";
        List<Transaction> all = read(TransactionLogReader.cdnow(), "log.txt", text);
        assertThat(all).containsExactly(
                new Transaction("a", LocalDate.of(1997, 1, 1), 29.33, 2, 0),
                new Transaction("b", LocalDate.of(1997, 1, 2), 10, 1, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x 1 1997010 1 10 | log.txt:1:5: date: not a date (yyyyMMdd or yyyy-MM-dd): '1997010'",
        "x 1 19970229 1 10 | log.txt:1:5: date: no such day: '19970229'",
        "x 1 19970101 1 $10 | log.txt:1:16: amount: not a number: '$10'",
        "x 1 19970101 1 1,5 | log.txt:1:16: amount: not a number: '1,5'",
        "x 1 19970101 1 NaN | log.txt:1:16: amount: not a number: 'NaN'",
        "x 1 19970101 1 0x10 | log.txt:1:16: amount: not a number: '0x10'",
        "x 1 19970101 1 1e999 | log.txt:1:16: amount: number too large: '1e999'",
        "x 1 19970101 -1 10 | log.txt:1:14: quantity: must be >= 0, got -1",
        "x 1 19970101 two 10 | log.txt:1:14: quantity: not a number: 'two'",
    })
    void badValuesSayWhichFieldAndWhy(String line, String message) {
        assertThat(messageOf(TransactionLogReader.cdnow(), "log.txt", line + "\n"))
                .isEqualTo(message);
    }

    @Test
    void whitespaceMappingByPositionAndNone() throws IOException {
        ColumnMapping mapping = ColumnMapping.defaults()
                .with(LogField.CUSTOMER, "2").with(LogField.DATE, "1").with(LogField.AMOUNT, "3")
                .with(LogField.QUANTITY, ColumnMapping.NONE);
        List<Transaction> all = read(TransactionLogReader.of(TransactionLogFormat.WHITESPACE, mapping), "log.txt",
                "20200105 alice 12.50\n");
        assertThat(all).containsExactly(new Transaction("alice", LocalDate.of(2020, 1, 5), 12.5, Double.NaN, 0));
    }

    @Test
    void whitespaceMappingErrorsNameTheField() {
        ColumnMapping byName = ColumnMapping.defaults().with(LogField.AMOUNT, "revenue");
        assertThat(messageOf(TransactionLogReader.of(TransactionLogFormat.WHITESPACE, byName), "log.txt", "a 1 19970101 1 2\n"))
                .isEqualTo("log.txt: amount: a whitespace log's columns are numbered from 1, got 'revenue' (only a CSV log has column names)");
        ColumnMapping clash = ColumnMapping.defaults().with(LogField.AMOUNT, "4");
        assertThat(messageOf(TransactionLogReader.of(TransactionLogFormat.WHITESPACE, clash), "log.txt", "a 1 19970101 1 2\n"))
                .isEqualTo("log.txt: amount and quantity both read column 4 (map one of them elsewhere, or an optional one to 'none')");
        assertThatThrownBy(() -> ColumnMapping.defaults().with(LogField.CUSTOMER, "none"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("customer: is required and cannot be 'none'");
        assertThatThrownBy(() -> ColumnMapping.defaults().with(LogField.DATE, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("date: the column must not be empty");
    }

    @Test
    void notUtf8IsBadInput() {
        byte[] latin1 = "m\u00fcller 1 19970101 1 10\n".getBytes(StandardCharsets.ISO_8859_1);
        TransactionLogException e = assertThrows(TransactionLogException.class, () -> TransactionLogReader.cdnow()
                .read(new ByteArrayInputStream(latin1), "log.txt", t -> { }));
        assertThat(e.getMessage()).startsWith("log.txt:1: not valid UTF-8 text");
    }

    // ---- CSV -------------------------------------------------------------------------------------------------

    @Test
    void csvWithDefaultHeaderNames() throws IOException {
        String text = "\uFEFFOrder Date,Customer ID,Revenue,Qty,Discount,Note\r\n"
                + "2020-01-05,alice,12.50,2,0,plain\r\n"
                + "2020-01-06T10:15:00,\"bob, jr.\",\"1000.5\",,10%,\"said \"\"hi\"\"\"\r\n"
                + "\r\n"
                + "2020-01-07 08:00,carol,3,1,yes,\"two\nlines\"\r\n"
                + "20200108,dave,4,1,no,x";
        List<Transaction> all = read(CSV, "log.csv", text);
        assertThat(all).containsExactly(
                new Transaction("alice", LocalDate.of(2020, 1, 5), 12.5, 2, 0),
                new Transaction("bob, jr.", LocalDate.of(2020, 1, 6), 1000.5, Double.NaN, 0.1),
                new Transaction("carol", LocalDate.of(2020, 1, 7), 3, 1, 1),
                new Transaction("dave", LocalDate.of(2020, 1, 8), 4, 1, 0));
        assertThat(all.get(1).discounted()).isTrue();
        assertThat(all.get(3).discounted()).isFalse();
    }

    @Test
    void csvLineNumbersCountPhysicalLines() {
        String text = "customer,date,amount,note\n"
                + "a,2020-01-01,1,\"spans\nthree\nlines\"\n"
                + "b,2020-01-01,oops,x\n";
        assertThat(messageOf(CSV, "log.csv", text)).isEqualTo("log.csv:5:14: amount: not a number: 'oops'");
        String withBlankAbove = "\n\ncustomer,date,amount\n\"a\",2020-01-01,1\nb,2020-02-30,1\n";
        assertThat(messageOf(CSV, "log.csv", withBlankAbove)).isEqualTo("log.csv:5:3: date: no such day: '2020-02-30'");
    }

    @Test
    void csvWithAnExplicitMappingByNameOrPosition() throws IOException {
        ColumnMapping mapping = ColumnMapping.defaults()
                .with(LogField.CUSTOMER, "client")
                .with(LogField.DATE, "WHEN")           // ignoring case
                .with(LogField.AMOUNT, "3")            // by position
                .with(LogField.DISCOUNT, "promo_code_value");
        String text = "client;when;paid;promo code value\n"
                + "x;19970101;5,00;\n"              // "5,00" is one field: the delimiter is ';' — but not a number
                + "y;19970102;7.5;2\n";
        TransactionLogReader reader = TransactionLogReader.of(TransactionLogFormat.CSV, mapping).skippingBadLines();
        List<Transaction> all = new ArrayList<>();
        ReadSummary summary = reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "log.csv", all::add);
        assertThat(all).containsExactly(new Transaction("y", LocalDate.of(1997, 1, 2), 7.5, Double.NaN, 2));
        assertThat(summary.firstSkipped()).extracting(BadLine::toString)
                .containsExactly("log.csv:2:12: amount: not a number: '5,00'");
    }

    @Test
    void csvRecognisesCommonHeaderNames() throws IOException {
        List<Transaction> all = read(CSV, "log.csv", "Client,Purchase Date,Value,Items\na,20200101,1,3\n");
        assertThat(all).containsExactly(new Transaction("a", LocalDate.of(2020, 1, 1), 1, 3, 0));
    }

    @Test
    void csvTabDelimited() throws IOException {
        List<Transaction> all = read(CSV, "log.tsv", "customer\tdate\tamount\n\"a\"\t2020-01-01\t1\n");
        assertThat(all).containsExactly(new Transaction("a", LocalDate.of(2020, 1, 1), 1, Double.NaN, 0));
    }

    @Test
    void csvHeaderProblemsListTheColumns() {
        assertThat(messageOf(CSV, "log.csv", "who,date,value\na,20200101,1\n")).isEqualTo(
                "log.csv:1: customer: no column named customer, customerid, custid, client, clientid (ignoring case"
                        + " and punctuation) in the header; its columns are: who, date, value. Say which column holds"
                        + " the customer (command line: --customer COLUMN); if the file has no header, it is not CSV:"
                        + " use the whitespace format");
        TransactionLogReader named = TransactionLogReader.of(TransactionLogFormat.CSV,
                ColumnMapping.defaults().with(LogField.AMOUNT, "price"));
        assertThat(messageOf(named, "log.csv", "customer,date,value\n")).isEqualTo(
                "log.csv:1: amount: no column 'price' in the header; its 3 columns are: customer, date, value");
        TransactionLogReader beyond = TransactionLogReader.of(TransactionLogFormat.CSV,
                ColumnMapping.defaults().with(LogField.AMOUNT, "9"));
        assertThat(messageOf(beyond, "log.csv", "customer,date,value\n"))
                .startsWith("log.csv:1: amount: no column '9' in the header");
        assertThat(messageOf(CSV, "log.csv", "customer,date,amount,Date\n")).isEqualTo(
                "log.csv:1: date: the header has two columns that could hold the date ('date' and 'Date'); say which");
    }

    @Test
    void malformedCsvRecords() {
        assertThat(messageOf(CSV, "log.csv", "customer,date,amount\n\"a\"x,20200101,1\n"))
                .isEqualTo("log.csv:2:4: field 1: text after the closing quote (a quote inside a quoted field is written \"\")");
        assertThat(messageOf(CSV, "log.csv", "customer,date,amount\na,20200101,1\n\"b,20200101,1\nc,20200101,1\n"))
                .isEqualTo("log.csv:3:1: unterminated quoted field (opened on line 3; the closing quote is missing)");
        assertThat(messageOf(CSV, "log.csv", "customer,date,amount\na,20200101\n"))
                .isEqualTo("log.csv:2: expected at least 3 fields, got 2");
    }

    @Test
    void skippingMalformedCsvGoesOnAfterTheLine() throws IOException {
        String text = "customer,date,amount\n\"a\"x,20200101,1\nb,20200101,2\n";
        List<Transaction> all = new ArrayList<>();
        ReadSummary summary = CSV.skippingBadLines()
                .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "log.csv", all::add);
        assertThat(all).extracting(Transaction::customer).containsExactly("b");
        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(summary.lines()).isEqualTo(3);
    }

    @Test
    void anEmptyFileHasNoTransactions() throws IOException {
        assertThat(read(CSV, "log.csv", "")).isEmpty();
        assertThat(read(CSV, "log.csv", "customer,date,amount\n")).isEmpty();
        assertThat(read(TransactionLogReader.cdnow(), "log.txt", "\n\n")).isEmpty();
    }

    // ---- auto ------------------------------------------------------------------------------------------------

    @Test
    void autoDetectsTheLayout() throws IOException {
        TransactionLogReader auto = TransactionLogReader.of(TransactionLogFormat.AUTO, ColumnMapping.defaults());
        assertThat(TransactionLogReader.detect("log.CSV", "a b c")).isEqualTo(TransactionLogFormat.CSV);
        assertThat(TransactionLogReader.detect("log.txt", "a;b;c")).isEqualTo(TransactionLogFormat.CSV);
        assertThat(TransactionLogReader.detect("log.txt", " 00004 0001 19970101  2   29.33"))
                .isEqualTo(TransactionLogFormat.WHITESPACE);

        List<Transaction> fromCsv = new ArrayList<>();
        ReadSummary csv = auto.read(new ByteArrayInputStream("\ncustomer,date,amount\na,20200101,1\n"
                .getBytes(StandardCharsets.UTF_8)), "log", fromCsv::add);
        assertThat(csv.format()).isEqualTo(TransactionLogFormat.CSV);
        assertThat(fromCsv).hasSize(1);

        ReadSummary ws;
        try (InputStream in = TestData.excerpt()) {
            ws = auto.read(in, TestData.EXCERPT, t -> { });
        }
        assertThat(ws.format()).isEqualTo(TransactionLogFormat.WHITESPACE);
        assertThat(ws.transactions()).isEqualTo(300);
    }

    @Test
    void parseDateAcceptsBothForms() {
        assertThat(TransactionLogReader.parseDate("19980630")).isEqualTo(LocalDate.of(1998, 6, 30));
        assertThat(TransactionLogReader.parseDate("1998-06-30")).isEqualTo(LocalDate.of(1998, 6, 30));
        assertThatThrownBy(() -> TransactionLogReader.parseDate("30/06/1998"))
                .hasMessage("not a date (yyyyMMdd or yyyy-MM-dd): '30/06/1998'");
    }

    @Test
    void transactionChecksItsValues() {
        LocalDate d = LocalDate.of(2020, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> new Transaction("", d, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Transaction("a", d, -1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Transaction("a", d, Double.NaN, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Transaction("a", d, 1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Transaction("a", d, 1, 1, -0.5));
        assertThat(new Transaction("a", d, 1, Double.NaN, 0).quantity()).isNaN();
        assertThat(new Transaction("a", d, 1.25, 1, 0).amount()).isCloseTo(1.25, within(0.0));
    }
}
