package dev.mosaic.identity;

import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.GraphMerges;
import dev.mosaic.identity.scoring.MatchModel;
import dev.mosaic.identity.scoring.MatchScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scores the pairs of records that blocking proposes (they share a weak key: a name that sounds alike, a birthdate,
 * a phone, a mailbox name) in the Fellegi–Sunter manner, and keeps, per pair of entities, the best-scored pair of
 * their records with its evidence. One read of the other records' values per chunk.
 */
@Component
class ProbableMatches {

    private static final Logger log = LoggerFactory.getLogger(ProbableMatches.class);

    /** Below this a pair is not worth a person's look. */
    static final double SUGGEST_FROM = 0.1;

    private final GraphMerges graph;
    private final MatchingModels models;
    private final RecordProfiles profiles;

    ProbableMatches(GraphMerges graph, MatchingModels models, RecordProfiles profiles) {
        this.graph = graph;
        this.models = models;
        this.profiles = profiles;
    }

    /** A record of the chunk, another record sharing a weak key with it, and the live entities they are in. */
    record Candidate(EntityType type, UUID recordId, Map<String, Object> values, UUID otherRecordId, UUID entity,
                     UUID otherEntity) {
    }

    /** Two entities that may be one, with the score of their best-matching records. */
    record Scored(EntityType type, UUID entity, UUID otherEntity, UUID recordId, UUID otherRecordId, MatchScore score) {
    }

    /** Per pair of entities, the best score of their candidate records, from {@link #SUGGEST_FROM} up; best first. */
    List<Scored> score(String tenantId, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        long started = System.nanoTime();
        Set<UUID> others = new HashSet<>();
        candidates.forEach(candidate -> others.add(candidate.otherRecordId()));
        Map<UUID, Map<String, Object>> values = new HashMap<>(graph.valuesOf(tenantId, others));
        Map<UUID, EntityType> typeOf = new HashMap<>();
        candidates.forEach(candidate -> {
            values.putIfAbsent(candidate.recordId(), candidate.values());
            typeOf.put(candidate.recordId(), candidate.type());
            typeOf.put(candidate.otherRecordId(), candidate.type());
        });
        long readAt = System.nanoTime();
        // Each record is read once, however many pairs it is in.
        Map<UUID, Object> profiles = this.profiles.of(tenantId, typeOf, values);
        long profiledAt = System.nanoTime();
        Map<List<UUID>, Scored> best = new LinkedHashMap<>();
        Map<EntityType, MatchModel> modelOf = new EnumMap<>(EntityType.class);
        for (Candidate candidate : candidates) {
            Object other = profiles.get(candidate.otherRecordId());
            if (other == null) {
                continue;
            }
            MatchScore score = modelOf.computeIfAbsent(candidate.type(), type -> models.model(tenantId, type))
                    .score(RecordProfiles.compare(profiles.get(candidate.recordId()), other));
            if (score.probability() < SUGGEST_FROM) {
                continue;
            }
            List<UUID> pair = candidate.entity().compareTo(candidate.otherEntity()) < 0
                    ? List.of(candidate.entity(), candidate.otherEntity()) : List.of(candidate.otherEntity(), candidate.entity());
            Scored scored = new Scored(candidate.type(), candidate.entity(), candidate.otherEntity(), candidate.recordId(),
                    candidate.otherRecordId(), score);
            best.merge(pair, scored, (a, b) -> b.score().matchWeight() > a.score().matchWeight() ? b : a);
        }
        List<Scored> scored = new ArrayList<>(best.values());
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.score().probability()));
        if (log.isDebugEnabled()) {
            log.debug("Scored {} pairs with {} other records: their values read in {} ms, profiles {} ms, compared {} ms",
                    candidates.size(), others.size(), (readAt - started) / 1_000_000, (profiledAt - readAt) / 1_000_000,
                    (System.nanoTime() - profiledAt) / 1_000_000);
        }
        return scored;
    }

    /** Whether records of this type are scored: people (contacts, leads) and organizations. */
    static boolean scores(EntityType type) {
        return type == EntityType.CONTACT || type == EntityType.LEAD || type == EntityType.ORGANIZATION;
    }
}
