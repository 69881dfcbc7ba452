package org.segmentlab.simulator.calibrate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.segmentlab.simulator.calibrate.fit.BgNbd;
import org.segmentlab.simulator.calibrate.fit.CustomerSummaries;
import org.segmentlab.simulator.calibrate.fit.GammaGamma;
import org.segmentlab.simulator.csv.Csv;
import org.segmentlab.simulator.scenario.InitialPopulation;

/**
 * A scenario that starts from a transaction log's own customers, in the engine's monthly steps: one archetype
 * whose purchase rate, dropout and spend are the fitted BG/NBD and Gamma-Gamma mixtures (for customers acquired
 * later), and a {@code customers.csv} giving every real customer the posterior of those traits given their history,
 * their probability of still being active, and their monthly purchases and revenue before month 0.
 *
 * <p>Why this reproduces the fitted models: while active, a customer's purchases are a Poisson process with rate λ
 * and after each purchase they leave with probability p (the engine's {@code dropout}); given a customer's
 * (x, t<sub>x</sub>, T), λ | active ~ gamma(r + x, α + T) and p | active ~ beta(a, b + x), independent, and
 * P(active) is the BG/NBD's. Spend: the customer's mean basket ζ = p<sub>GG</sub>/ν with ν | data ~
 * gamma(q + p<sub>GG</sub>·x, γ + x·m̄), an inverse gamma. Month 0 is the end of the calibration period; month −1
 * the {@value #DAYS_PER_MONTH_TEXT} days before it.
 */
public final class CalibratedBase {

    public static final String SCENARIO = "scenario.yaml";
    public static final String CUSTOMERS = "customers.csv";
    static final String DAYS_PER_MONTH_TEXT = "30.44";

    /** What the written scenario says beyond the fits. */
    public record Settings(String name, String source, String currency, double grossMargin, String taxonomy,
                           int months, int replications, long seed, int featureWindow) {
    }

    private CalibratedBase() {
    }

    /** Writes {@value #SCENARIO} and {@value #CUSTOMERS} into {@code dir} (which must exist). */
    public static void write(Path dir, PurchaseHistory history, CustomerSummaries summaries, BgNbd bgNbd,
                             GammaGamma spend, Settings settings) throws IOException {
        writeCustomers(dir.resolve(CUSTOMERS), history, summaries, bgNbd, spend, settings.featureWindow());
        Files.writeString(dir.resolve(SCENARIO), scenarioYaml(summaries, bgNbd, spend, settings), StandardCharsets.UTF_8);
    }

    /** Model time units in one engine month. */
    static double unitsPerMonth(CustomerSummaries s) {
        return LogFeatures.DAYS_PER_MONTH / s.unit().days();
    }

    /** The engine month of a day, counted back from the calibration end (that day and the 30 before: month −1). */
    static int monthOf(long epochDay, long endDay) {
        return -1 - (int) Math.floor((endDay - epochDay) / LogFeatures.DAYS_PER_MONTH);
    }

