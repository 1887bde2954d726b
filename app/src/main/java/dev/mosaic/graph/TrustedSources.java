package dev.mosaic.graph;

import dev.mosaic.platform.database.TenantWriteLock;
import dev.mosaic.platform.errors.InvalidInputException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's trusted sources, most trusted first. Changing the order recomputes, in the same transaction,
 * every entity that more than one source speaks for, so what the graph shows follows the new order at once.
 */
@Service
public class TrustedSources {

    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final SourcePriorities priorities;
    private final GoldenRecords golden;
    private final TenantWriteLock writeLock;
    private final DSLContext db;
    private final Clock clock;

    TrustedSources(SourcePriorities priorities, GoldenRecords golden, TenantWriteLock writeLock, DSLContext db,
                   Clock clock) {
        this.priorities = priorities;
        this.golden = golden;
        this.writeLock = writeLock;
        this.db = db;
        this.clock = clock;
    }

    public List<String> get(String tenantId) {
        return priorities.get(tenantId);
    }

    /** Refreshing entities a thousand at a time keeps each statement's arrays, and the memory they take, bounded. */
    private static final int REFRESH_CHUNK = 1_000;

    @Transactional
    public void set(String tenantId, List<String> sources) {
        for (String source : sources) {
            if (source == null || !SOURCE_NAME.matcher(source).matches()) {
                throw new InvalidInputException("'" + source + "' is not a source name: 1 to 40 characters of a-z, 0-9 and '-'");
            }
        }
        if (sources.stream().distinct().count() != sources.size()) {
            throw new InvalidInputException("Each source may appear once in the trusted-sources list");
        }
        writeLock.lockInteractive(tenantId);
        priorities.set(tenantId, sources);
        List<UUID> contested = db.fetch("select entity_id from source_record where tenant_id = ? and not deleted "
                        + "group by entity_id having count(distinct system) > 1 order by entity_id", tenantId)
                .getValues("entity_id", UUID.class);
        RefreshCause cause = RefreshCause.trustedSourcesChanged(clock.instant());
        for (int from = 0; from < contested.size(); from += REFRESH_CHUNK) {
            golden.refresh(tenantId, contested.subList(from, Math.min(contested.size(), from + REFRESH_CHUNK)), cause);
        }
    }
}
