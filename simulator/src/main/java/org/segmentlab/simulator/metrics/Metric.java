package org.segmentlab.simulator.metrics;

/**
 * The fixed per-month metrics of {@code metrics.csv}, in output order, each declared once: its name and what it
 * measures. Names are a public contract. Per-segment counts ({@code segment.<name>}) and classifier scores are added
 * per scenario. The table of docs/model.md ("Metrics") is derived from these ({@link MetricDocs}).
 */
public enum Metric {
    ACTIVE("active", "active customers at the end of the month"),
    ACQUIRED_ADS("acquired_ads", "new customers from advertising (innovation p)"),
    ACQUIRED_WOM("acquired_wom", "new customers from word of mouth (imitation q)"),
    ACQUIRED_TOTAL("acquired_total", "new customers this month, every channel (ads, wom, referral, win-back)"),
    ADOPTERS_CUMULATIVE("adopters_cumulative", "everyone ever acquired, initial customers included"),
    CHURNED("churned", "customers who left this month"),
    TERMINATED("terminated", "customers whose relationship the business ended this month"),
    RETENTION_INITIAL("retention_initial", "share of the month-0 customers still active"),
    REVENUE("revenue", "what customers paid: sales after discounts, plus service fees"),
    GROSS_MARGIN("gross_margin", "gross margin on undiscounted sales, plus service fees"),
    DISCOUNT_COST("discount_cost", "value of discounts given"),
    SERVICE_COST("service_cost", "cost of served service requests"),
    TREATMENT_COST("treatment_cost", "per-customer treatment costs plus fixed monthly costs of treatments in use"),
    ACQUISITION_COST("acquisition_cost", "cost of acquiring this month's new customers (acquisitionCost each by ads, "
            + "word of mouth or a return; referralCost each by referral)"),
    PROFIT("profit", "gross_margin - discount_cost - service_cost - treatment_cost - acquisition_cost - advertising_cost"),
    PROFIT_CUMULATIVE("profit_cumulative", "profit summed from month 1"),
    TOP20_SHARE("top20_share", "share of trailing-window revenue held by the top 20% of active customers"),
    GINI("gini", "Gini coefficient of trailing-window revenue over active customers"),
    PROMOTERS("promoters", "active customers with satisfaction at or above the promoter threshold and no recent complaint"),
    DETRACTORS("detractors", "active customers below the detractor threshold or with a recent unresolved complaint"),
    REFERRALS("referrals", "referrals made this month"),
    NET_WOM("net_wom", "(promoters - detractors) / active"),
    COMPLAINTS("complaints", "complaints voiced this month (what the business sees)"),
    PURCHASES("purchases", "purchases made this month"),
    SERVICE_FEES("service_fees", "fees charged for service requests above a cap"),
    SATISFACTION_MEAN("satisfaction_mean", "mean satisfaction of active customers"),
    BAD_EXPERIENCES("bad_experiences", "bad experiences this month, voiced as complaints or not"),
    ACQUIRED_REFERRAL("acquired_referral", "new customers from referrals that converted"),
    ACQUIRED_WINBACK("acquired_winback", "ex-customers who came back (by the market's channels or a win-back offer)"),
    ADVERTISING_COST("advertising_cost", "the strategy's advertising spend this month"),
    REPUTATION("reputation", "the reputation stock, in [-1, 1]: follows net WOM, slowly up and fast down"),
    WOM_DAMPING("wom_damping", "exp(-negativeWeight x detractor share): the factor on every channel's conversion"),
    ACTIVE_ADS("active_ads", "active customers acquired during the run by advertising"),
    ACTIVE_WOM("active_wom", "active customers acquired during the run by word of mouth (imitation q)"),
    ACTIVE_REFERRAL("active_referral", "active customers acquired during the run by a referral"),
    ACTIVE_WINBACK("active_winback", "active customers who came back during the run (active minus the four active_* "
            + "counts = month-0 customers still active)"),
    TREATMENT_FIXED_COST("treatment_fixed_cost", "the part of treatment_cost that is fixed monthly costs of treatments in use");

    private final String key;
    private final String description;

    Metric(String key, String description) {
        this.key = key;
        this.description = description;
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
        return "segment." + segment;
    }

    public static final String CLASSIFIER_ACCURACY = "classifier_accuracy";
    public static final String CLASSIFIER_MACRO_F1 = "classifier_macro_f1";
}
