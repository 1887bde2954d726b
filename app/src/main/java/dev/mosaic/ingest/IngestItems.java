package dev.mosaic.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.graph.ExternalRef;
import dev.mosaic.graph.LinkInput;
import dev.mosaic.graph.LinkKind;
import dev.mosaic.graph.SourceRecordInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one item of each kind into a source record with its links. References name other items of the
 * same source by their externalId; {@code owner} names a user on every kind but users themselves.
 */
final class IngestItems {

    private static final Set<String> COMMON = Set.of("externalId", "url", "updatedAt", "deleted", "owner");
    private static final Set<String> INTERACTION_TYPES = Set.of("email", "call", "meeting", "task");
    private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound", "internal");

    private IngestItems() {
    }

    static SourceRecordInput read(IngestKind kind, String source, JsonNode item, Instant receivedAt) {
        ItemFields fields = new ItemFields(item, receivedAt);
        ExternalRef ref = new ExternalRef(source, kind.object, fields.externalId());
        Optional<Instant> updatedAt = fields.observedAt("updatedAt");
        String version = updatedAt.map(Instant::toString).orElse(null);
        if (fields.deleted()) {
            // The source deleted it: what it said before stays as history, but no longer speaks for the entity.
            return new SourceRecordInput(kind.type, ref, null, Map.of(), List.of(), updatedAt.orElse(receivedAt),
                    version, true);
        }
        Links links = new Links(source, fields);
        Set<String> references = switch (kind) {
            case USERS -> user(fields);
            case ORGANIZATIONS -> organization(fields);
            case CONTACTS -> contact(fields, links);
            case LEADS -> lead(fields);
            case DEALS -> deal(fields, links);
            case INTERACTIONS -> interaction(fields, links);
            case NOTES -> note(fields, links);
        };
        if (kind != IngestKind.USERS) {
            links.one("owner", LinkKind.OWNER, "user", Map.of());
        }
        fields.keepOtherScalars(union(COMMON, references));
        return new SourceRecordInput(kind.type, ref, fields.text("url").orElse(null), fields.values(), links.all,
                updatedAt.orElse(receivedAt), version, false);
    }

    private static Set<String> user(ItemFields fields) {
        fields.keepText("name", "title").keepEmail("email");
        fields.require("a user needs a name or an email", "name", "email");
        return Set.of();
    }

    private static Set<String> organization(ItemFields fields) {
        fields.keepText("name", "industry").keepDomain("domain").keepText("website").keepPhone("phone")
                .keepAddress("address");
        fields.require("an organization needs a name, a domain or a website", "name", "domain", "website");
        return Set.of();
    }

    private static Set<String> contact(ItemFields fields, Links links) {
        fields.keepText("firstName", "lastName", "title").keepEmail("email").keepPhone("phone").keepPhone("mobilePhone")
                .keepAddress("address").keepDate("birthdate");
        fields.require("a contact needs a firstName, a lastName or an email", "lastName", "firstName", "email");
        links.one("organization", LinkKind.WORKS_AT, "organization", fields.text("title")
                .<Map<String, Object>>map(title -> Map.of("role", title, "current", true)).orElse(Map.of("current", true)));
        links.many("pastOrganizations", LinkKind.WORKS_AT, "organization", Map.of("current", false));
        return Set.of("organization", "pastOrganizations");
    }

    private static Set<String> lead(ItemFields fields) {
        fields.keepText("firstName", "lastName", "company", "title", "status").keepEmail("email").keepPhone("phone");
        fields.require("a lead needs a lastName, a company or an email", "lastName", "company", "email");
        return Set.of();
    }

    private static Set<String> deal(ItemFields fields, Links links) {
        fields.keepText("name", "stage").keepDecimal("amount").keepText("currency").keepDate("closeDate")
                .keepDecimal("probability");
        fields.require("a deal needs a name", "name");
        if (fields.values().containsKey("amount") && !fields.values().containsKey("currency")) {
            throw new InvalidItemException("currency", "a deal with an amount needs its currency, e.g. \"USD\"");
        }
        fields.text("currency").ifPresent(currency -> {
            if (!currency.matches("[A-Za-z]{3}")) {
                throw new InvalidItemException("currency", "currency must be a 3-letter ISO code, not '" + currency + "'");
            }
            fields.values().put("currency", currency.toUpperCase());
        });
        links.one("organization", LinkKind.DEAL_ORGANIZATION, "organization", Map.of());
        links.many("contacts", LinkKind.DEAL_CONTACT, "contact", Map.of());
        return Set.of("organization", "contacts");
    }

    private static Set<String> interaction(ItemFields fields, Links links) {
        fields.keepChoice("type", INTERACTION_TYPES).keepChoice("direction", DIRECTIONS)
                .keepInstant("occurredAt").keepText("subject", "body");
        fields.require("an interaction needs its type: one of " + INTERACTION_TYPES, "type");
        fields.require("an interaction needs occurredAt, e.g. 2026-11-01T10:00:00Z", "occurredAt");
        links.one("organization", LinkKind.PARTICIPANT, "organization", Map.of("role", "organization"));
        links.many("contacts", LinkKind.PARTICIPANT, "contact", Map.of());
        links.many("users", LinkKind.PARTICIPANT, "user", Map.of());
        links.one("deal", LinkKind.INTERACTION_DEAL, "deal", Map.of());
        return Set.of("organization", "contacts", "users", "deal");
    }

    private static Set<String> note(ItemFields fields, Links links) {
        fields.keepText("title", "body").keepInstant("createdAt");
        fields.require("a note needs a title or a body", "body", "title");
        for (String subject : List.of("organization", "contact", "deal")) {
            links.one(subject, LinkKind.NOTE_SUBJECT, subject, Map.of());
        }
        return Set.of("organization", "contact", "deal");
    }

    /** The links an item states, read from its reference fields. */
    private static final class Links {
        final List<LinkInput> all = new ArrayList<>();
        private final String source;
        private final ItemFields fields;

        Links(String source, ItemFields fields) {
            this.source = source;
            this.fields = fields;
        }

        /** A field holding one externalId. */
        void one(String field, LinkKind kind, String object, Map<String, Object> attributes) {
            fields.reference(field).ifPresent(id -> all.add(new LinkInput(kind, ref(object, id), attributes)));
        }

        /** A field holding a list of externalIds, or of objects with an externalId and attributes. */
        void many(String field, LinkKind kind, String object, Map<String, Object> defaults) {
            for (Map.Entry<String, Map<String, Object>> reference : fields.references(field)) {
                Map<String, Object> attributes = new java.util.LinkedHashMap<>(defaults);
                attributes.putAll(reference.getValue());
                all.add(new LinkInput(kind, ref(object, reference.getKey()), attributes));
            }
        }

        private ExternalRef ref(String object, String externalId) {
            return new ExternalRef(source, object, externalId);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
