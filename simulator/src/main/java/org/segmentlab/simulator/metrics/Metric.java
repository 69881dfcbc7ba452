package org.segmentlab.simulator.metrics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fixed per-month metrics of {@code metrics.csv}, in output order, each declared once: its name, its unit, a short
 * title (and a longer axis name where the title is too short for an axis) and what it measures. Charts that plot a
 * metric the user chose (sweeps, tornado) take their axis and title from here. Names are a public contract.
 * Per-segment counts ({@code segment.<name>}) and classifier scores are added per scenario. The table of docs/model.md ("Metrics") is derived from these ({@link MetricDocs}).
 */
public enum Metric {
    ACTIVE("active", Unit.COUNT, "Active customers", null, "active customers at the end of the month"),
    ACQUIRED_ADS("acquired_ads", Unit.COUNT, "New customers from advertising", null,
            "new customers from advertising (innovation p)"),
    ACQUIRED_WOM("acquired_wom", Unit.COUNT, "New customers from word of mouth", null,
            "new customers from word of mouth (imitation q)"),
    ACQUIRED_TOTAL("acquired_total", Unit.COUNT, "New customers", null,
            "new customers this month, every channel (ads, wom, referral, win-back)"),
    ADOPTERS_CUMULATIVE("adopters_cumulative", Unit.COUNT, "Customers ever acquired", null,
            "everyone ever acquired, initial customers included"),
    CHURNED("churned", Unit.COUNT, "Customers who left", null, "customers who left this month"),
    TERMINATED("terminated", Unit.COUNT, "Customers let go", null,
            "customers whose relationship the business ended this month"),
    RETENTION_INITIAL("retention_initial", Unit.SHARE, "Retention", "Initial customers still active",
            "share of the month-0 customers still active"),
    REVENUE("revenue", Unit.MONEY, "Revenue", "Revenue in the month",
            "what customers paid: sales after discounts, plus service fees"),
    GROSS_MARGIN("gross_margin", Unit.MONEY, "Gross margin", null,
            "gross margin on undiscounted sales, plus service fees"),
    DISCOUNT_COST("discount_cost", Unit.MONEY, "Discount cost", null, "value of discounts given"),
    SERVICE_COST("service_cost", Unit.MONEY, "Service cost", null, "cost of served service requests"),
    TREATMENT_COST("treatment_cost", Unit.MONEY, "Treatment cost", null,
            "per-customer treatment costs plus fixed monthly costs of treatments in use"),
    ACQUISITION_COST("acquisition_cost", Unit.MONEY, "Acquisition cost", null,
            "cost of acquiring this month's new customers (acquisitionCost each by ads, "
            + "word of mouth or a return; referralCost each by referral)"),
    PROFIT("profit", Unit.MONEY, "Profit", "Profit in the month",
            "gross_margin - discount_cost - service_cost - treatment_cost - acquisition_cost - advertising_cost"),
    PROFIT_CUMULATIVE("profit_cumulative", Unit.MONEY, "Cumulative profit", null, "profit summed from month 1"),
    TOP20_SHARE("top20_share", Unit.SHARE, "Top-20% share", "Revenue share of the top 20%",
            "share of trailing-window revenue held by the top 20% of active customers"),
    GINI("gini", Unit.SCORE, "Gini", "Gini coefficient of revenue",
            "Gini coefficient of trailing-window revenue over active customers"),
    PROMOTERS("promoters", Unit.COUNT, "Promoters", null,
            "active customers with satisfaction at or above the promoter threshold and no recent complaint"),
    DETRACTORS("detractors", Unit.COUNT, "Detractors", null,
            "active customers below the detractor threshold or with a recent unresolved complaint"),
    REFERRALS("referrals", Unit.COUNT, "Referrals", null, "referrals made this month"),
    NET_WOM("net_wom", Unit.SHARE, "Net word of mouth", null, "(promoters - detractors) / active"),
    COMPLAINTS("complaints", Unit.COUNT, "Complaints", null, "complaints voiced this month (what the business sees)"),
    PURCHASES("purchases", Unit.COUNT, "Purchases", null, "purchases made this month"),
    SERVICE_FEES("service_fees", Unit.MONEY, "Service fees", null, "fees charged for service requests above a cap"),
    SATISFACTION_MEAN("satisfaction_mean", Unit.SCORE, "Mean satisfaction", null,
            "mean satisfaction of active customers"),
    BAD_EXPERIENCES("bad_experiences", Unit.COUNT, "Bad experiences", null,
            "bad experiences this month, voiced as complaints or not"),
    ACQUIRED_REFERRAL("acquired_referral", Unit.COUNT, "New customers from referrals", null,
            "new customers from referrals that converted"),
    ACQUIRED_WINBACK("acquired_winback", Unit.COUNT, "Customers won back", null,
            "ex-customers who came back (by the market's channels or a win-back offer)"),
    ADVERTISING_COST("advertising_cost", Unit.MONEY, "Advertising cost", null,
            "the strategy's advertising spend this month"),
    REPUTATION("reputation", Unit.SCORE, "Reputation", null,
            "the reputation stock, in [-1, 1]: follows net WOM, slowly up and fast down"),
    WOM_DAMPING("wom_damping", Unit.SCORE, "Word-of-mouth damping", null,
            "exp(-negativeWeight x detractor share): the factor on every channel's conversion"),
    ACTIVE_ADS("active_ads", Unit.COUNT, "Active customers from advertising", null,
            "active customers acquired during the run by advertising"),
    ACTIVE_WOM("active_wom", Unit.COUNT, "Active customers from word of mouth", null,
            "active customers acquired during the run by word of mouth (imitation q)"),
    ACTIVE_REFERRAL("active_referral", Unit.COUNT, "Active customers from referrals", null,
            "active customers acquired during the run by a referral"),
    ACTIVE_WINBACK("active_winback", Unit.COUNT, "Active customers won back", null,
            "active customers who came back during the run (active minus the four active_* "
            + "counts = month-0 customers still active)"),
    TREATMENT_FIXED_COST("treatment_fixed_cost", Unit.MONEY, "Fixed treatment cost", null,
            "the part of treatment_cost that is fixed monthly costs of treatments in use");

