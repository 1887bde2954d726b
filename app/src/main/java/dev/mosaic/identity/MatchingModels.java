package dev.mosaic.identity;

import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.GraphMerges;
import dev.mosaic.identity.scoring.FieldComparison;
import dev.mosaic.identity.scoring.MatchModel;
import dev.mosaic.identity.scoring.MatchScore;
import dev.mosaic.identity.scoring.ModelEstimation;
import dev.mosaic.platform.database.SqlTimes;
import dev.mosaic.platform.json.Json;
import dev.mosaic.platform.time.IsoInstants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each workspace's matching models, one per scored entity type: the defaults until its own data has been estimated
 * ({@link #estimate}), then what that data says. Estimating samples the workspace's records, compares random pairs of
 * them (for {@code u}) and the pairs blocking proposes (for {@code m}, by expectation–maximisation), keeps the model,
 * and scores the pending suggestions again with it.
 */
@Service
public class MatchingModels {

    /** Records sampled to estimate from; a workspace this size or smaller is read whole. */
    static final int SAMPLE = 5_000;
    static final int RANDOM_PAIRS = 20_000;
    /** Records a workspace needs before its data says more than the defaults. */
    static final int FIRST_ESTIMATE = 2_000;
    /** A busy workspace's model is estimated at most this often. */
    static final Duration LEAST_SPACING = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(MatchingModels.class);
    /** Other instances see a new estimate within this long. */
    private static final Duration CACHED_FOR = Duration.ofSeconds(30);
    private static final List<EntityType> SCORED = List.of(EntityType.CONTACT, EntityType.LEAD, EntityType.ORGANIZATION);

    private final DSLContext db;
    private final GraphMerges graph;
    private final IdentityStore store;
    private final RecordProfiles profiles;
    private final MatchingSettings settings;
    private final MergeService merges;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    MatchingModels(DSLContext db, GraphMerges graph, IdentityStore store, RecordProfiles profiles, MatchingSettings settings,
                   MergeService merges, Clock clock, PlatformTransactionManager transactions) {
        this.db = db;
        this.profiles = profiles;
        this.settings = settings;
        this.merges = merges;
        this.transactions = new TransactionTemplate(transactions);
        this.graph = graph;
        this.store = store;
        this.clock = clock;
    }

    /** What one estimate found. */
    public record Estimate(EntityType type, long records, int sampled, int blockedPairs, double prior, Instant estimatedAt,
                           int suggestionsRescored, int suggestionsMerged) {
    }

    private record Cached(MatchModel model, Instant readAt) {
    }

    /** The model scoring this workspace's pairs of this type now. */
    public MatchModel model(String tenantId, EntityType type) {
        String key = tenantId + "|" + type.key();
        Cached cached = cache.get(key);
        Instant now = clock.instant();
        if (cached == null || cached.readAt().plus(CACHED_FOR).isBefore(now)) {
            MatchModel model = db.fetchOptional("select model::text as model, records, new_records from matching_model "
                            + "where tenant_id = ? and entity_type = ? and model is not null", tenantId, type.key())
                    .map(row -> grown(MatchModel.fromValues(Json.mapper().convertValue(Json.read(row.get("model", String.class)),
                            Map.class), defaults(type)), row.get("records", Long.class), row.get("new_records", Long.class)))
                    .orElse(defaults(type));
            cached = new Cached(model, now);
            cache.put(key, cached);
        }
        return cached.model();
    }

    /**
     * An estimated model for the workspace as it is now. A workspace keeps about as many duplicates per record as it
     * grows, so the chance that two records drawn at random are one falls as the records grow: the prior estimated
     * from {@code records} is scaled down to {@code records + newRecords}.
     */
    static MatchModel grown(MatchModel estimated, long records, long newRecords) {
        if (records < 2 || newRecords <= 0) {
            return estimated;
        }
        double scaled = estimated.prior() * (records - 1) / (records + newRecords - 1);
        return new MatchModel(scaled, estimated.levels());
    }

    static MatchModel defaults(EntityType type) {
        return type == EntityType.ORGANIZATION ? MatchModel.organizationDefaults() : MatchModel.personDefaults();
    }

    /** When each type's model was estimated, for the settings; empty while a type scores with the defaults. */
    public List<Estimate> estimates(String tenantId) {
        return db.fetch("select entity_type, (model ->> 'prior')::float8 as prior, records, pairs, estimated_at "
                        + "from matching_model where tenant_id = ? and model is not null order by entity_type", tenantId)
                .map(row -> new Estimate(EntityType.fromKey(row.get("entity_type", String.class)), row.get("records", Long.class),
                        0, row.get("pairs", Integer.class), row.get("prior", Double.class), SqlTimes.instant(row, "estimated_at"),
                        0, 0));
    }

    /** Counts records a chunk added, per scored type: enough of them and the type's model is estimated again. */
    @Transactional(propagation = Propagation.MANDATORY)
    void noteNewRecords(String tenantId, Map<EntityType, Integer> created) {
        created.forEach((type, count) -> db.execute("""
                insert into matching_model (tenant_id, entity_type, new_records) values (?, ?, ?)
                on conflict (tenant_id, entity_type) do update set new_records = matching_model.new_records + excluded.new_records
                """, tenantId, type.key(), count));
    }

    /**
     * Estimates again the models whose data grew enough since: at least {@link #FIRST_ESTIMATE} records for a first
     * estimate, then as many new records as the last one saw, and never twice within {@link #LEAST_SPACING}. Run by
     * one instance at a time, in the background; one type failing does not stop the others.
     */
    public List<Estimate> estimateGrown() {
        List<Estimate> estimates = new ArrayList<>();
        db.fetch("""
                        select tenant_id, entity_type from matching_model
                        where new_records >= greatest(?, records)
                            and (estimated_at is null or estimated_at < now() - ? * interval '1 second')
                        order by tenant_id, entity_type""", FIRST_ESTIMATE, LEAST_SPACING.toSeconds())
                .forEach(row -> {
                    String tenantId = row.get("tenant_id", String.class);
                    EntityType type = EntityType.fromKey(row.get("entity_type", String.class));
                    try {
                        estimates.add(transactions.execute(status -> estimate(tenantId, type)));
                    } catch (RuntimeException e) {
                        log.warn("Could not estimate the {} matching model of tenant {}", type.key(), tenantId, e);
                    }
                });
        return estimates;
    }

    /** Estimates every scored type's model from the workspace's data; a type without data keeps the defaults. */
    @Transactional
    public List<Estimate> estimateAll(String tenantId) {
        List<Estimate> estimates = new ArrayList<>();
        for (EntityType type : SCORED) {
            if (graph.countSaid(tenantId, type) >= 2) {
                estimates.add(estimate(tenantId, type));
            }
        }
        return estimates;
    }

    @Transactional
    public Estimate estimate(String tenantId, EntityType type) {
        long records = graph.countSaid(tenantId, type);
        Map<UUID, Map<String, Object>> sample = graph.sampleValues(tenantId, type, SAMPLE);
        Map<UUID, Object> sampled = profiles.of(tenantId, type, sample);
        List<List<FieldComparison>> randomPairs = new ArrayList<>();
        randomPairs(List.copyOf(sample.keySet())).forEach(pair -> randomPairs.add(
                RecordProfiles.compare(sampled.get(pair.get(0)), sampled.get(pair.get(1)))));
        BlockedPairs blockedPairs = blockedPairs(tenantId, type, sample, sampled);
        MatchModel model = ModelEstimation.estimate(defaults(type), randomPairs, blockedPairs.known(), blockedPairs.unknown(),
                records * (records - 1) / 2.0);
        Instant now = clock.instant();
        db.execute("""
                insert into matching_model (tenant_id, entity_type, model, records, pairs, estimated_at, new_records)
                values (?, ?, ?::json, ?, ?, ?::timestamptz, 0)
                on conflict (tenant_id, entity_type) do update set model = excluded.model, records = excluded.records,
                    pairs = excluded.pairs, estimated_at = excluded.estimated_at, new_records = 0
                """, tenantId, type.key(), Json.write(model.toValues()), records, blockedPairs.size(), IsoInstants.format(now));
        cache.put(tenantId + "|" + type.key(), new Cached(model, now));
        List<Rescored> rescored = rescorePending(tenantId, type, model);
        int merged = mergeAboveThreshold(tenantId, rescored);
        return new Estimate(type, records, sample.size(), blockedPairs.size(), model.prior(), now, rescored.size(), merged);
    }

    /**
     * Up to {@link #RANDOM_PAIRS} distinct pairs of these records drawn at random. Distinct, so a small workspace's few
     * pairs, its duplicates among them, are not counted over and over as what chance agreement looks like.
     */
    private static Set<List<UUID>> randomPairs(List<UUID> ids) {
        long possible = (long) ids.size() * (ids.size() - 1) / 2;
        Set<List<UUID>> pairs = new LinkedHashSet<>();
        Random random = new Random(ids.hashCode());
        for (int draws = 0; pairs.size() < Math.min(RANDOM_PAIRS, possible) && draws < 4 * RANDOM_PAIRS; draws++) {
            UUID a = ids.get(random.nextInt(ids.size()));
            UUID b = ids.get(random.nextInt(ids.size()));
            if (!a.equals(b)) {
                pairs.add(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a));
            }
        }
        return pairs;
    }

    /** The pairs blocking proposes for the sampled records: each with the records sharing a weak key with it. */
    private BlockedPairs blockedPairs(String tenantId, EntityType type, Map<UUID, Map<String, Object>> sample,
                                      Map<UUID, Object> sampleProfiles) {
        Map<IdentityStore.TypedKey, List<UUID>> sampledBy = new HashMap<>();
        sample.forEach((id, values) -> RecordKeys.of(type, values).stream().filter(key -> !key.strong())
                .forEach(key -> sampledBy.computeIfAbsent(new IdentityStore.TypedKey(type, key), k -> new ArrayList<>()).add(id)));
        Map<IdentityStore.TypedKey, List<UUID>> holders = new HashMap<>();
        store.holders(tenantId, sampledBy.keySet()).forEach(holder -> holders
                .computeIfAbsent(new IdentityStore.TypedKey(holder.type(), holder.key()), k -> new ArrayList<>()).add(holder.recordId()));
        Set<List<UUID>> pairs = new LinkedHashSet<>();
        holders.forEach((key, holding) -> {
            if (holding.size() >= IdentityStore.WEAK_HOLDERS_READ) {
                return;
            }
            for (UUID sampled : sampledBy.get(key)) {
                for (UUID other : holding) {
                    if (!other.equals(sampled)) {
                        pairs.add(sampled.compareTo(other) < 0 ? List.of(sampled, other) : List.of(other, sampled));
                    }
                }
            }
        });
        Set<UUID> missing = new LinkedHashSet<>();
        pairs.forEach(pair -> pair.stream().filter(id -> !sample.containsKey(id)).forEach(missing::add));
        Map<UUID, Object> compared = new HashMap<>(sampleProfiles);
        compared.putAll(profiles.of(tenantId, type, graph.valuesOf(tenantId, missing)));
        Set<UUID> paired = new LinkedHashSet<>();
        pairs.forEach(paired::addAll);
        Map<UUID, GraphMerges.Placement> placements = graph.placements(tenantId, paired);
        BlockedPairs blocked = new BlockedPairs(new ArrayList<>(), new ArrayList<>());
        pairs.forEach(pair -> {
            if (compared.containsKey(pair.get(0)) && compared.containsKey(pair.get(1))) {
                List<FieldComparison> comparison = RecordProfiles.compare(compared.get(pair.get(0)), compared.get(pair.get(1)));
                GraphMerges.Placement a = placements.get(pair.get(0));
                GraphMerges.Placement b = placements.get(pair.get(1));
                boolean oneAlready = a != null && b != null && a.entityId().equals(b.entityId());
                (oneAlready ? blocked.known() : blocked.unknown()).add(comparison);
            }
        });
        return blocked;
    }

    /**
     * The pairs blocking proposes: those already one entity (an exact key merged them, or a person did), which are
     * known matches, and the others.
     */
    private record BlockedPairs(List<List<FieldComparison>> known, List<List<FieldComparison>> unknown) {

        int size() {
            return known.size() + unknown.size();
        }
    }

    /** A pending suggestion scored again: the two entities and how likely they now are one. */
    private record Rescored(ReviewItem item, MatchScore score, IdentityStore.Rescored row) {

        Rescored(ReviewItem item, MatchScore score) {
            this(item, score, rescoredItem(item, score));
        }
    }

    /** Scores the pending suggestions of this type again with a new model. */
    private List<Rescored> rescorePending(String tenantId, EntityType type, MatchModel model) {
        List<ReviewItem> pending = store.pendingMerges(tenantId, type);
        Set<UUID> recordIds = new LinkedHashSet<>();
        pending.forEach(item -> recordsOf(item).forEach(recordIds::add));
        Map<UUID, Object> compared = profiles.of(tenantId, type, graph.valuesOf(tenantId, recordIds));
        List<Rescored> rescored = new ArrayList<>();
        for (ReviewItem item : pending) {
            List<UUID> records = recordsOf(item);
            if (records.size() == 2 && compared.containsKey(records.get(0)) && compared.containsKey(records.get(1))) {
                rescored.add(new Rescored(item,
                        model.score(RecordProfiles.compare(compared.get(records.get(0)), compared.get(records.get(1))))));
            }
        }
        store.rescore(tenantId, rescored.stream().map(Rescored::row).toList());
        return rescored;
    }

    private static IdentityStore.Rescored rescoredItem(ReviewItem item, MatchScore score) {
        Map<String, Object> evidence = new LinkedHashMap<>(item.evidence());
        evidence.put("score", score.probability());
        evidence.put("evidence", score.evidence());
        return new IdentityStore.Rescored(item.reviewId(), score.probability(), score.words(), evidence);
    }

    /**
     * Merges the suggestions the new model scores at least the workspace's auto-merge threshold, best first, as the
     * resolver would have had it scored them so: the workspace said not to ask about those. A pair a person kept apart
     * stays apart.
     */
    private int mergeAboveThreshold(String tenantId, List<Rescored> rescored) {
        Double threshold = settings.autoMergeAbove(tenantId).orElse(null);
        if (threshold == null) {
            return 0;
        }
        int merged = 0;
        List<Rescored> above = rescored.stream().filter(r -> r.score().probability() >= threshold)
                .sorted(Comparator.comparingDouble((Rescored r) -> -r.score().probability())).toList();
        for (Rescored pair : above) {
            Map<String, Object> evidence = new LinkedHashMap<>(pair.row().evidence());
            evidence.put("reviewId", pair.item().reviewId().toString());
            if (merges.mergeUnlessKeptApart(tenantId, pair.item().entityA(), pair.item().entityB(),
                    IdentityResolver.probabilisticReason(pair.score()), evidence, IdentityResolver.RESOLVER)) {
                merged++;
            }
        }
        return merged;
    }

    private static List<UUID> recordsOf(ReviewItem item) {
        return item.evidence().get("records") instanceof List<?> records
                ? records.stream().map(id -> UUID.fromString(String.valueOf(id))).toList() : List.of();
    }
}
