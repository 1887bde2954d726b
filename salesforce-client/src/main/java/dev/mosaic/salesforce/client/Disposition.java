package dev.mosaic.salesforce.client;

/** What a caller should do about a failed Salesforce call; decided once, where the error is read. */
public enum Disposition {
    /** Try again after a pause: a 5xx, 420, 429 or a broken connection. */
    RETRY,
    /** The session expired: log in again with the refresh token, then repeat the call. */
    REAUTH,
    /** The org's API limit is spent: wait until its 24-hour window allows calls again. */
    RATE_LIMITED,
    /** The refresh token no longer works (revoked, expired, wrong app): a person must reconnect. */
    NEEDS_RECONNECT,
    /** The request was too big for Salesforce (a query timeout, a URI too long): ask for less at a time. */
    SPLIT,
    /** Anything else: the request is wrong and repeating it will not help. */
    FAIL
}
