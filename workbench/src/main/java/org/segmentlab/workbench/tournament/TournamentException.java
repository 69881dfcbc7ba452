package org.segmentlab.workbench.tournament;

/**
 * A tournament request refused as a whole, with its HTTP status and a message for the person: 401 (no access yet),
 * 403 (not yours to do), 404, 409 (not in this state of the round), 413 (too large), 429 (too many, too fast).
 */
public final class TournamentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    TournamentException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
