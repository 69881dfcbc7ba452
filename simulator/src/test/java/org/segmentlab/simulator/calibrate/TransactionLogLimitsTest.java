package org.segmentlab.simulator.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The reader's limits: every value, field, line and sum past its limit is refused at its {@code file:line:column}
 * (or skipped and counted), and an input that is not text, or never ends a line, is read no further than the limit.
 */
class TransactionLogLimitsTest {

    private static final TransactionLogReader CSV = TransactionLogReader.of(TransactionLogFormat.CSV, ColumnMapping.defaults());

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String messageOf(TransactionLogReader reader, String source, String s) {
        TransactionLogException e = assertThrows(TransactionLogException.class,
                () -> reader.read(text(s), source, PurchaseHistory.builder()));
        return e.getMessage();
    }

    @Test
    void amountsQuantitiesAndDiscountsHaveASaneFiniteRange() {
        assertThat(messageOf(TransactionLogReader.cdnow(), "log.txt", "a 1 19970101 1 1e308\n"))
                .isEqualTo("log.txt:1:16: amount: must be at most 1e12, got 1e308");
        assertThat(messageOf(TransactionLogReader.cdnow(), "log.txt", "a 1 19970101 2e9 10\n"))
                .isEqualTo("log.txt:1:14: quantity: must be at most 1e9, got 2e9");
        assertThat(messageOf(CSV, "log.csv", "customer,date,amount,discount\na,19970101,10,5e12\n"))
                .isEqualTo("log.csv:2:15: discount: must be at most 1e12, got 5e12");
    }

    /** Two lines of 1e308 for one customer used to sum to Infinity; now a customer's total is capped at its line. */
    @Test
    void aCustomerTotalThatWouldPassTheLimitIsReportedAtTheLineThatPassesIt() {
        StringBuilder log = new StringBuilder("b 1 19970101 1 5\n");
        for (int i = 0; i < 1001; i++) {
            log.append("a 1 19970101 1 1e12\n");
        }
        assertThat(messageOf(TransactionLogReader.cdnow(), "log.txt", log.toString()))
                .isEqualTo("log.txt:1002:16: amount: customer a's amounts add up to more than 1.0E15 at this line;"
                        + " a customer's total may be at most 1.0E15 (are the amounts in the right unit?)");
    }

    @Test
    void skippingALineThatPassesTheTotalKeepsTheCustomerBelowIt() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 1002; i++) {
            log.append("a 1 19970101 1 1e12\n");
        }
        PurchaseHistory.Builder builder = PurchaseHistory.builder();
        ReadSummary summary = TransactionLogReader.cdnow().skippingBadLines().read(text(log.toString()), "log.txt", builder);
        PurchaseHistory history = builder.build();
        assertThat(summary.skipped()).isEqualTo(2);
        assertThat(summary.firstSkipped().get(0).line()).isEqualTo(1001);
        assertThat(history.amount(0)).isEqualTo(1e15);
    }

    @Test
    void aFieldLongerThanTheLimitIsLocatedInEitherLayout() {
        String id = "x".repeat(TransactionLogReader.MAX_FIELD_CHARS + 1);
        assertThat(messageOf(TransactionLogReader.cdnow(), "log.txt", "a 1 19970101 1 5\n" + id + " 1 19970101 1 5\n"))
                .isEqualTo("log.txt:2:1: customer: the value has 4097 characters; a field may have at most 4096");
        assertThat(messageOf(CSV, "log.csv", "customer,date,amount\n" + id + ",19970101,5\n"))
                .isEqualTo("log.csv:2:4097: field 1 is longer than 4096 characters; a field may have at most 4096");
    }

    /** A missing closing quote would otherwise swallow the rest of the file into one field. */
    @Test
    void anUnterminatedQuoteStopsAtTheFieldLimitAndSaysWhere() {
        String rest = "b,19970101,5\n".repeat(1000);
        assertThat(messageOf(CSV, "log.csv", "customer,date,amount\n\"a,19970101,5\n" + rest))
                .startsWith("log.csv:317:2: ").contains("field 1 is longer than 4096 characters")
                .contains("a quoted field opened on line 2: is its closing quote missing?");
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedWithoutReadingItAll() {
        // An endless line: the read must stop at the limit, not at the end of the input.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        TransactionLogException e = assertThrows(TransactionLogException.class,
                () -> TransactionLogReader.cdnow().read(endless, "pipe", t -> { }));
        assertThat(e.getMessage()).isEqualTo("pipe:1:65537: the line is longer than 65536 characters; a line may have"
                + " at most 65536 (is this a transaction log?)");
    }

    @Test
    void skippingGoesOnAfterALineTooLong() throws IOException {
        String log = "a 1 19970101 1 5\n" + "y".repeat(70_000) + "\nb 1 19970102 1 6\n";
        List<Transaction> all = new ArrayList<>();
        ReadSummary summary = TransactionLogReader.cdnow().skippingBadLines().read(text(log), "log.txt", all::add);
        assertThat(all).extracting(Transaction::customer).containsExactly("a", "b");
        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(summary.firstSkipped().get(0).toString()).startsWith("log.txt:2:65537: the line is longer");
        assertThat(summary.lines()).isEqualTo(3);
    }

    /** {@code /dev/zero} and other binary input: stopped at the first NUL even when bad lines are skipped. */
    @Test
    void binaryDataStopsTheReadEvenWhenSkipping() {
        InputStream zeros = new InputStream() {
            @Override
            public int read() {
                return 0;
            }
        };
        TransactionLogException e = assertThrows(TransactionLogException.class,
                () -> TransactionLogReader.cdnow().skippingBadLines().read(zeros, "/dev/zero", t -> { }));
        assertThat(e.getMessage()).isEqualTo("/dev/zero:1:1: a NUL character: this is binary data, not a text transaction log");
        TransactionLogException csv = assertThrows(TransactionLogException.class, () -> CSV.skippingBadLines()
                .read(text("customer,date,amount\na,1997\u00000101,5\n"), "log.csv", t -> { }));
        assertThat(csv.getMessage()).isEqualTo("log.csv:2:7: a NUL character: this is binary data, not a text log");
    }

    @Test
    void theSummaryLocatesTheLastDay() throws IOException {
        ReadSummary summary = TransactionLogReader.cdnow().read(
                text("a 1 19970101 1 5\nb 1 29970101 1 5\nc 1 19970301 1 5\nd 1 29970101 1 5\n"), "log.txt", t -> { });
        assertThat(summary.lastDateAt().toString()).isEqualTo("log.txt:2:5: date: " + LocalDate.of(2997, 1, 1)
                + ", the log's last day");
    }
}
