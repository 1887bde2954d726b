package dev.mosaic.platform.jobs;

import dev.mosaic.platform.config.MosaicProperties;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * With its embedded PostgreSQL, a Mosaic is the only instance on its database (the data directory is locked), so an
 * execution still marked as taken at start-up was taken by a process that died: killed, out of memory, the machine
 * lost. db-scheduler would revive it only once that process had missed its heartbeats, a minute later; this hands it
 * back at once, so a sync or an import cut off by a crash goes on as soon as Mosaic is up again. On an external
 * database other instances may be alive and working, so there the heartbeat rule stays the only one.
 *
 * <p>A Flyway callback, because it must run after the migrations and before the scheduler starts taking work.
 */
@Component
class DeadPredecessorExecutions implements Callback {

    private static final Logger log = LoggerFactory.getLogger(DeadPredecessorExecutions.class);

    private final boolean soleInstance;

    DeadPredecessorExecutions(MosaicProperties properties) {
        this.soleInstance = !properties.db().external();
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE && soleInstance;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try (Statement statement = context.getConnection().createStatement()) {
            int released = statement.executeUpdate("update scheduled_tasks set picked = false, picked_by = null, "
                    + "last_heartbeat = null, version = version + 1 where picked");
            if (released > 0) {
                log.info("Handed back {} background job(s) that the previous run of Mosaic had taken when it stopped "
                        + "without finishing them; they go on now", released);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hand back the background jobs a previous run left taken", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "dead-predecessor-executions";
    }
}
