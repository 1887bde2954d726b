/**
 * Background jobs: one cluster-safe scheduler (db-scheduler) for every feature. Executions live in the
 * {@code scheduled_tasks} table, so a job survives a restart and runs on exactly one app instance at a
 * time, whichever instance picks it; a dead instance's executions are revived by the others once its
 * heartbeats are missed ({@code db-scheduler.heartbeat-interval} times
 * {@code db-scheduler.missed-heartbeats-limit}). On its embedded database a Mosaic is the only instance, so
 * it takes back a dead predecessor's executions as it starts ({@link dev.mosaic.platform.jobs.DeadPredecessorExecutions}).
 *
 * <p><b>Adding a task.</b> Declare it as a Spring bean of type {@code com.github.kagkarlsson.scheduler.task.Task};
 * the scheduler picks up every such bean when it is built. For example, a recurring round every minute,
 * run by one instance of the cluster at a time:
 *
 * <pre>{@code
 * @Bean
 * RecurringTask<Void> salesforceSyncRounds(SyncEngine sync) {
 *     return Tasks.recurring("salesforce-sync-rounds", FixedDelay.ofMinutes(1))
 *             .execute((instance, context) -> sync.runDueRounds());
 * }
 * }</pre>
 *
 * A recurring task is scheduled on start-up and rescheduled after each run (also after a failure).
 * Work that belongs to one tenant (a connection's sync, an import) is a one-time or custom task whose
 * instance id is {@link dev.mosaic.platform.jobs.TenantTaskInstances#id(String, String)}, scheduled with
 * the {@code SchedulerClient} bean inside the transaction that records the feature's own job row, so
 * both commit or neither does. The feature keeps its job's state (progress, errors) in its own tables,
 * keyed by {@code tenant_id}; the task data only names the job.
 *
 * <p><b>Long tasks</b> check {@code ExecutionContext.getSchedulerState().isShuttingDown()} between
 * units of work and hand the execution back (reschedule it to now) when it is true: the app's shutdown
 * then waits for one unit of work at most ({@code db-scheduler.shutdown-max-wait}), and another
 * instance, or the next start, goes on at once instead of after the dead-execution timeout.
 */
package dev.mosaic.platform.jobs;
