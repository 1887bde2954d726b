package dev.mosaic.sync;

import dev.mosaic.connection.SalesforceSettings;
import dev.mosaic.salesforce.client.ApiUsage;
import dev.mosaic.salesforce.client.Disposition;
import dev.mosaic.salesforce.client.SalesforceClient;
import dev.mosaic.salesforce.client.SalesforceException;
import dev.mosaic.salesforce.client.Sleeper;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Salesforce call of a round goes through here: a call Salesforce could not answer (5xx, 420, 429, a dropped
 * connection, a session that stayed expired) is repeated after a pause that doubles, and no call is made once the
 * sync has spent its share of the org's daily API limit ({@link BudgetSpentException}).
 */
final class ApiCalls {

    private static final Logger log = LoggerFactory.getLogger(ApiCalls.class);

    private final SalesforceClient client;
    private final SalesforceSettings settings;
    private final Sleeper sleeper;
    private final Runnable counted;

    /** @param counted told of each call made, retries included */
    ApiCalls(SalesforceClient client, SalesforceSettings settings, Sleeper sleeper, Runnable counted) {
        this.client = client;
        this.settings = settings;
        this.sleeper = sleeper;
        this.counted = counted;
    }

    SalesforceClient client() {
        return client;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    /** @param what the call in words, for logs and errors ("query Contact changes") */
    <T> T call(String what, Supplier<T> call) {
        requireBudget();
        Duration pause = settings.retryPause();
        for (int attempt = 1; ; attempt++) {
            try {
                counted.run();
                return call.get();
            } catch (SalesforceException e) {
                boolean transientFailure = e.disposition() == Disposition.RETRY || e.disposition() == Disposition.REAUTH;
                if (!transientFailure || attempt >= settings.retryAttempts()) {
                    throw e;
                }
                log.info("{}: {} (attempt {} of {}); trying again in {} ms", what, e.getMessage(), attempt,
                        settings.retryAttempts(), pause.toMillis());
                pause(pause);
                pause = pause.multipliedBy(2);
            }
        }
    }

    void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    private void requireBudget() {
        ApiUsage usage = client.lastUsage().orElse(null);
        if (usage != null && usage.max() > 0 && usage.used() >= settings.apiShare() * usage.max()) {
            throw new BudgetSpentException(usage, settings.apiShare());
        }
    }

    private void pause(Duration pause) {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceException(Disposition.RETRY, 0, "", "Interrupted while waiting to try again", e);
        }
    }
}
