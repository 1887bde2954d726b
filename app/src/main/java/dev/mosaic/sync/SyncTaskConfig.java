package dev.mosaic.sync;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.mosaic.salesforce.client.Sleeper;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code salesforce-sync-round}, {@code salesforce-change-stream} and {@code salesforce-org-purge} background tasks (see
 * {@code dev.mosaic.platform.jobs}). A sync round has one execution per connection, which reschedules itself after
 * each round. db-scheduler runs an execution on one instance at a time, so two rounds of one connection never
 * overlap, however many app instances share the database.
 */
@Configuration(proxyBeanMethods = false)
class SyncTaskConfig {

    static final TaskDescriptor<SyncRoundRef> SYNC_ROUND = TaskDescriptor.of("salesforce-sync-round", SyncRoundRef.class);
    static final TaskDescriptor<OrgPurgeRef> ORG_PURGE = TaskDescriptor.of("salesforce-org-purge", OrgPurgeRef.class);
    static final TaskDescriptor<SyncRoundRef> CHANGE_STREAM = TaskDescriptor.of("salesforce-change-stream", SyncRoundRef.class);

    /** The runner reschedules each round itself; this only catches what escaped it (the database away, say). */
    @Bean
    CustomTask<SyncRoundRef> salesforceSyncRound(SyncRunner runner) {
        return Tasks.custom(SYNC_ROUND)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1)))
                .onDeadExecutionRevive()
                .execute(runner::run);
    }

    /** A connection's change stream: one execution per connection, which reschedules itself after each session. */
    @Bean
    CustomTask<SyncRoundRef> salesforceChangeStream(ChangeStreams streams) {
        return Tasks.custom(CHANGE_STREAM)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1)))
                .onDeadExecutionRevive()
                .execute(streams::run);
    }

    /** A disconnected org's purge, one execution per org; what escaped it is tried again, from the start. */
    @Bean
    CustomTask<OrgPurgeRef> salesforceOrgPurge(OrgPurgeRunner runner) {
        return Tasks.custom(ORG_PURGE)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1)))
                .onDeadExecutionRevive()
                .execute(runner::run);
    }

    /** Pauses between retries of a Salesforce call and between polls of a Bulk job. */
    @Bean
    Sleeper salesforceSleeper() {
        return Sleeper.REAL;
    }
}
