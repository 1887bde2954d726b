package dev.mosaic.salesforce.emulator.org;

import java.util.List;

/**
 * A failure as Salesforce reports it: the HTTP status and one {@code {"message","errorCode","fields"}}
 * entry of the JSON error array. The HTTP side renders it as-is.
 */
public class SalesforceError extends RuntimeException {
    private final int httpStatus;
    private final String errorCode;
    private final List<String> fields;

    public SalesforceError(int httpStatus, String errorCode, String message) {
        this(httpStatus, errorCode, message, List.of());
    }

    public SalesforceError(int httpStatus, String errorCode, String message, List<String> fields) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.fields = List.copyOf(fields);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String errorCode() {
        return errorCode;
    }

    public List<String> fields() {
        return fields;
    }
}
