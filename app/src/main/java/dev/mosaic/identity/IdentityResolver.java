package dev.mosaic.identity;

import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.GraphMerges;
import dev.mosaic.graph.RecordResolver;
import dev.mosaic.graph.RecordSnapshot;
import dev.mosaic.identity.scoring.MatchScore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs after a chunk of records is written: recomputes their matching keys, finds in one read every record
 * that shares one, joins in memory the entities that share a strong key (unless a person said they differ),
 * scores the pairs weak keys propose ({@link ProbableMatches}) and joins those above the workspace's auto-merge
 * threshold, merges each cluster into its oldest entity in bulk, and suggests the other scored pairs for review.
 * Records, keys and candidates are visited in a fixed order, so the same input gives the same clusters however it
 * is cut into chunks. Then, asked by the graph, it infers contacts' organizations ({@link EmployerInference}).
 */
@Service
public class IdentityResolver implements RecordResolver {

    static final String RESOLVER = "identity-resolution";
    /**
     * A weak key that more other entities hold (a common name, a team's mailbox) says nothing about who is who, and
     * pairing a record with each of them filled the review queue with thousands of pairs nobody could decide: an
     * org's initial sync made four suggestions per contact. Such a key proposes no pair. The pairs suggested while
     * it was rarer stay in the queue.
     */
    static final int MOST_SUGGESTED_PER_KEY = 10;

    private static final Logger log = LoggerFactory.getLogger(IdentityResolver.class);

    private final GraphMerges graph;
    private final IdentityStore store;
    private final MergeService merges;
    private final EmployerInference employers;
    private final ProbableMatches matches;
    private final MatchingSettings settings;
    private final MatchingModels models;
    private final Clock clock;

    IdentityResolver(GraphMerges graph, IdentityStore store, MergeService merges, EmployerInference employers,
                     ProbableMatches matches, MatchingSettings settings, MatchingModels models, Clock clock) {
        this.graph = graph;
        this.models = models;
        this.settings = settings;
        this.matches = matches;
        this.employers = employers;
        this.store = store;
        this.merges = merges;
        this.clock = clock;
    }

