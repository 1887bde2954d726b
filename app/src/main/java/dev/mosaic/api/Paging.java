package dev.mosaic.api;

import dev.mosaic.platform.errors.InvalidInputException;
/** Limits on list requests, so one call cannot ask for everything. */
final class Paging {

    static final int MAX_LIMIT = 500;

    private Paging() {
    }

    static int limit(int requested) {
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    static int offset(int requested) {
        if (requested < 0) {
            throw new InvalidInputException("offset must be 0 or more");
        }
        return requested;
    }
}
