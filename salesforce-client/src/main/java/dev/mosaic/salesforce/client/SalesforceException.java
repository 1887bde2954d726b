package dev.mosaic.salesforce.client;

/**
 * A Salesforce call that failed, with what to do about it. The message says what was asked and what
 * Salesforce answered; it never holds a token or a secret.
 */
public class SalesforceException extends RuntimeException {

    private final Disposition disposition;
    private final int status;
    private final String errorCode;

    public SalesforceException(Disposition disposition, int status, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.disposition = disposition;
        this.status = status;
        this.errorCode = errorCode;
    }

    public Disposition disposition() {
        return disposition;
    }

    /** The HTTP status, or 0 when no response came (a dropped connection). */
    public int status() {
        return status;
    }

    /** Salesforce's error code ({@code INVALID_SESSION_ID}, {@code invalid_grant}, …), or empty. */
    public String errorCode() {
        return errorCode;
    }
}
