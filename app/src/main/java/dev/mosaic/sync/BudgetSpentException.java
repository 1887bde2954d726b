package dev.mosaic.sync;

import dev.mosaic.salesforce.client.ApiUsage;

/** The sync has used its share of the org's daily API limit: the round stops, and later rounds wait for room. */
final class BudgetSpentException extends RuntimeException {

    BudgetSpentException(ApiUsage usage, double share) {
        super("The org has used " + usage.used() + " of its " + usage.max() + " daily API calls; Mosaic keeps to "
                + Math.round(share * 100) + "% of them, so syncing pauses until the org's 24-hour usage falls"
                + " (or raise MOSAIC_SALESFORCE_API_SHARE)", null, false, false);
    }
}