    private final String key;
    private final Unit unit;
    private final String name;
    private final String axisName;
    private final String description;

    Metric(String key, Unit unit, String name, String axisName, String description) {
        this.key = key;
        this.unit = unit;
        this.name = name;
        this.axisName = axisName == null ? name : axisName;
        this.description = description;
    }

    /** What a metric's values are, which decides how a chart's axis shows them. */
    public enum Unit {
        /** Customers, purchases, complaints: whole numbers, compact ticks from zero. */
        COUNT("count"),
        /** Money in the scenario's currency. */
        MONEY("currency"),
        /** A share of a whole (0 to 1; net word of mouth −1 to 1), shown in percent. */
        SHARE("share"),
        /** A score or index (Gini, macro-F1, mean satisfaction, reputation): two decimals, not from zero. */
        SCORE("score");

        private final String words;

        Unit(String words) {
            this.words = words;
        }

        /** The unit as the docs table says it ({@code currency} stands for the scenario's currency). */
        public String words() {
            return words;
        }
    }

    public Unit unit() {
        return unit;
    }

    /** A short name for a title or a table: "Retention", "Cumulative profit". */
    public String title() {
        return name;
    }

    /** The name on a chart's axis, before its unit: "Initial customers still active". */
    public String axisName() {
        return axisName;
    }

    /** The name in metrics.csv. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** The metric name of a segment's count. */
    public static String segmentKey(String segment) {
        return SEGMENT_PREFIX + segment;
    }

    public static final String CLASSIFIER_ACCURACY = "classifier_accuracy";
    public static final String CLASSIFIER_MACRO_F1 = "classifier_macro_f1";
    private static final String SEGMENT_PREFIX = "segment.";

    /** The fixed metric of that metrics.csv name, if it is one. */
    public static Optional<Metric> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    /** The unit of any metrics.csv name: a fixed metric's, a segment's count, a classifier score's. */
    public static Unit unitOf(String key) {
        return switch (key) {
            case CLASSIFIER_ACCURACY -> Unit.SHARE;
            case CLASSIFIER_MACRO_F1 -> Unit.SCORE;
            default -> byKey(key).map(Metric::unit).orElse(Unit.COUNT);
        };
    }

    /** The short name of any metrics.csv name: "Retention", "Macro-F1", "Customers in segment loyal". */
    public static String titleOf(String key) {
        return switch (key) {
            case CLASSIFIER_ACCURACY -> "Accuracy";
            case CLASSIFIER_MACRO_F1 -> "Macro-F1";
            default -> byKey(key).map(Metric::title).orElseGet(() -> axisNameOf(key));
        };
    }

    /** The axis name of any metrics.csv name, before its unit; a name nothing declares stays as it is. */
    public static String axisNameOf(String key) {
        return switch (key) {
            case CLASSIFIER_ACCURACY -> "Classifier accuracy";
            case CLASSIFIER_MACRO_F1 -> "Classifier macro-F1 against the truth";
            default -> byKey(key).map(Metric::axisName).orElse(key.startsWith(SEGMENT_PREFIX)
                    ? "Customers in segment " + key.substring(SEGMENT_PREFIX.length()) : key);
        };
    }
}
