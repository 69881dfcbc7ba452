package org.segmentlab.reports.calibration;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the calibration report shows: the fitted models and the data to judge each fit by. Parts that the
 * log cannot support are null and their charts are left out.
 *
 * @param title          the page's heading, e.g. "CDNOW sample: model calibration"
 * @param source         the transaction log's file name
 * @param calibrationEnd the last day of the calibration period; may be null
 * @param unit           the period of the tracking and conditional data: "week", "month", "day"
 * @param models         the fits, in report order; at least one
 * @param histogram      repeat purchases in calibration, observed vs expected (BG/NBD); required
 * @param tracking       repeat transactions over calibration and holdout; null when there is no holdout
 * @param conditional    holdout transactions by calibration repeat purchases; null when there is no holdout
 * @param survival       cohort survival with the sBG fit; null when not fitted
 * @param spend          mean repeat spend with the Gamma-Gamma density; null when not fitted
 * @param version        the SegmentLab version that wrote the report
 * @param holdout        the holdout check (observed vs predicted repeat transactions); null when there is no holdout
 * @param files          files the caller wrote beside the report (the calibrated scenario, …), listed on the page
 * @param forwardCommand the command that simulates the calibrated scenario forward; null when there is none
 */
public record CalibrationReportInput(String title, String source, LocalDate calibrationEnd, String unit, List<FittedModel> models,
        RepeatHistogram histogram, TrackingSeries tracking, ConditionalExpectation conditional, SurvivalSeries survival,
        SpendDistribution spend, String version, HoldoutVerdict holdout, List<ListedFile> files, String forwardCommand) {

    /** A report without a holdout verdict and with nothing beside it but its own files. */
    public CalibrationReportInput(String title, String source, LocalDate calibrationEnd, String unit, List<FittedModel> models,
            RepeatHistogram histogram, TrackingSeries tracking, ConditionalExpectation conditional, SurvivalSeries survival,
            SpendDistribution spend, String version) {
        this(title, source, calibrationEnd, unit, models, histogram, tracking, conditional, survival, spend, version, null, List.of(), null);
    }

    public CalibrationReportInput {
        Checks.notBlank(title, "title");
        Checks.notBlank(source, "source");
        Checks.unit(unit);
        models = List.copyOf(Checks.notNull(models, "models"));
        Checks.nonEmpty(models.size(), "models");
        Checks.notNull(histogram, "histogram");
        Checks.notBlank(version, "version");
        files = files == null ? List.of() : List.copyOf(files);
        if (holdout != null && !holdout.unit().equals(unit)) {
            throw new IllegalArgumentException("the holdout is in " + holdout.unit() + "s but the report's unit is " + unit);
        }
        if (tracking != null && !tracking.unit().equals(unit)) {
            throw new IllegalArgumentException("tracking is per " + tracking.unit() + " but the report's unit is " + unit);
        }
    }
}
