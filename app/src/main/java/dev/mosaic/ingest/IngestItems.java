package dev.mosaic.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.graph.ExternalRef;
import dev.mosaic.graph.LinkInput;
import dev.mosaic.graph.LinkKind;
import dev.mosaic.graph.SourceRecordInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one item of each kind into a source record with its links. References name other items of the
 * same source by their externalId.
 */
final class IngestItems {

    private static final Set<String> COMMON = Set.of("externalId", "url", "updatedAt", "deleted");
    private static final Set<String> INTERACTION_TYPES = Set.of("email", "call", "meeting", "task");
    private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound", "internal");

    private IngestItems() {
    }

    static SourceRecordInput read(IngestKind kind, String source, JsonNode item, Instant receivedAt) {
        ItemFields fields = new ItemFields(item);
        ExternalRef ref = new ExternalRef(source, kind.object, fields.externalId());
        Optional<Instant> updatedAt = fields.instant("updatedAt");
        String version = updatedAt.map(Instant::toString).orElse(null);
        if (fields.deleted()) {
            // The source deleted it: what it said before stays as history, but no longer speaks for the entity.
            return new SourceRecordInput(kind.type, ref, null, Map.of(), List.of(), updatedAt.orElse(receivedAt),
                    version, true);
        }
        List<LinkInput> links = new ArrayList<>();
        switch (kind) {
            case ORGANIZATIONS -> {
                fields.keepText("name", "industry").keepDomain("domain").keepText("website").keepPhone("phone");
                fields.require("an organization needs a name, a domain or a website", "name", "domain", "website");
                fields.keepOtherScalars(COMMON);
            }
            case CONTACTS -> {
                fields.keepText("firstName", "lastName", "title").keepEmail("email").keepPhone("phone")
                        .keepPhone("mobilePhone");
                fields.require("a contact needs a firstName, a lastName or an email", "lastName", "firstName", "email");
                fields.text("organization").ifPresent(org -> links.add(new LinkInput(LinkKind.WORKS_AT,
                        ref(source, "organization", org), fields.text("title").<Map<String, Object>>map(
                                title -> Map.of("role", title, "current", true)).orElse(Map.of("current", true)))));
                fields.keepOtherScalars(union(COMMON, Set.of("organization")));
            }
            case DEALS -> {
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
                fields.text("organization").ifPresent(org ->
                        links.add(new LinkInput(LinkKind.DEAL_ORGANIZATION, ref(source, "organization", org), Map.of())));
                fields.references("contacts").forEach(contact -> links.add(new LinkInput(LinkKind.DEAL_CONTACT,
                        ref(source, "contact", contact.getKey(), "contacts"), contact.getValue())));
                fields.keepOtherScalars(union(COMMON, Set.of("organization", "contacts")));
            }
            case INTERACTIONS -> {
                fields.keepChoice("type", INTERACTION_TYPES).keepChoice("direction", DIRECTIONS)
                        .keepInstant("occurredAt").keepText("subject", "body");
                fields.require("an interaction needs its type: one of " + INTERACTION_TYPES, "type");
                fields.require("an interaction needs occurredAt, e.g. 2026-11-01T10:00:00Z", "occurredAt");
                fields.text("organization").ifPresent(org -> links.add(new LinkInput(LinkKind.PARTICIPANT,
                        ref(source, "organization", org), Map.of("role", "organization"))));
                fields.references("contacts").forEach(contact -> links.add(new LinkInput(LinkKind.PARTICIPANT,
                        ref(source, "contact", contact.getKey(), "contacts"), contact.getValue())));
                fields.text("deal").ifPresent(deal ->
                        links.add(new LinkInput(LinkKind.INTERACTION_DEAL, ref(source, "deal", deal), Map.of())));
                fields.keepOtherScalars(union(COMMON, Set.of("organization", "contacts", "deal")));
            }
            case NOTES -> {
                fields.keepText("title", "body").keepInstant("createdAt");
                fields.require("a note needs a title or a body", "body", "title");
                for (String subject : List.of("organization", "contact", "deal")) {
                    fields.text(subject).ifPresent(id ->
                            links.add(new LinkInput(LinkKind.NOTE_SUBJECT, ref(source, subject, id), Map.of())));
                }
                fields.keepOtherScalars(union(COMMON, Set.of("organization", "contact", "deal")));
            }
        }
        return new SourceRecordInput(kind.type, ref, fields.text("url").orElse(null), fields.values(), links,
                updatedAt.orElse(receivedAt), version, false);
    }

    private static ExternalRef ref(String source, String object, String externalId) {
        return ref(source, object, externalId, object);
    }

    /** A reference to another item of the same source; {@code field} is where the item holds it. */
    private static ExternalRef ref(String source, String object, String externalId, String field) {
        if (externalId.isBlank() || externalId.length() > 255) {
            throw new InvalidItemException(field, field + " must hold externalIds of 1 to 255 characters");
        }
        return new ExternalRef(source, object, externalId);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
