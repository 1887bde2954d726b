package dev.mosaic.sync;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.mosaic.connection.OrgPurgeRequested;
import dev.mosaic.connection.SalesforceOrgs;
import dev.mosaic.connection.SalesforceRefs;
import dev.mosaic.connection.SalesforceSettings;
import dev.mosaic.graph.GraphPurge;
import dev.mosaic.platform.jobs.TenantTaskInstances;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges a disconnected org's records from the graph, a chunk per transaction, counting them as it goes. It starts
 * once the connection's last round has ended, so no chunk of that round lands after the purge passed. Stopped (a
 * shutdown, a crash), it starts over from the beginning: what it purged is gone, so that costs little.
 */
@Component
class OrgPurgeRunner {

    /** How long a purge waits for the disconnected connection's round to end before looking again. */
    static final Duration ROUND_WAIT = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(OrgPurgeRunner.class);

    private final GraphPurge graph;
    private final SalesforceOrgs orgs;
    private final SchedulerClient scheduler;
    private final TransactionTemplate transaction;
    private final SalesforceSettings settings;
    private final Clock clock;

    /** @param scheduler lazy: the scheduler is built from the tasks, this one's included */
    OrgPurgeRunner(GraphPurge graph, SalesforceOrgs orgs, @Lazy SchedulerClient scheduler, TransactionTemplate transaction,
                   SalesforceSettings settings, Clock clock) {
        this.graph = graph;
        this.orgs = orgs;
        this.scheduler = scheduler;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs in the transaction that asked for the purge, so the purge is scheduled with it or not at all. */
    @EventListener
    void onPurgeRequested(OrgPurgeRequested event) {
        scheduler.schedule(SyncTaskConfig.ORG_PURGE.instance(TenantTaskInstances.id(event.tenantId(), event.orgId()))
                        .data(new OrgPurgeRef(event.tenantId(), event.orgId(), event.disconnected())).scheduledTo(clock.instant()),
                SchedulerClient.ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
    }

    CompletionHandler<OrgPurgeRef> run(TaskInstance<OrgPurgeRef> instance, ExecutionContext context) {
        OrgPurgeRef ref = instance.getData();
        if (ref.disconnected() != null && roundRunning(ref)) {
            return (complete, operations) -> operations.reschedule(complete, clock.instant().plus(ROUND_WAIT));
        }
        long started = System.nanoTime();
        long records = 0;
        GraphPurge.Cursor cursor = GraphPurge.Cursor.START;
        while (cursor != null) {
            if (context.getSchedulerState().isShuttingDown()) {
                log.info("Purge of org {} of tenant {} stopped by shutdown after {} records; it resumes on start",
                        ref.orgId(), ref.tenantId(), records);
                return (complete, operations) -> operations.reschedule(complete, clock.instant());
            }
            GraphPurge.Cursor from = cursor;
            GraphPurge.Forgotten chunk = transaction.execute(status -> {
                GraphPurge.Forgotten forgotten = graph.forgetNext(ref.tenantId(), SalesforceRefs.SYSTEM,
                        SalesforceRefs.orgPrefix(ref.orgId()), from, settings.chunkRecords());
                orgs.purged(ref.tenantId(), ref.orgId(), forgotten.records());
                return forgotten;
            });
            records += chunk.records();
            cursor = chunk.next();
        }
        orgs.purgeFinished(ref.tenantId(), ref.orgId());
        log.info("Purged the {} records of Salesforce org {} of tenant {} in {} s", records, ref.orgId(), ref.tenantId(),
                (System.nanoTime() - started) / 1_000_000_000);
        return (complete, operations) -> operations.remove();
    }

    /** The connection's last round, or its change stream's session, still running (they end soon: it is gone). */
    private boolean roundRunning(OrgPurgeRef ref) {
        return scheduler.getScheduledExecution(SyncService.instanceId(ref.tenantId(), ref.disconnected())).isPresent()
                || scheduler.getScheduledExecution(ChangeStreamSchedule.instanceId(ref.tenantId(), ref.disconnected()))
                        .filter(execution -> execution.isPicked()).isPresent();
    }
}
