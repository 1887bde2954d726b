package dev.mosaic.identity;

import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.GraphMerges;
import dev.mosaic.identity.scoring.FieldComparison;
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
    /** The only field people's employers take part in (see {@link dev.mosaic.identity.scoring.PersonComparator}). */
    private static final String ORGANIZATION = "organization";

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

    /**
     * Per pair of entities, the best score of their candidate records, from {@link #SUGGEST_FROM} up; best first. People's
     * employers are read only for the pairs that could reach it once they are known: most pairs blocking proposes are
     * namesakes far below it whatever their organizations say.
     */
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
        // Each record is profiled once, however many pairs it is in.
        Map<UUID, Object> profiles = new HashMap<>(this.profiles.withoutEmployers(typeOf, values));
        Map<EntityType, MatchModel> modelOf = new EnumMap<>(EntityType.class);
        MatchScore[] scores = new MatchScore[candidates.size()];
        List<Integer> awaitingEmployers = new ArrayList<>();
        Set<UUID> employed = new HashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            Object mine = profiles.get(candidate.recordId());
            Object other = profiles.get(candidate.otherRecordId());
            if (other == null) {
                continue;
            }
            MatchModel model = modelOf.computeIfAbsent(candidate.type(), type -> models.model(tenantId, type));
            List<FieldComparison> comparisons = RecordProfiles.compare(mine, other);
            if (!RecordProfiles.employersMayMatter(mine, other)) {
                scores[i] = model.score(comparisons);
            } else if (mostWithEmployers(model, comparisons) >= SUGGEST_FROM) {
                awaitingEmployers.add(i);
                employed.add(candidate.recordId());
                employed.add(candidate.otherRecordId());
            }
        }
        profiles.putAll(this.profiles.withEmployers(tenantId, employed, values));
        for (int i : awaitingEmployers) {
            Candidate candidate = candidates.get(i);
            scores[i] = modelOf.get(candidate.type()).score(RecordProfiles.compare(profiles.get(candidate.recordId()),
                    profiles.get(candidate.otherRecordId())));
        }
        long comparedAt = System.nanoTime();
        Map<List<UUID>, Scored> best = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            MatchScore score = scores[i];
            if (score == null || score.probability() < SUGGEST_FROM) {
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
            log.debug("Scored {} pairs with {} other records: their values read in {} ms, compared in {} ms ({} pairs needed "
                    + "the employers of {} records)", candidates.size(), others.size(), (readAt - started) / 1_000_000,
                    (comparedAt - readAt) / 1_000_000, awaitingEmployers.size(), employed.size());
        }
        return scored;
    }

    /**
     * The highest probability two people compared without their employers could have once those are known: the
     * employers change only how their organizations compare, so at most that comparison becomes the strongest.
     */
    static double mostWithEmployers(MatchModel model, List<FieldComparison> comparisons) {
        double weight = model.score(comparisons).matchWeight();
        for (FieldComparison comparison : comparisons) {
            if (comparison.field().equals(ORGANIZATION)) {
                weight -= model.weight(comparison.field(), comparison.level());
            }
        }
        return MatchModel.probability(weight + model.mostFor(ORGANIZATION));
    }

    /** Whether records of this type are scored: people (contacts, leads) and organizations. */
    static boolean scores(EntityType type) {
        return type == EntityType.CONTACT || type == EntityType.LEAD || type == EntityType.ORGANIZATION;
    }
}
