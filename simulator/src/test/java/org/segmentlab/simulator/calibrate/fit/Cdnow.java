package org.segmentlab.simulator.calibrate.fit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;

import org.segmentlab.simulator.calibrate.PurchaseHistory;
import org.segmentlab.simulator.calibrate.TestData;
import org.segmentlab.simulator.calibrate.TransactionLogReader;

/**
 * The CDNOW sample as the fit tests use it: read once from the repository copy ({@link TestData#cdnowSample()}),
 * summarised over FHL's 39-week calibration period 1997-01-01 … 1997-09-30 in weeks, with the
 * 39-week holdout 1997-10-01 … 1998-06-30.
 */
final class Cdnow {
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

    private static PurchaseHistory history;
    private static CustomerSummaries summaries;

    private Cdnow() {
    }

    static synchronized PurchaseHistory history() {
        if (history == null) {
            PurchaseHistory.Builder builder = PurchaseHistory.builder();
            try {
                TransactionLogReader.cdnow().read(sample(), builder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            history = builder.build();
        }
        return history;
    }

    static synchronized CustomerSummaries weekly() {
        if (summaries == null) {
            summaries = CustomerSummaries.of(history(), CALIBRATION_END, HOLDOUT_END, TimeUnit.WEEKS);
        }
        return summaries;
    }

    static Path sample() {
        return TestData.cdnowSample();
    }
}