    /** A record's matching keys: normalizing emails, domains and phones is the costly part, done before the lock. */
    @Override
    public Object prepare(EntityType type, Map<String, Object> values) {
        return RecordKeys.applies(type) ? new PreparedKeys(RecordKeys.of(type, values)) : null;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(String tenantId, Collection<UUID> recordIds, Collection<UUID> entityIds) {
        store.replaceKeys(tenantId, recordIds, List.of());
        store.forgetEntities(tenantId, entityIds);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Resolution resolve(String tenantId, List<RecordSnapshot> written) {
        long startedAt = System.nanoTime();
        List<RecordSnapshot> keyed = written.stream().filter(record -> RecordKeys.applies(record.type())).toList();
        List<Set<MatchKey>> computed = keyed.parallelStream().map(IdentityResolver::keysOf).toList();
        Map<UUID, Set<MatchKey>> stored = store.keysOf(tenantId,
                keyed.stream().filter(record -> !record.created()).map(RecordSnapshot::recordId).toList());
        List<KeyedRecord> keysOf = new ArrayList<>();
        List<IdentityStore.RecordKey> keyRows = new ArrayList<>();
        for (int i = 0; i < keyed.size(); i++) {
            RecordSnapshot record = keyed.get(i);
            if (!record.created() && sameKeys(computed.get(i), stored.getOrDefault(record.recordId(), Set.of()))) {
                // Whoever shares its keys was matched with it when they were written: nothing to resolve again.
                continue;
            }
            keysOf.add(new KeyedRecord(record, computed.get(i)));
            computed.get(i).forEach(key -> keyRows.add(new IdentityStore.RecordKey(record.recordId(), record.type(), key)));
        }
        if (keysOf.isEmpty()) {
            return Resolution.NONE;
        }
        store.replaceKeys(tenantId, keysOf.stream().map(keyedRecord -> keyedRecord.record().recordId()).toList(), keyRows);
        long keyedAt = System.nanoTime();
        Map<EntityType, Integer> created = new EnumMap<>(EntityType.class);
        keysOf.stream().map(KeyedRecord::record).filter(record -> record.created() && ProbableMatches.scores(record.type()))
                .forEach(record -> created.merge(record.type(), 1, Integer::sum));
        models.noteNewRecords(tenantId, created);
        Candidates candidates = candidates(tenantId, keysOf, keyRows);
        long foundAt = System.nanoTime();
        Instant now = clock.instant();

        Map<UUID, MatchedBy> matchedBy = new HashMap<>();
        Set<UUID> mergingRecords = new HashSet<>();
        keysOf.forEach(keyedRecord -> keyedRecord.keys().stream().filter(MatchKey::strong).forEach(key -> {
            RecordSnapshot record = keyedRecord.record();
            UUID mine = candidates.entityOf(record.recordId());
            for (UUID other : candidates.entitiesWith(record.type(), key, record.recordId())) {
                if (candidates.clusters.join(mine, other)) {
                    mergingRecords.add(record.recordId());
                    MatchedBy match = new MatchedBy(record.type(), key.describe(), evidence(key, record));
                    matchedBy.putIfAbsent(other, match);
                    matchedBy.putIfAbsent(mine, match);
                }
            }
        }));

        long strongAt = System.nanoTime();
        List<ProbableMatches.Scored> suggested = mergeOrSuggest(tenantId, keysOf, candidates, matchedBy, mergingRecords);
        Map<UUID, UUID> survivorOf = applyMerges(tenantId, candidates, matchedBy, now);
        long mergedAt = System.nanoTime();

        List<IdentityStore.Suggestion> suggestions = new ArrayList<>();
        for (ProbableMatches.Scored scored : suggested) {
            UUID a = survivorOf.getOrDefault(scored.entity(), scored.entity());
            UUID b = survivorOf.getOrDefault(scored.otherEntity(), scored.otherEntity());
            if (!a.equals(b)) {
                suggestions.add(new IdentityStore.Suggestion(ReviewItem.MERGE, scored.type(), a, b, scored.score().words(),
                        scoreEvidence(scored), now, scored.score().probability()));
            }
        }
        store.suggestAll(tenantId, suggestions);
        if (log.isTraceEnabled()) {
            suggestions.stream().limit(5).forEach(suggestion -> log.trace("Suggested {} {}: {}", suggestion.type().key(),
                    suggestion.score(), suggestion.reason()));
        }
        long suggestedAt = System.nanoTime();
        if (log.isDebugEnabled()) {
            log.debug("Resolved {} records of tenant {}: keys {} ms, candidates {} ms ({} key holders placed), strong keys "
                    + "{} ms, scored and merged {} ms, {} suggestions {} ms", keysOf.size(), tenantId,
                    (keyedAt - startedAt) / 1_000_000, (foundAt - keyedAt) / 1_000_000, candidates.placements().size(),
                    (strongAt - foundAt) / 1_000_000, (mergedAt - strongAt) / 1_000_000,
                    suggestions.size(), (suggestedAt - mergedAt) / 1_000_000);
        }
        return new Resolution(survivorOf, mergingRecords);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Inferences infer(String tenantId, List<RecordSnapshot> written) {
        return employers.infer(tenantId, written);
    }

    /**
     * The pairs of records worth scoring: a record of the chunk and each record of another entity that shares a weak
     * key with it, unless a person kept the two apart. A key more than {@link #MOST_SUGGESTED_PER_KEY} other entities
     * hold (a common name, a team's mailbox) proposes nobody.
     */
    private static List<ProbableMatches.Candidate> candidatePairs(List<KeyedRecord> keysOf, Candidates candidates) {
        List<ProbableMatches.Candidate> pairs = new ArrayList<>();
        for (KeyedRecord keyedRecord : keysOf) {
            RecordSnapshot record = keyedRecord.record();
            if (!ProbableMatches.scores(record.type())) {
                continue;
            }
            UUID mine = candidates.entityOf(record.recordId());
            Set<UUID> seen = new HashSet<>();
            keyedRecord.keys().stream().filter(key -> !key.strong()).forEach(key -> {
                List<GraphMerges.Placement> others = candidates.recordsWith(record.type(), key, record.recordId());
                if (others.size() >= IdentityStore.WEAK_HOLDERS_READ
                        || others.stream().map(GraphMerges.Placement::entityId).distinct().count() > MOST_SUGGESTED_PER_KEY) {
                    return;
                }
                for (GraphMerges.Placement other : others) {
                    if (seen.add(other.recordId()) && !candidates.clusters.together(mine, other.entityId())
                            && !candidates.clusters.blocked(mine, other.entityId())) {
                        pairs.add(new ProbableMatches.Candidate(record.type(), record.recordId(), record.values(),
                                other.recordId(), mine, other.entityId()));
                    }
                }
            });
        }
        return pairs;
    }

    /**
     * Scores what weak keys propose: a pair at least as likely as the workspace's threshold joins its cluster (to be
     * merged with the rest), unless a person kept them apart; the others are returned, best first, to be suggested.
     */
    private List<ProbableMatches.Scored> mergeOrSuggest(String tenantId, List<KeyedRecord> keysOf, Candidates candidates,
                                                        Map<UUID, MatchedBy> matchedBy, Set<UUID> mergingRecords) {
        Double autoMergeAbove = settings.autoMergeAbove(tenantId).orElse(null);
        List<ProbableMatches.Scored> suggested = new ArrayList<>();
        for (ProbableMatches.Scored scored : matches.score(tenantId, candidatePairs(keysOf, candidates))) {
            if (autoMergeAbove != null && scored.score().probability() >= autoMergeAbove
                    && candidates.clusters.join(scored.entity(), scored.otherEntity())) {
                mergingRecords.add(scored.recordId());
                MatchedBy match = new MatchedBy(scored.type(), probabilisticReason(scored.score()), scoreEvidence(scored));
                matchedBy.putIfAbsent(scored.otherEntity(), match);
                matchedBy.putIfAbsent(scored.entity(), match);
            } else {
                suggested.add(scored);
            }
        }
        return suggested;
    }

    /** Why a pair scored above the workspace's threshold was merged: "probabilistic, score 0.98, evidence: …". */
    static String probabilisticReason(MatchScore score) {
        return String.format(Locale.ROOT, "probabilistic, score %.2f, evidence: %s", score.probability(), score.words());
    }

    /** A score's evidence as kept with a suggestion or a merge: each field's comparison and weight, and the records. */
    private static Map<String, Object> scoreEvidence(ProbableMatches.Scored scored) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("score", scored.score().probability());
        evidence.put("evidence", scored.score().evidence());
        evidence.put("records", List.of(scored.recordId().toString(), scored.otherRecordId().toString()));
        return evidence;
    }

    /** Merges each joined cluster into its oldest entity, as one bulk move; returns merged entity → survivor. */
    private Map<UUID, UUID> applyMerges(String tenantId, Candidates candidates, Map<UUID, MatchedBy> matchedBy, Instant now) {
        Map<UUID, UUID> survivorOf = new LinkedHashMap<>();
        Map<UUID, UUID> clusterOf = new HashMap<>();
        List<MergeService.Decision> decisions = new ArrayList<>();
        Map<UUID, List<UUID>> joined = candidates.clusters.joined();
        Set<UUID> joining = new HashSet<>();
        joined.values().forEach(joining::addAll);
        Map<UUID, Instant> createdAt = joining.isEmpty() ? Map.of() : graph.createdAt(tenantId, joining);
        joined.values().forEach(lives -> {
            UUID survivor = lives.stream().min(Comparator.comparing((UUID id) -> createdAt.get(id))
                    .thenComparing(id -> id)).orElseThrow();
            candidates.clusters.members(survivor).forEach(member -> clusterOf.put(member, survivor));
            lives.stream().filter(id -> !id.equals(survivor)).sorted().forEach(merged -> {
                survivorOf.put(merged, survivor);
                MatchedBy match = matchedBy.get(merged);
                decisions.add(new MergeService.Decision(match.type(), survivor, merged, match.reason(),
                        match.evidence(), RESOLVER));
            });
        });
        merges.applyAll(tenantId, decisions, clusterOf, now);
        return survivorOf;
    }

    /** Every live entity that holds one of the chunk's keys, where the chunk's records are, and the blocks among them. */
    private Candidates candidates(String tenantId, List<KeyedRecord> keysOf, List<IdentityStore.RecordKey> keyRows) {
        Map<IdentityStore.TypedKey, List<UUID>> holders = new HashMap<>();
        Set<UUID> recordIds = new LinkedHashSet<>();
        keysOf.forEach(keyedRecord -> recordIds.add(keyedRecord.record().recordId()));
        Set<IdentityStore.TypedKey> wanted = new LinkedHashSet<>();
        keyRows.forEach(row -> wanted.add(new IdentityStore.TypedKey(row.type(), row.key())));
        for (IdentityStore.RecordKey holder : store.holders(tenantId, wanted)) {
            holders.computeIfAbsent(new IdentityStore.TypedKey(holder.type(), holder.key()), k -> new ArrayList<>()).add(holder.recordId());
            recordIds.add(holder.recordId());
        }
        Map<UUID, GraphMerges.Placement> placements = graph.placements(tenantId, recordIds);
        Map<UUID, List<UUID>> clusters = graph.clusters(tenantId, comparable(keysOf, holders, placements));
        Set<UUID> everyMember = new HashSet<>();
        clusters.values().forEach(everyMember::addAll);
        return new Candidates(holders, placements,
                new EntityClusters(clusters, store.blocksAmong(tenantId, everyMember)));
    }

    /**
     * The entities the chunk's records may join or be compared with: their own, those holding a strong key with them, and
     * those holding a weak key few enough entities hold. A weak key that more than {@link #MOST_SUGGESTED_PER_KEY} others
     * hold proposes nobody ({@link #candidatePairs}), so its holders need neither their clusters nor their blocks read: at
     * a million records most holders of a chunk's keys are holders of common names.
     */
    private static Set<UUID> comparable(List<KeyedRecord> keysOf, Map<IdentityStore.TypedKey, List<UUID>> holders,
                                        Map<UUID, GraphMerges.Placement> placements) {
        Set<UUID> entities = new HashSet<>();
        keysOf.forEach(keyedRecord -> entities.add(placements.get(keyedRecord.record().recordId()).entityId()));
        holders.forEach((key, recordIds) -> {
            List<GraphMerges.Placement> placed = recordIds.stream().map(placements::get).filter(Objects::nonNull).toList();
            // Counted as candidatePairs counts them, plus the record's own entity, which it leaves out.
            long live = placed.stream().filter(placement -> !placement.deleted()).map(GraphMerges.Placement::entityId)
                    .distinct().count();
            if (key.key().strong() || live <= MOST_SUGGESTED_PER_KEY + 1) {
                placed.forEach(placement -> entities.add(placement.entityId()));
            }
        });
        return entities;
    }

    private static Map<String, Object> evidence(MatchKey key, RecordSnapshot record) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("key", key.type());
        evidence.put("value", key.value());
        evidence.put("record", record.ref().toString());
        return evidence;
    }

    /** Keys as stored name their type and value; whether a key is strong follows from its type. */
    private static boolean sameKeys(Set<MatchKey> computed, Set<MatchKey> stored) {
        return computed.size() == stored.size() && computed.stream().allMatch(key -> stored.stream()
                .anyMatch(other -> other.type().equals(key.type()) && other.value().equals(key.value())));
    }

    private static Set<MatchKey> keysOf(RecordSnapshot record) {
        if (record.deleted()) {
            return Set.of();
        }
        return record.prepared() instanceof PreparedKeys prepared ? prepared.keys() : RecordKeys.of(record.type(), record.values());
    }

    /** The keys of a record's values, worked out before the lock. */
    private record PreparedKeys(Set<MatchKey> keys) {
    }

    /** A written record with the keys its values give. */
    private record KeyedRecord(RecordSnapshot record, Set<MatchKey> keys) {
    }

    /** Why an entity first joined its cluster (an exact key, or a score above the workspace's threshold): a merge's reason. */
    private record MatchedBy(EntityType type, String reason, Map<String, Object> evidence) {
    }

    private record Candidates(Map<IdentityStore.TypedKey, List<UUID>> holders, Map<UUID, GraphMerges.Placement> placements,
                              EntityClusters clusters) {

        UUID entityOf(UUID recordId) {
            return placements.get(recordId).entityId();
        }

        /** The live entities of the other records holding the key that their sources have not deleted, in id order. */
        List<UUID> entitiesWith(EntityType type, MatchKey key, UUID exceptRecord) {
            return recordsWith(type, key, exceptRecord).stream().map(GraphMerges.Placement::entityId).distinct().sorted()
                    .toList();
        }

        /** Where the other records holding the key are, those their sources have not deleted, in record order. */
        List<GraphMerges.Placement> recordsWith(EntityType type, MatchKey key, UUID exceptRecord) {
            return holders.getOrDefault(new IdentityStore.TypedKey(type, key), List.of()).stream()
                    .filter(recordId -> !recordId.equals(exceptRecord))
                    .sorted()
                    .map(placements::get)
                    .filter(placement -> placement != null && !placement.deleted())
                    .toList();
        }
    }
}
