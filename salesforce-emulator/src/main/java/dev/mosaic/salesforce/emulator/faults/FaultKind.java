package dev.mosaic.salesforce.emulator.faults;

/** The failures a test can inject into the next matching requests. */
public enum FaultKind {
    /** 403 REQUEST_LIMIT_EXCEEDED. */
    REQUEST_LIMIT_EXCEEDED,
    /** 401 INVALID_SESSION_ID, as if the session had expired. */
    INVALID_SESSION_ID,
    /** 503 with no body, as Salesforce's edge sends it. */
    SERVER_UNAVAILABLE,
    /** 429 with no body. */
    TOO_MANY_REQUESTS,
    /** 400 QUERY_TIMEOUT. */
    QUERY_TIMEOUT,
    /** The connection is closed with no response at all. */
    DROP_CONNECTION,
    /** The request is served normally after a delay. */
    SLOW,
    /** 200 with an HTML page instead of the API's answer, as a proxy or a maintenance page sends it. */
    HTML_PAGE,
    /** The normal answer cut off half-way: the connection closes before the body its length announced is sent. */
    TRUNCATED_BODY
}