    private static void writeCustomers(Path file, PurchaseHistory history, CustomerSummaries s, BgNbd bg,
                                       GammaGamma gg, int window) throws IOException {
        double k = unitsPerMonth(s);
        long end = s.calibrationEnd().toEpochDay();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(256);
            out.append(Csv.appendRecord(line, InitialPopulation.COLUMNS).append('\n'));
            int[] purchases = new int[window];
            double[] revenue = new double[window];
            for (int i = 0; i < s.size(); i++) {
                int c = s.historyRow(i);
                java.util.Arrays.fill(purchases, 0);
                java.util.Arrays.fill(revenue, 0);
                int first = 0;
                int last = Integer.MIN_VALUE;
                for (int p = history.purchaseStart(c); p < history.purchaseEnd(c); p++) {
                    long day = history.epochDay(p);
                    if (day > end) {
                        break;
                    }
                    int month = monthOf(day, end);
                    first = Math.min(first, month);
                    last = Math.max(last, month);
                    if (month >= -window) {
                        purchases[window + month]++;
                        revenue[window + month] += history.amount(p);
                    }
                }
                int x = s.repeats(i);
                double age = s.age(i);
                double meanSpend = x > 0 ? s.meanRepeatSpend(i) : 0;
                line.setLength(0);
                out.append(Csv.appendRecord(line, List.of(history.customer(c), "calibrated",
                        number(bg.probabilityAlive(x, s.lastPurchaseTime(i), age)),
                        number(bg.r() + x), number(k / (bg.alpha() + age)),
                        number(bg.a()), number(bg.b() + x),
                        number(gg.q() + gg.p() * x), number(gg.p() * (gg.gamma() + x * meanSpend)),
                        Integer.toString(first), Integer.toString(last), join(purchases), join(revenue))).append('\n'));
            }
        }
    }

    private static String join(int[] values) {
        StringJoiner j = new StringJoiner(";");
        for (int v : values) {
            j.add(Integer.toString(v));
        }
        return j.toString();
    }

    private static String join(double[] values) {
        StringJoiner j = new StringJoiner(";");
        for (double v : values) {
            j.add(v == 0 ? "0" : String.format(Locale.ROOT, "%.2f", v));
        }
        return j.toString();
    }

    /** Shortest text that reads back as the same double. */
    private static String number(double x) {
        return Double.toString(x);
    }

    static String scenarioYaml(CustomerSummaries s, BgNbd bg, GammaGamma gg, Settings settings) {
        double k = unitsPerMonth(s);
        String unit = s.unit().key();
        // The population's mean basket ζ ~ inverse gamma(q, p·γ); a lognormal with its mean and variance stands in
        // (the scenario format has no inverse gamma). With q ≤ 2 the variance is infinite: sigma 1 then.
        double mean = gg.q() > 1 ? gg.p() * gg.gamma() / (gg.q() - 1) : gg.p() * gg.gamma();
        double cv2 = gg.q() > 2 ? 1 / (gg.q() - 2) : Math.E - 1;
        double sigma = Math.sqrt(Math.log1p(cv2));
        double median = mean / Math.sqrt(1 + cv2);
        double basketNoise = Math.min(10, Math.sqrt(Math.log1p(1 / gg.p())));
        int n = s.size();
        LocalDate end = s.calibrationEnd();
        StringBuilder y = new StringBuilder();
        y.append("# Calibrated by segmentlab calibrate from ").append(settings.source()).append(", calibration period up to ")
                .append(end).append(" (").append(unit).append(").\n");
        y.append(String.format(Locale.ROOT, "# BG/NBD: r = %.4g, alpha = %.4g %s, a = %.4g, b = %.4g. Gamma-Gamma: p = %.4g, q = %.4g, gamma = %.4g.%n",
                bg.r(), bg.alpha(), unit, bg.a(), bg.b(), gg.p(), gg.q(), gg.gamma()));
        y.append("# Month 0 is ").append(end).append("; each month is ").append(DAYS_PER_MONTH_TEXT)
                .append(" days. The customers and their own posteriors are in ").append(CUSTOMERS).append(".\n");
        y.append("name: ").append(quote(settings.name())).append('\n');
        y.append("description: ").append(quote("The " + n + " customers of " + settings.source() + " as of " + end
                + ", simulated forward under each strategy. Purchases and dropout follow the fitted BG/NBD, spend the"
                + " Gamma-Gamma model; the log says nothing of satisfaction, service or word of mouth, so those are"
                + " neutral until you change them.")).append('\n');
        y.append("seed: ").append(settings.seed()).append('\n');
        y.append("months: ").append(settings.months()).append('\n');
        y.append("replications: ").append(settings.replications()).append('\n');
        y.append("market:\n");
        y.append("  potential: ").append(n).append("   # a closed base: raise potential and innovation to let new customers in\n");
        y.append("  initialCustomers: ").append(n).append('\n');
        y.append("  innovation: 0\n  imitation: 0\n");
        y.append("economics:\n");
        y.append("  currency: ").append(settings.currency()).append('\n');
        y.append("  grossMargin: ").append(number(settings.grossMargin())).append('\n');
        y.append("behaviour:\n  featureWindow: ").append(settings.featureWindow()).append('\n');
        y.append("archetypes:\n");
        y.append("  - name: calibrated\n    share: 1\n");
        y.append(String.format(Locale.ROOT, "    purchaseRate: {dist: gamma, shape: %s, scale: %s}   # BG/NBD lambda ~ gamma(r, alpha), per month%n",
                number(bg.r()), number(k / bg.alpha())));
        y.append(String.format(Locale.ROOT, "    dropout: {dist: beta, alpha: %s, beta: %s}            # BG/NBD p: leaves right after a purchase%n",
                number(bg.a()), number(bg.b())));
        y.append(String.format(Locale.ROOT, "    spend: {dist: lognormal, median: %.4f, sigma: %.4f}   # mean and variance of Gamma-Gamma's mean spend%n",
                median, sigma));
        y.append(String.format(Locale.ROOT, "    basketNoise: %.4f   # the spread of one basket around the mean: Gamma-Gamma's 1/sqrt(p)%n", basketNoise));
        y.append("    priceSensitivity: {dist: beta, alpha: 2, beta: 5}   # an assumption: the log has no discounts\n");
        y.append("    satisfaction: 0.7\n");
        y.append("taxonomy: ").append(settings.taxonomy()).append('\n');
        y.append(strategies(settings.taxonomy()));
        y.append("initialPopulation:\n  file: ").append(CUSTOMERS).append('\n');
        return y.toString();
    }

    /** An as-is baseline and one textbook alternative for the taxonomy's segments. */
    private static String strategies(String taxonomy) {
        String alternative = switch (taxonomy) {
            case "circles" -> "  - name: perks-for-the-top\n    treatments: {default: none, circle-1: loyalty-perks, circle-2: unique-offer}\n";
            case "dib" -> "  - name: textbook\n    treatments: {default: none, snow-leopard: loyalty-perks, tribe: unique-offer, vampire: no-discounts}\n";
            default -> "  - name: textbook\n    treatments: {default: none, loyal: loyalty-perks, fence-sitter: unique-offer}\n";
        };
        return "strategies:\n  - name: as-is\n    treatments: {default: none}\n" + alternative;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
