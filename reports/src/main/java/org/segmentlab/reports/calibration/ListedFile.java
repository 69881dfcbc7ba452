package org.segmentlab.reports.calibration;

/**
 * A file the calibration wrote beside the page, listed on it so a reader knows what each holds.
 *
 * @param name        the file's name in the folder, e.g. {@code scenario.yaml}
 * @param description one phrase saying what it holds or is for
 */
public record ListedFile(String name, String description) {

    public ListedFile {
        Checks.notBlank(name, "name");
        Checks.notBlank(description, "description");
    }
}
