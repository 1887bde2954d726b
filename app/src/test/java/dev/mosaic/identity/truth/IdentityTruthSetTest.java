package dev.mosaic.identity.truth;


import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.tenant.ApiTokenService;
import dev.mosaic.tenant.TenantPrincipal;
import dev.mosaic.tenant.TenantService;
import dev.mosaic.tenant.UserService;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The identity-resolution truth set, end to end: 300 organizations and 1,000 people, spread over two
 * sources with known corruptions, ingested through the HTTP API; every record is then resolved through
 * the external-id endpoint and Mosaic's clusters are scored against the truth.
 *
 * <p>Gates: precision is exactly 1.0, pairwise and per cluster, for both record types (a wrong merge is
 * worse than a missed one: it shows one customer another's data). Recall must reach the floor computed
 * from the truth itself: every pair of records linked by a chain of deterministic keys (mailbox in any
 * case but not info@, registrable non-free-mail domain, E.164 phone with the same last or organization
 * name, as the README documents) must be merged. Pairs with only weak evidence (a name, a free-mail
 * domain, a shared switchboard) or none may stay apart, as the rules require.
 *
 * <p>Then with probabilistic matching: once the workspace lets Mosaic merge from the recommended threshold, pairwise
 * precision stays at least 0.99 and contacts' recall rises well above what exact keys find.
 */
class IdentityTruthSetTest extends MosaicIntegrationTest {

    private static final int ITEMS_PER_BATCH = 250;
    /** The auto-merge threshold {@code bench identity} recommends (from FEBRL3). */
    private static final double RECOMMENDED_THRESHOLD = 0.95;
    /** Contacts' recall with exact keys alone is 0.637; scoring must take it well above. */
    private static final double CONTACT_RECALL_WITH_SCORING = 0.8;

    @Autowired
    private TenantService tenants;
    @Autowired
    private UserService users;
    @Autowired
    private ApiTokenService tokens;

    @Test
    void resolvesTheTruthSetWithPerfectPrecisionAndEveryDeterministicMatch() throws Exception {
        // Another world: mvn ... -Dmosaic.truth.seed=7 (the default seed is the one the figures are quoted for).
        long seed = Long.getLong("mosaic.truth.seed", TruthSetGenerator.DEFAULT_SEED);
        TruthSet truth = new TruthSetGenerator(seed).generate(300, 1000);
        // The resolver claims the same clusters whatever the order of arrival: -Dmosaic.truth.reversed=true
        // sends crm-b first and every source's records last to first; the gates and figures must not move.
        boolean reversed = Boolean.getBoolean("mosaic.truth.reversed");
        TruthSet sent = reversed ? truth.reversed() : truth;
        List<String> sources = reversed ? List.of(Appearances.SOURCE_B, Appearances.SOURCE_A)
                : List.of(Appearances.SOURCE_A, Appearances.SOURCE_B);
        long setupStart = System.nanoTime();
        MosaicIdentityApi api = new MosaicIdentityApi(http, this::url, tokenForOwnTenant());
        long setupMillis = (System.nanoTime() - setupStart) / 1_000_000;

        IngestTotals totals = new IngestTotals();
        Map<RecordType, Long> ingestMillis = new EnumMap<>(RecordType.class);
        for (String source : sources) {
            for (RecordType type : List.of(RecordType.ORGANIZATION, RecordType.CONTACT)) {
                long start = System.nanoTime();
                for (ObjectNode batch : IngestBatches.of(sent, source, type, ITEMS_PER_BATCH)) {
                    totals.add(source, api.ingest(source, batch));
                }
                ingestMillis.merge(type, (System.nanoTime() - start) / 1_000_000, Long::sum);
            }
        }

        long resolveStart = System.nanoTime();
        Map<RecordType, ResolutionScore> scores = new EnumMap<>(RecordType.class);
        Map<RecordType, String> breakdowns = new EnumMap<>(RecordType.class);
        Map<RecordType, Map<String, String>> resolvedIds = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            List<TruthRecord> records = truth.of(type);
            Map<String, String> resolved = api.resolve(records);
            resolvedIds.put(type, resolved);
            scores.put(type, ResolutionScorer.score(type, records, resolved));
            breakdowns.put(type, ScenarioBreakdown.of(records, resolved));
        }
        long resolveMillis = (System.nanoTime() - resolveStart) / 1_000_000;

        // Reported, not gated: how the review queue ranks. Scored with the model the workspace's own data gives, as it
        // would be once the workspace grew.
        long reviewStart = System.nanoTime();
        api.estimateModels();
        List<ReviewSuggestion> queue = api.pendingReviews();
        StringBuilder review = new StringBuilder(String.format(Locale.ROOT, "    (%d suggestions read in %d ms)%n",
                queue.size(), (System.nanoTime() - reviewStart) / 1_000_000));
        for (RecordType type : RecordType.values()) {
            review.append(ReviewQueueScore.of(type, truth.of(type), resolvedIds.get(type), queue).report());
            for (double threshold : List.of(0.9, 0.95, 0.97)) {
                ResolutionScore merged = AutoMergeWhatIf.score(type, truth.of(type), resolvedIds.get(type), queue, threshold);
                review.append(String.format(Locale.ROOT, "      auto-merged from %.2f: pairwise precision %.4f, recall %.4f, "
                        + "F1 %.4f%n", threshold, merged.pairPrecision(), merged.pairRecall(), merged.f1()));
            }
        }

        // Then the workspace lets Mosaic merge from the recommended threshold: the next estimate merges the pending pairs
        // scored above it, and every record is looked up again.
        api.autoMergeAbove(RECOMMENDED_THRESHOLD);
        api.estimateModels();
        Map<RecordType, ResolutionScore> autoMerged = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            autoMerged.put(type, ResolutionScorer.score(type, truth.of(type), api.resolve(truth.of(type))));
            review.append(String.format(Locale.ROOT, "    %s, auto-merged from %.2f by Mosaic: pairwise precision %.4f, "
                    + "recall %.4f, F1 %.4f%n", type.object, RECOMMENDED_THRESHOLD, autoMerged.get(type).pairPrecision(),
                    autoMerged.get(type).pairRecall(), autoMerged.get(type).f1()));
        }

        if (reversed) {
            System.out.println("\n(records sent in reverse order, crm-b first)");
        }
        System.out.println(report(truth, totals, ingestMillis, resolveMillis, scores, breakdowns, review.toString())
                + String.format(Locale.ROOT, "(tenant set up in %d ms; whole test %d ms)%n", setupMillis,
                (System.nanoTime() - setupStart) / 1_000_000));

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(totals.rejections()).as("items Mosaic rejected").isEmpty();
        softly.assertThat(totals.received()).as("items received").isEqualTo(truth.records().size());
        for (ResolutionScore score : scores.values()) {
            String problems = score.problems(5);
            softly.assertThat(score.unresolved()).as(score.type().object + " records not found by external id")
                    .isZero();
            softly.assertThat(score.pairPrecision()).as(score.type().object + " pairwise precision\n" + problems)
                    .isEqualTo(1.0);
            softly.assertThat(score.clusterPrecision()).as(score.type().object + " cluster precision\n" + problems)
                    .isEqualTo(1.0);
            softly.assertThat(score.foundStrongPairs())
                    .as(score.type().object + " pairs sharing a deterministic key that were merged\n" + problems)
                    .isEqualTo(score.strongKeyPairs());
            softly.assertThat(score.pairRecall()).as(score.type().object + " recall against its floor")
                    .isGreaterThanOrEqualTo(score.recallFloor());
        }
        for (ResolutionScore score : autoMerged.values()) {
            softly.assertThat(score.pairPrecision()).as(score.type().object + " pairwise precision once auto-merged from "
                    + RECOMMENDED_THRESHOLD + "\n" + score.problems(5)).isGreaterThanOrEqualTo(0.99);
        }
        softly.assertThat(autoMerged.get(RecordType.CONTACT).pairRecall()).as("contact recall once auto-merged from "
                + RECOMMENDED_THRESHOLD).isGreaterThanOrEqualTo(CONTACT_RECALL_WITH_SCORING);
        softly.assertAll();
    }

    /** A tenant of its own, so other tests' customers can neither merge into the truth set nor be merged by it. */
    private String tokenForOwnTenant() {
        String tenant = "truth-" + UUID.randomUUID().toString().substring(0, 8);
        tenants.create(tenant, "Identity truth set");
        TenantPrincipal admin = users.create(tenant, "truth@example.com", UUID.randomUUID().toString(),
                TenantPrincipal.Role.ADMIN);
        String token = "mosaic_" + tenant + "_" + UUID.randomUUID().toString().replace("-", "");
        tokens.register(admin, "identity truth set", token);
        return token;
    }

    private static String report(TruthSet truth, IngestTotals totals, Map<RecordType, Long> ingestMillis,
                                 long resolveMillis,
                                 Map<RecordType, ResolutionScore> scores, Map<RecordType, String> breakdowns,
                                 String review) {
        StringBuilder out = new StringBuilder();
        out.append("\n===== Identity resolution truth set (seed ").append(truth.seed()).append(") =====\n");
        for (String source : List.of(Appearances.SOURCE_A, Appearances.SOURCE_B)) {
            out.append(String.format(Locale.ROOT, "  %s: %d organization records, %d contact records%n", source,
                    truth.of(source, RecordType.ORGANIZATION).size(), truth.of(source, RecordType.CONTACT).size()));
        }
        long totalMillis = ingestMillis.values().stream().mapToLong(Long::longValue).sum();
        out.append(String.format(Locale.ROOT, "  ingest: %s in %d ms (%.0f items/s)%n", totals, totalMillis,
                totals.received() * 1000.0 / Math.max(1, totalMillis)));
        for (RecordType type : ingestMillis.keySet()) {
            int items = truth.of(type).size();
            out.append(String.format(Locale.ROOT, "    %s: %d items in %d ms (%.0f items/s)%n", type.batchArray, items,
                    ingestMillis.get(type), items * 1000.0 / Math.max(1, ingestMillis.get(type))));
        }
        out.append(String.format(Locale.ROOT, "  external-id lookups: %d in %d ms%n", truth.records().size(),
                resolveMillis));
        scores.values().forEach(score -> out.append(score.report()));
        out.append("  copies joined to their entity's first record, per corruption:\n");
        breakdowns.values().forEach(out::append);
        out.append("  review queue (weak evidence, for a person to decide):\n").append(review);
        scores.values().forEach(score -> out.append(score.problems(5)));
        out.append("===== end of identity resolution truth set =====\n");
        return out.toString();
    }
}
