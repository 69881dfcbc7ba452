package org.segmentlab.simulator.calibrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Where the tests find their data, all of it inside the repository: the full CDNOW sample is the project's
 * {@code data/cdnow/CDNOW_sample.txt}, on the test classpath as {@code /cdnow/CDNOW_sample.txt} (see the README
 * beside it for its source and licence); its first 300 lines are the resource {@code cdnow-excerpt.txt} (111
 * customers, 292 purchases) for tests that need a small log. A test's own few purchases: {@link #history}.
 */
public final class TestData {
    static final String CDNOW = "CDNOW_sample.txt";
    static final String EXCERPT = "cdnow-excerpt.txt";
    private static final String CDNOW_RESOURCE = "/cdnow/" + CDNOW;

    private TestData() {
    }

    /** The full CDNOW sample (6,919 lines, 2,357 customers) as a file: the copy on the test classpath. */
    public static Path cdnowSample() {
        URL url = TestData.class.getResource(CDNOW_RESOURCE);
        if (url == null) {
            throw new IllegalStateException("test resource " + CDNOW_RESOURCE + " is missing (data/cdnow/ at the project root)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resource " + CDNOW_RESOURCE + " is not a file: " + url, e);
        }
    }

    static InputStream excerpt() {
        InputStream in = TestData.class.getResourceAsStream(EXCERPT);
        if (in == null) {
            throw new IllegalStateException("test resource " + EXCERPT + " is missing");
        }
        return in;
    }

    /**
     * A purchase history written in a test, one customer a string: the customer's id, then each purchase as
     * {@code date:amount} (quantity 1, no discount), in the order the log lists them; e.g.
     * {@code "a 2020-01-01:5 2020-01-15:20"}.
     */
    public static PurchaseHistory history(String... customers) {
        PurchaseHistory.Builder b = PurchaseHistory.builder();
        for (String customer : customers) {
            String[] words = customer.split(" ");
            for (int i = 1; i < words.length; i++) {
                String[] purchase = words[i].split(":");
                b.accept(new Transaction(words[0], LocalDate.parse(purchase[0]), Double.parseDouble(purchase[1]), 1, 0));
            }
        }
        return b.build();
    }

    /** The excerpt copied to a file (for tests that edit it). */
    static Path excerptCopy(Path dir) {
        try (InputStream in = excerpt()) {
            Path file = dir.resolve(CDNOW);
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
