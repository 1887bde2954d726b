package dev.mosaic.bench.graphload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The data graph-load sends: what identity resolution and the ingest API will make of it. */
class GeneratedGraphTest {

    private static final long RECORDS = 20_000;
    private static final int BATCH = 1_000;
    private static List<IngestBatch> batches;

    @BeforeAll
    static void generate() {
        batches = all(new BatchStream(42, RECORDS, BATCH));
    }

    @Test
    void theSameSeedGivesTheSameBatchesAndAnotherSeedOtherData() {
        List<IngestBatch> again = all(new BatchStream(42, RECORDS, BATCH));
        List<IngestBatch> other = all(new BatchStream(43, RECORDS, BATCH));

        assertThat(again).hasSameSizeAs(batches);
        for (int i = 0; i < batches.size(); i++) {
            assertThat(again.get(i).source()).isEqualTo(batches.get(i).source());
            assertThat(again.get(i).json()).isEqualTo(batches.get(i).json());
        }
        assertThat(other.get(0).json()).isNotEqualTo(batches.get(0).json());
    }

    @Test
    void sendsExactlyTheRecordsAskedForInBatchesNoLargerThanAsked() {
        assertThat(batches.stream().mapToLong(IngestBatch::size).sum()).isEqualTo(RECORDS);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.size()).isBetween(1, BATCH));
        assertThat(batches.stream().map(IngestBatch::source).distinct()).containsExactlyInAnyOrder(Source.CRM, Source.ERP);
        assertThat(all(new BatchStream(42, 7, BATCH)).stream().mapToLong(IngestBatch::size).sum()).isEqualTo(7);
    }

    @Test
    void aboutAThirdOfTheContactsAppearInBothSourcesWithTheEmailInAnotherCase() {
        Map<String, Set<Source>> sourcesByEmail = new HashMap<>();
        Map<String, Set<String>> spellings = new HashMap<>();
        forEachItem(ItemKind.CONTACTS, (source, contact) -> {
            String email = contact.get("email").asText();
            String key = email.toLowerCase(Locale.ROOT);
            sourcesByEmail.computeIfAbsent(key, k -> new HashSet<>()).add(source);
            spellings.computeIfAbsent(key, k -> new HashSet<>()).add(email);
        });

        long inBoth = sourcesByEmail.values().stream().filter(sources -> sources.size() == 2).count();
        double share = (double) inBoth / sourcesByEmail.size();
        assertThat(share).isBetween(0.28, 0.39);
        sourcesByEmail.forEach((email, sources) -> {
            if (sources.size() == 2) {
                assertThat(spellings.get(email)).as("the two spellings of %s", email).hasSize(2);
            }
        });
    }

    @Test
    void sharedOrganizationsGiveTheirDomainInAnotherFormInTheOtherSource() {
        Set<String> crmDomains = new HashSet<>();
        Set<String> erpDomains = new HashSet<>();
        forEachItem(ItemKind.ORGANIZATIONS, (source, organization) -> {
            if (source == Source.CRM) {
                crmDomains.add(organization.get("domain").asText());
                assertThat(organization.has("website")).isFalse();
            } else {
                String website = organization.get("website").asText();
                assertThat(website).startsWith("https://www.").endsWith("/");
                erpDomains.add(URI.create(website).getHost().substring("www.".length()));
                assertThat(organization.has("domain")).isFalse();
            }
        });

        Set<String> inBoth = new HashSet<>(crmDomains);
        inBoth.retainAll(erpDomains);
        Set<String> all = new HashSet<>(crmDomains);
        all.addAll(erpDomains);
        assertThat((double) inBoth.size() / all.size()).isBetween(0.35, 0.60);
    }

    @Test
    void someSameNamePairsHaveNothingStrongerThanTheName() {
        Map<String, Set<String>> domainsByName = new HashMap<>();
        forEachItem(ItemKind.ORGANIZATIONS, (source, organization) -> {
            String web = organization.has("domain") ? organization.get("domain").asText()
                    : URI.create(organization.get("website").asText()).getHost().substring("www.".length());
            String name = organization.get("name").asText().replace(" Inc.", "");
            domainsByName.computeIfAbsent(name, k -> new HashSet<>()).add(web);
        });
        Map<String, Set<String>> emailsByName = new HashMap<>();
        forEachItem(ItemKind.CONTACTS, (source, contact) -> emailsByName.computeIfAbsent(
                contact.get("firstName").asText() + " " + contact.get("lastName").asText(), k -> new HashSet<>())
                .add(contact.get("email").asText().toLowerCase(Locale.ROOT)));

        long namesakeOrganizations = domainsByName.values().stream().filter(domains -> domains.size() > 1).count();
        long namesakeContacts = emailsByName.values().stream().filter(emails -> emails.size() > 1).count();
        assertThat(namesakeOrganizations).isPositive();
        assertThat((double) namesakeOrganizations / domainsByName.size()).isLessThan(0.10);
        assertThat(namesakeContacts).isPositive();
        assertThat((double) namesakeContacts / emailsByName.size()).isLessThan(0.05);
    }

    @Test
    void itemsReferOnlyToItemsOfTheirSourceAlreadySent() {
        // The API writes a batch's arrays in this order, so an item may refer to earlier arrays of its own batch.
        Map<Source, Map<ItemKind, Set<String>>> sent = new EnumMap<>(Source.class);
        List<String> dangling = new ArrayList<>();
        int references = 0;
        for (IngestBatch batch : batches) {
            Map<ItemKind, Set<String>> known = sent.computeIfAbsent(batch.source(), s -> new EnumMap<>(ItemKind.class));
            for (ItemKind kind : ItemKind.values()) {
                for (ObjectNode item : batch.items(kind)) {
                    for (Map.Entry<ItemKind, String> reference : references(item)) {
                        references++;
                        if (!known.getOrDefault(reference.getKey(), Set.of()).contains(reference.getValue())) {
                            dangling.add(batch.source() + " " + item.get("externalId").asText() + " -> " + reference.getValue());
                        }
                    }
                }
                batch.items(kind).forEach(item -> known.computeIfAbsent(kind, k -> new HashSet<>())
                        .add(item.get("externalId").asText()));
            }
        }
        assertThat(references).isGreaterThan((int) RECORDS);
        assertThat(dangling).isEmpty();
    }

    @Test
    void theMixPerOrganizationLooksLikeACrm() {
        SliceGenerator generator = new SliceGenerator(42);
        int slices = 2_000;
        Map<ItemKind, Integer> primaryItems = new EnumMap<>(ItemKind.class);
        long withPastEmployers = 0;
        long contacts = 0;
        for (int i = 0; i < slices; i++) {
            for (Slice.SourceItem item : generator.slice(i).items()) {
                if (item.firstOfEntity()) {
                    primaryItems.merge(item.kind(), 1, Integer::sum);
                }
                if (item.kind() == ItemKind.CONTACTS) {
                    contacts++;
                    withPastEmployers += item.item().has("pastOrganizations") ? 1 : 0;
                }
            }
        }
        int organizations = primaryItems.get(ItemKind.ORGANIZATIONS);
        assertThat((double) primaryItems.get(ItemKind.CONTACTS) / organizations).isBetween(4.5, 5.5);
        assertThat((double) primaryItems.get(ItemKind.DEALS) / organizations).isBetween(1.7, 2.3);
        assertThat((double) primaryItems.get(ItemKind.INTERACTIONS) / organizations).isBetween(15.0, 20.0);
        assertThat((double) primaryItems.get(ItemKind.NOTES) / organizations).isBetween(2.0, 3.0);
        assertThat((double) withPastEmployers / contacts).isBetween(0.35, 0.6);
    }

    @Test
    void everyItemCarriesWhatTheIngestApiRequiresAndNoTimeInTheFuture() {
        Map<Source, Map<ItemKind, Set<String>>> ids = new EnumMap<>(Source.class);
        for (IngestBatch batch : batches) {
            for (ItemKind kind : ItemKind.values()) {
                for (ObjectNode item : batch.items(kind)) {
                    String externalId = item.get("externalId").asText();
                    assertThat(ids.computeIfAbsent(batch.source(), s -> new EnumMap<>(ItemKind.class))
                            .computeIfAbsent(kind, k -> new HashSet<>()).add(externalId))
                            .as("%s %s %s sent once", batch.source(), kind, externalId).isTrue();
                    assertThat(Instant.parse(item.get("updatedAt").asText())).isBefore(SliceGenerator.NEWEST);
                    switch (kind) {
                        case ORGANIZATIONS -> assertThat(item.get("name").asText()).isNotBlank();
                        case CONTACTS -> assertThat(item.get("email").asText()).matches("[^@\\s]+@[^@\\s]+\\.[A-Za-z.]{2,}");
                        case DEALS -> {
                            assertThat(item.get("name").asText()).isNotBlank();
                            assertThat(item.get("currency").asText()).matches("[A-Z]{3}");
                        }
                        case INTERACTIONS -> {
                            assertThat(item.get("type").asText()).isIn("email", "call", "meeting", "task");
                            assertThat(Instant.parse(item.get("occurredAt").asText())).isBefore(SliceGenerator.NEWEST);
                        }
                        case NOTES -> assertThat(item.get("body").asText()).isNotBlank();
                    }
                }
            }
        }
    }

    private static List<Map.Entry<ItemKind, String>> references(ObjectNode item) {
        List<Map.Entry<ItemKind, String>> references = new ArrayList<>();
        text(item, "organization").ifPresent(id -> references.add(Map.entry(ItemKind.ORGANIZATIONS, id)));
        text(item, "contact").ifPresent(id -> references.add(Map.entry(ItemKind.CONTACTS, id)));
        text(item, "deal").ifPresent(id -> references.add(Map.entry(ItemKind.DEALS, id)));
        item.path("pastOrganizations").forEach(id -> references.add(Map.entry(ItemKind.ORGANIZATIONS, id.asText())));
        for (JsonNode contact : item.path("contacts")) {
            references.add(Map.entry(ItemKind.CONTACTS, contact.isObject() ? contact.get("externalId").asText() : contact.asText()));
        }
        return references;
    }

    private static java.util.Optional<String> text(ObjectNode item, String field) {
        return item.hasNonNull(field) ? java.util.Optional.of(item.get(field).asText()) : java.util.Optional.empty();
    }

    private static void forEachItem(ItemKind kind, java.util.function.BiConsumer<Source, ObjectNode> action) {
        batches.forEach(batch -> batch.items(kind).forEach(item -> action.accept(batch.source(), item)));
    }

    private static List<IngestBatch> all(BatchStream stream) {
        List<IngestBatch> all = new ArrayList<>();
        stream.forEachRemaining(all::add);
        return all;
    }
}
