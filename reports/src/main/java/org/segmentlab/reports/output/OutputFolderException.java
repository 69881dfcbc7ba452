package org.segmentlab.reports.output;

import java.io.IOException;

/**
 * An output location that SegmentLab will not write to (a file, or a folder holding files it did not write); the
 * message says why and what to do instead, and nothing has been written or deleted.
 */
public final class OutputFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    public OutputFolderException(String message) {
        super(message);
    }
}
