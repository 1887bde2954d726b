package dev.mosaic.identity.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scorer on cases small enough to count by hand. */
class TruthScorerTest {

    // Jane: three records, two sharing her mailbox, one with only her name (a loss the rules allow).
    private final TruthRecord janeA = contact("crm-a", "c-1", "jane", "email:jane@acme.com");
    private final TruthRecord janeB = contact("crm-b", "c-1", "jane", "email:jane@acme.com");
    private final TruthRecord janeNameOnly = contact("crm-b", "c-2", "jane");
    // John works at the same company: same domain, different mailbox.
    private final TruthRecord johnA = contact("crm-a", "c-2", "john", "email:john@acme.com");
    // Bob: linked only by his phone.
    private final TruthRecord bobA = contact("crm-a", "c-3", "bob", "phone:+14155550101");
    private final TruthRecord bobB = contact("crm-b", "c-3", "bob", "phone:+14155550101");
    private final List<TruthRecord> records = List.of(janeA, janeB, janeNameOnly, johnA, bobA, bobB);

    @Test
    void countsAFalseMergeAMissedStrongPairAndAnUnresolvedRecord() {
        Map<String, String> resolved = new LinkedHashMap<>();
        resolved.put(janeA.ref(), "X");
        resolved.put(janeB.ref(), "X");
        resolved.put(johnA.ref(), "X");        // wrongly merged into Jane's cluster
        resolved.put(janeNameOnly.ref(), "Y"); // apart: allowed
        resolved.put(bobA.ref(), "Z");         // bobB did not resolve at all

        ResolutionScore score = ResolutionScorer.score(RecordType.CONTACT, records, resolved);

        assertThat(score.trueEntities()).isEqualTo(3);
        assertThat(score.predictedClusters()).isEqualTo(4); // X, Y, Z and unresolved bobB
        assertThat(score.truePairs()).isEqualTo(4);         // Jane 3, Bob 1
        assertThat(score.predictedPairs()).isEqualTo(3);    // all inside X
        assertThat(score.correctPairs()).isEqualTo(1);      // janeA-janeB
        assertThat(score.pairPrecision()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(score.pairRecall()).isCloseTo(0.25, within(1e-9));
        assertThat(score.f1()).isCloseTo(2 * (1.0 / 3) * 0.25 / (1.0 / 3 + 0.25), within(1e-9));
        assertThat(score.impureClusters()).isEqualTo(1);
        assertThat(score.clusterPrecision()).isCloseTo(0.75, within(1e-9));
        assertThat(score.unresolved()).isEqualTo(1);
        assertThat(score.strongKeyPairs()).isEqualTo(2);    // Jane's mailbox, Bob's phone
        assertThat(score.foundStrongPairs()).isEqualTo(1);
        assertThat(score.recallFloor()).isCloseTo(0.5, within(1e-9));

        assertThat(score.falseMerges()).singleElement().satisfies(merge -> {
            assertThat(merge.clusterId()).isEqualTo("X");
            assertThat(merge.recordsByTrueEntity()).containsOnlyKeys("jane", "john");
        });
        assertThat(score.missedStrongPairs()).singleElement()
                .satisfies(missed -> assertThat(Set.of(missed.first(), missed.second())).containsOnly(bobA, bobB));
        assertThat(score.problems(5)).contains("1 false merge(s)", "crm-a/contact/c-2 [truth john",
                "1 strong-key pair(s) not merged", "crm-b/contact/c-3");
    }

    @Test
    void perfectDeterministicResolutionScoresPrecisionOneAndRecallAtTheFloor() {
        Map<String, String> resolved = Map.of(janeA.ref(), "J", janeB.ref(), "J", janeNameOnly.ref(), "J2",
                johnA.ref(), "H", bobA.ref(), "B", bobB.ref(), "B");

        ResolutionScore score = ResolutionScorer.score(RecordType.CONTACT, records, resolved);

        assertThat(score.pairPrecision()).isEqualTo(1.0);
        assertThat(score.clusterPrecision()).isEqualTo(1.0);
        assertThat(score.pairRecall()).isCloseTo(score.recallFloor(), within(1e-9));
        assertThat(score.strongKeyRecall()).isEqualTo(1.0);
        assertThat(score.problems(5)).isEmpty();
    }

    @Test
    void breaksCopiesDownIntoThoseThatMustMergeAndThoseThatMay() {
        Map<String, String> resolved = Map.of(janeA.ref(), "J", janeB.ref(), "J", janeNameOnly.ref(), "J2",
                johnA.ref(), "H", bobA.ref(), "B", bobB.ref(), "B2");

        // Copies (not first records): janeB (must, joined), janeNameOnly (may, apart), bobB (must, apart).
        assertThat(ScenarioBreakdown.of(records, resolved)).contains("hand-made").contains("must merge   1/2")
                .contains("may merge   0/1");
    }

    @Test
    void classifiesReviewSuggestionsAgainstTheTruth() {
        Map<String, String> resolved = Map.of(janeA.ref(), "J", janeB.ref(), "J", janeNameOnly.ref(), "J2",
                johnA.ref(), "H", bobA.ref(), "B", bobB.ref(), "B");
        List<ReviewSuggestion> queue = List.of(
                new ReviewSuggestion("contact", "name", "J2", "J", 0.95),   // Jane's two clusters: worth accepting
                new ReviewSuggestion("contact", "name", "J", "H", 0.6),     // Jane and John: worth rejecting
                new ReviewSuggestion("contact", "name", "B", "B", 0.99),    // already one entity
                new ReviewSuggestion("organization", "name", "O1", "O2", 0.99));

        ReviewQueueScore score = ReviewQueueScore.of(RecordType.CONTACT, records, resolved, queue);

        assertThat(List.of(score.suggestions(), score.sameRealEntity(), score.differentRealEntities(), score.stale(),
                score.unknownEntity(), score.splitClusterPairs(), score.splitClusterPairsSuggested()))
                .containsExactly(3, 1, 1, 1, 0, 1, 1);
        assertThat(score.precisionFrom(0.5)).isEqualTo(0.5);
        assertThat(score.precisionFrom(0.9)).isEqualTo(1.0);
    }

    @Test
    void strongKeysLinkThroughAChainOfRecords() {
        // a and c share nothing directly; b carries a's mailbox and c's phone, so all three must merge.
        TruthRecord a = contact("crm-a", "c-1", "p", "email:p@x.com");
        TruthRecord b = contact("crm-a", "c-2", "p", "email:p@x.com", "phone:+14155550102");
        TruthRecord c = contact("crm-b", "c-1", "p", "phone:+14155550102");

        ResolutionScore score = ResolutionScorer.score(RecordType.CONTACT, List.of(a, b, c),
                Map.of(a.ref(), "1", b.ref(), "2", c.ref(), "2"));

        assertThat(score.strongKeyPairs()).isEqualTo(3);
        assertThat(score.foundStrongPairs()).isEqualTo(1);
        assertThat(score.pairRecall()).isCloseTo(1.0 / 3, within(1e-9));
    }

    private static TruthRecord contact(String source, String externalId, String trueEntity, String... strongKeys) {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("externalId", externalId);
        payload.put("firstName", trueEntity);
        return new TruthRecord(RecordType.CONTACT, source, externalId, trueEntity, payload, Set.of(strongKeys),
                "hand-made");
    }
}
