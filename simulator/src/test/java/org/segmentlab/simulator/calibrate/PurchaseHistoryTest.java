package org.segmentlab.simulator.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PurchaseHistoryTest {

    private static Transaction t(String customer, String date, double amount, double quantity, double discount) {
        return new Transaction(customer, TransactionLogReader.parseDate(date), amount, quantity, discount);
    }

    @Test
    void mergesSameDayLinesIntoOnePurchaseWhateverTheOrder() {
        List<Transaction> lines = new ArrayList<>(List.of(
                t("b", "2020-01-03", 5, 1, 0),
                t("a", "2020-01-02", 10, 1, 0),
                t("a", "2020-01-01", 1, 2, 0),
                t("a", "2020-01-02", 2.5, 3, 0.2),
                t("b", "2020-01-01", 7, 1, 0)));
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            Collections.rotate(lines, 1);
            PurchaseHistory.Builder builder = PurchaseHistory.builder();
            lines.forEach(builder);
            PurchaseHistory h = builder.build();

            assertThat(h.customers()).containsExactly("a", "b");
            assertThat(h.transactionCount()).isEqualTo(5);
            assertThat(h.purchaseCount()).isEqualTo(4);
            int a = h.indexOf("a");
            assertThat(h.purchaseEnd(a) - h.purchaseStart(a)).isEqualTo(2);
            int p = h.purchaseStart(a);
            assertThat(h.date(p)).isEqualTo(LocalDate.of(2020, 1, 1));
            assertThat(h.date(p + 1)).isEqualTo(LocalDate.of(2020, 1, 2));
            assertThat(h.amount(p + 1)).isCloseTo(12.5, within(1e-12));
            assertThat(h.quantity(p + 1)).isEqualTo(4);
            assertThat(h.discounted(p + 1)).isTrue();
            assertThat(h.discounted(p)).isFalse();
            assertThat(h.firstDate()).isEqualTo(LocalDate.of(2020, 1, 1));
            assertThat(h.lastDate()).isEqualTo(LocalDate.of(2020, 1, 3));
        }
    }

    @Test
    void cdnowSampleHas6696PurchasesOf2357Customers() throws IOException {
        PurchaseHistory.Builder builder = PurchaseHistory.builder();
        TransactionLogReader.cdnow().read(TestData.cdnowSample(), builder);
        PurchaseHistory h = builder.build();

        assertThat(h.customerCount()).isEqualTo(2357);
        assertThat(h.transactionCount()).isEqualTo(6919);
        // Fader, Hardie & Lee merge same-day lines: 6,919 lines are 6,696 customer-days.
        assertThat(h.purchaseCount()).isEqualTo(6696);
        assertThat(h.customer(0)).isEqualTo("00004");
        assertThat(h.customer(2356)).isEqualTo("23569");
        assertThat(h.firstDate()).isEqualTo(LocalDate.of(1997, 1, 1));
        assertThat(h.lastDate()).isEqualTo(LocalDate.of(1998, 6, 30));
    }

    @Test
    void excerptWithoutSharedData() throws IOException {
        PurchaseHistory.Builder builder = PurchaseHistory.builder();
        try (InputStream in = TestData.excerpt()) {
            TransactionLogReader.cdnow().read(in, TestData.EXCERPT, builder);
        }
        PurchaseHistory h = builder.build();
        assertThat(h.customerCount()).isEqualTo(111);
        assertThat(h.purchaseCount()).isEqualTo(292);
        assertThat(h.quantity(h.purchaseStart(0))).isEqualTo(2);
    }

    @Test
    void idsOrderDigitsByValueThenText() {
        List<String> ids = new ArrayList<>(List.of("b", "10", "A", "9", "009", "0", "a-1", "", "00"));
        ids.sort(PurchaseHistory.ID_ORDER);
        assertThat(ids).containsExactly("0", "00", "009", "9", "10", "", "A", "a-1", "b");
    }

    @Property(tries = 300, seed = "20240601")
    void idOrderIsATotalOrder(@ForAll @StringLength(max = 3) @NumericChars @AlphaChars @Chars({'-', ' '}) String a,
            @ForAll @StringLength(max = 3) @NumericChars @AlphaChars @Chars({'-', ' '}) String b,
            @ForAll @StringLength(max = 3) @NumericChars @AlphaChars @Chars({'-', ' '}) String c) {
        var order = PurchaseHistory.ID_ORDER;
        assertThat(Integer.signum(order.compare(a, b))).isEqualTo(-Integer.signum(order.compare(b, a)));
        assertThat(order.compare(a, b) == 0).isEqualTo(a.equals(b));
        if (order.compare(a, b) <= 0 && order.compare(b, c) <= 0) {
            assertThat(order.compare(a, c)).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void anEmptyHistoryHasNoDates() {
        PurchaseHistory h = PurchaseHistory.builder().build();
        assertThat(h.isEmpty()).isTrue();
        assertThatThrownBy(h::lastDate).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBuilderBuildsOnce() {
        PurchaseHistory.Builder builder = PurchaseHistory.builder();
        builder.accept(t("a", "2020-01-01", 1, 1, 0));
        builder.build();
        assertThatThrownBy(() -> builder.accept(t("a", "2020-01-01", 1, 1, 0))).isInstanceOf(IllegalStateException.class);
    }
}
