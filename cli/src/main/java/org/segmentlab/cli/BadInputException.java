package org.segmentlab.cli;

/**
 * The user's input is wrong in a way the command found itself (a missing file, a bad option combination); the
 * message says what and what is allowed, and is printed without a stack trace. Exit code {@link ExitCodes#BAD_INPUT}.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
