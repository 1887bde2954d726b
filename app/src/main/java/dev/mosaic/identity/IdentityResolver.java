package dev.mosaic.identity;

import dev.mosaic.graph.GraphMerges;
import dev.mosaic.graph.GraphReader;
import dev.mosaic.graph.RecordSnapshot;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Runs after a source record is written: recomputes its matching keys, merges its entity with every entity
 * that shares a strong key (unless a person said they differ), and suggests the weak matches for review.
 * Keys and candidates are visited in a fixed order, so the same input gives the same decisions.
 */
@Service
public class IdentityResolver {

    static final String RESOLVER = "identity-resolution";

    private final GraphReader graph;
    private final GraphMerges clusters;
    private final IdentityStore store;
    private final MergeService merges;
    private final Clock clock;

    IdentityResolver(GraphReader graph, GraphMerges clusters, IdentityStore store, MergeService merges, Clock clock) {
        this.graph = graph;
        this.clusters = clusters;
        this.store = store;
        this.merges = merges;
        this.clock = clock;
    }

    /** Call inside the writing transaction, holding the tenant's write lock. Returns how many merges the record caused. */
    public int resolve(String tenantId, UUID recordId) {
        RecordSnapshot record = graph.snapshot(tenantId, recordId).orElseThrow();
        Set<MatchKey> keys = record.deleted() ? Set.of() : RecordKeys.of(record.type(), record.values());
        store.replaceKeys(tenantId, recordId, record.type(), keys);
        int merged = 0;
        for (MatchKey key : keys) {
            if (!key.strong()) {
                continue;
            }
            for (UUID other : store.entitiesWithKey(tenantId, record.type(), key, current(tenantId, record))) {
                UUID mine = current(tenantId, record);
                if (!clusters.current(tenantId, other).entityId().equals(mine) && !store.blocked(tenantId, mine, other)) {
                    merges.merge(tenantId, mine, other, key.describe(), evidence(key, record), RESOLVER);
                    merged++;
                }
            }
        }
        for (MatchKey key : keys) {
            if (!key.strong()) {
                suggest(tenantId, record, key);
            }
        }
        return merged;
    }

    private void suggest(String tenantId, RecordSnapshot record, MatchKey key) {
        UUID mine = current(tenantId, record);
        for (UUID other : store.entitiesWithKey(tenantId, record.type(), key, mine)) {
            UUID theirs = clusters.current(tenantId, other).entityId();
            if (!theirs.equals(mine) && !store.blocked(tenantId, mine, theirs)) {
                store.suggest(tenantId, record.type(), mine, theirs, key.describe(), evidence(key, record), clock.instant());
            }
        }
    }

    private UUID current(String tenantId, RecordSnapshot record) {
        return graph.snapshot(tenantId, record.recordId()).orElseThrow().entityId();
    }

    private static Map<String, Object> evidence(MatchKey key, RecordSnapshot record) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("key", key.type());
        evidence.put("value", key.value());
        evidence.put("record", record.ref().toString());
        return evidence;
    }
}
