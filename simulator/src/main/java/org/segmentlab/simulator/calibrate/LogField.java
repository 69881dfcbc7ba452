package org.segmentlab.simulator.calibrate;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** A field a transaction log provides, and where to find it when the user does not say. */
public enum LogField {
    /** The customer id (required). */
    CUSTOMER("customer", true, 1, List.of("customer", "customerid", "custid", "client", "clientid")),
    /** The day of the transaction, {@code yyyyMMdd} or {@code yyyy-MM-dd} (required). */
    DATE("date", true, 3, List.of("date", "orderdate", "transactiondate", "purchasedate", "invoicedate")),
    /** The money the transaction brought (required). */
    AMOUNT("amount", true, 5, List.of("amount", "revenue", "sales", "value", "total")),
    /** The number of items (optional). */
    QUANTITY("quantity", false, 4, List.of("quantity", "qty", "items")),
    /** The discount given, as an amount or a rate; any value &gt; 0 marks a discounted purchase (optional). */
    DISCOUNT("discount", false, 0, List.of("discount"));

    private final String key;
    private final boolean required;
    private final int whitespaceColumn;
    private final List<String> headerNames;

    LogField(String key, boolean required, int whitespaceColumn, List<String> headerNames) {
        this.key = key;
        this.required = required;
        this.whitespaceColumn = whitespaceColumn;
        this.headerNames = headerNames;
    }

    /** The name in messages and on the command line ({@code --amount}). */
    public String key() {
        return key;
    }

    public boolean required() {
        return required;
    }

    /** The default 1-based column in a whitespace log (the CDNOW layout), if the field has one. */
    public OptionalInt whitespaceColumn() {
        return whitespaceColumn > 0 ? OptionalInt.of(whitespaceColumn) : OptionalInt.empty();
    }

    /**
     * The CSV header names recognised when the user maps nothing, compared after {@link #normalize(String)}
     * (so {@code Customer ID}, {@code customer_id} and {@code CustomerId} all match {@code customerid}).
     */
    public List<String> headerNames() {
        return headerNames;
    }

    /** Lower case, letters and digits only: how default header names are compared. */
    public static String normalize(String header) {
        StringBuilder b = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
