package dev.mosaic.connection;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Mosaic talks to Salesforce ({@code MOSAIC_SALESFORCE_*}).
 *
 * @param allowedHosts    login hosts allowed besides Salesforce's own domains ({@code MOSAIC_SALESFORCE_ALLOWED_HOSTS},
 *                        comma-separated, e.g. {@code 127.0.0.1} for the emulator)
 * @param apiVersion      the REST API version every call uses
 * @param syncInterval    the pause between two scheduled rounds of a connection
 * @param apiShare        the share of the org's daily API limit the sync may spend; past it, rounds wait
 * @param lookback        how far each incremental round reaches back before the last one's end, for records
 *                        Salesforce committed late with an earlier {@code SystemModstamp}
 * @param chunkRecords    records written to the graph per transaction (and per committed cursor)
 * @param bulkPageRecords rows per Bulk API result page
 * @param formulaRefresh  how often calculated fields are re-read, since recalculation moves no timestamp
 * @param schemaCheck     how often describe is asked again, for fields added since (schema drift)
 * @param retryPause      the first pause before repeating a call Salesforce could not answer; it doubles each time
 * @param retryAttempts   how many times such a call is tried before the round gives up on the object
 * @param pubsubEndpoint  Salesforce's Pub/Sub API, where an org on Salesforce streams its changes from (Change Data
 *                        Capture); a connection may name another ({@code api.deu.pubsub.salesforce.com:443})
 * @param streamSession   how long one listening session of a connection's change stream lasts before it hands its
 *                        place back (another instance may take it; a stopping app waits for no more than a batch)
 * @param streamWatchdog  how long a change stream may hear nothing, not even a keepalive, before Mosaic takes it
 *                        for silently dead and subscribes again (Salesforce sends a keepalive within 270 s)
 * @param safetyNetInterval how often rounds read an object whose changes stream in (the safety net); they read the
 *                        others every {@code syncInterval}
 * @param maxStreams      how many change streams one app instance listens to at once: each holds a background-job
 *                        thread, and the others must stay free for rounds and imports; past it, connections poll
 */
@ConfigurationProperties("mosaic.salesforce")
public record SalesforceSettings(
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("59.0") String apiVersion,
        @DefaultValue("5m") Duration syncInterval,
        @DefaultValue("0.5") double apiShare,
        @DefaultValue("2m") Duration lookback,
        @DefaultValue("2000") int chunkRecords,
        @DefaultValue("50000") int bulkPageRecords,
        @DefaultValue("24h") Duration formulaRefresh,
        @DefaultValue("24h") Duration schemaCheck,
        @DefaultValue("2s") Duration retryPause,
        @DefaultValue("5") int retryAttempts,
        @DefaultValue("api.pubsub.salesforce.com:7443") String pubsubEndpoint,
        @DefaultValue("10m") Duration streamSession,
        @DefaultValue("5m") Duration streamWatchdog,
        @DefaultValue("4") int maxStreams,
        @DefaultValue("1h") Duration safetyNetInterval) {
}
