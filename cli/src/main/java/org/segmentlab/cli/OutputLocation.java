package org.segmentlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.segmentlab.reports.output.OutputFolder;
import org.segmentlab.reports.output.OutputFolderException;
import org.segmentlab.reports.output.OutputKind;

/**
 * The one check of every verb's {@code --out}, run before the work: a file where a folder is wanted (or the
 * reverse), a location below a file, a place the user cannot write to, or a folder SegmentLab did not write is bad
 * input (exit 2) with a plain message saying what to choose instead. Leftovers of a killed run are cleaned here.
 */
public final class OutputLocation {

    private OutputLocation() {
    }

    /** {@code --out DIR} of an output written all at once (run, compare, calibrate, sensitivity). */
    public static void folder(Path out, OutputKind kind) {
        try {
            OutputFolder.check(out, kind);
        } catch (IOException e) {
            throw refused(e);
        }
    }

    /** {@code --out DIR} of an output written in place (sweep): the folder, created and marked as {@code kind}'s. */
    public static Path claimFolder(Path out, OutputKind kind) {
        try {
            return OutputFolder.claim(out, kind, VersionProvider.version());
        } catch (IOException e) {
            throw refused(e);
        }
    }

    /**
     * {@code --out FILE} (classify, tune): not a folder, not below a file, writable. Creates no folder: a missing
     * one is created when the file is written.
     *
     * @param example a file name to suggest when {@code out} is a folder, e.g. {@code segments.csv}
     */
    public static void file(Path out, String example) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new BadInputException("--out: " + out + " is a folder; give a file name, e.g. " + out.resolve(example));
        }
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new BadInputException("--out: cannot write " + out + ": none of its folders exists");
        }
        if (!Files.isDirectory(existing)) {
            throw new BadInputException("--out: cannot write " + out + ": " + existing + " is a file, not a folder");
        }
        try {
            if (existing.equals(target.getParent())) {
                AtomicFile.check(target);
            } else {
                // try to create the first missing folder, then take it away again: nothing is left if the run fails
                Path missing = target.getParent();
                while (!missing.getParent().equals(existing)) {
                    missing = missing.getParent();
                }
                Files.createDirectory(missing);
                Files.delete(missing);
            }
        } catch (IOException e) {
            throw new BadInputException("--out: cannot write " + out + ": " + OutputFolder.reason(e)
                    + "; choose a place you can write to", e);
        }
    }

    private static BadInputException refused(IOException e) {
        if (e instanceof OutputFolderException) {
            return new BadInputException("--out: " + e.getMessage(), e);
        }
        return new BadInputException("--out: " + OutputFolder.reason(e) + "; choose a folder you can write to", e);
    }
}
