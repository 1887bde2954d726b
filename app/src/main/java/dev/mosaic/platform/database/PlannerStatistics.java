package dev.mosaic.platform.database;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps PostgreSQL's planner statistics in step with bulk loads, as PostgreSQL's own advice for populating a
 * database says: ANALYZE after loading. Autovacuum would get there too, but on its own schedule, and until it
 * does the planner believes a freshly loaded tenant has a few hundred rows: a search then walks the name
 * index past every entity of the tenant instead of asking the trigram index (40 ms instead of 2 at 200,000
 * entities). The graph's writes do not depend on this (they probe indexes whatever the statistics say; see
 * {@link SqlArrays}); reads do.
 *
 * <p>Every few seconds, one instance (a db-scheduler recurring task) analyzes each of Mosaic's tables that
 * changed by more rows than it had at its last ANALYZE, once it changed by at least {@value #MIN_CHANGED_ROWS}:
 * a table loaded from empty to a million rows is analyzed about ten times, each a sample of at most 30,000 rows.
 */
@Configuration(proxyBeanMethods = false)
public class PlannerStatistics {

    /**
     * Small enough that an org of a few hundred accounts (under ten thousand rows a table) is analyzed once loaded:
     * without statistics the planner took its tables for a few rows each, and the background figures of such an org
     * took 5 s a pass instead of 0.25 s (nested loops over what it thought was one row).
     */
    static final long MIN_CHANGED_ROWS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    private final DSLContext db;

    PlannerStatistics(DSLContext db) {
        this.db = db;
    }

    @Bean
    RecurringTask<Void> plannerStatisticsTask() {
        return Tasks.recurring("planner-statistics", FixedDelay.ofSeconds(5)).execute((instance, context) -> refresh());
    }

    /** Analyzes the tables whose statistics are out of step; returns their names. */
    public List<String> refresh() {
        List<String> stale = db.fetch("""
                select s.relname from pg_stat_user_tables s join pg_class c on c.oid = s.relid
                where s.schemaname = current_schema() and s.n_mod_since_analyze >= ?
                    and s.n_mod_since_analyze > greatest(c.reltuples, 0)
                order by s.relname
                """, MIN_CHANGED_ROWS).getValues(0, String.class);
        for (String table : stale) {
            long started = System.nanoTime();
            db.execute("analyze " + db.render(DSL.name(table)));
            log.info("Analyzed {} for the query planner after a bulk change ({} ms)", table,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return stale;
    }
}
