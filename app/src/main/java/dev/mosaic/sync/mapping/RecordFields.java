package dev.mosaic.sync.mapping;

import dev.mosaic.connection.SalesforceRefs;
import dev.mosaic.graph.ExternalRef;
import dev.mosaic.graph.LinkInput;
import dev.mosaic.graph.LinkKind;
import dev.mosaic.sync.SalesforceRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects the graph fields and links of one record: the fields the graph knows get its names
 * ({@code firstName}), and every other field the connected user can read is kept under its Salesforce name
 * ({@code Region__c}), so nothing the org says is dropped.
 */
final class RecordFields {

    /** Fields that say how Salesforce keeps the record, not what it says about the customer. */
    private static final Set<String> BOOKKEEPING = Set.of("Id", "IsDeleted", "SystemModstamp", "LastModifiedDate",
            "LastModifiedById", "CreatedById", "MasterRecordId", "LastViewedDate", "LastReferencedDate");

    /** The graph's address parts, and the suffix of the Salesforce field holding each. */
    private static final Map<String, String> ADDRESS_PARTS = orderedParts();

    private final SalesforceRow row;
    private final MappingContext context;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<LinkInput> links = new ArrayList<>();
    private final Set<String> used = new HashSet<>(BOOKKEEPING);

    RecordFields(SalesforceRow row, MappingContext context) {
        this.row = row;
        this.context = context;
    }

    /** {@code graphName} ← the Salesforce field, when it has a value. */
    RecordFields put(String graphName, String salesforceField) {
        used.add(salesforceField);
        Object value = row.value(salesforceField);
        if (value != null) {
            fields.put(graphName, plain(value));
        }
        return this;
    }

    /**
     * {@code graphName} ← the parts of one of Salesforce's addresses ({@code Mailing} → {@code MailingStreet},
     * {@code MailingCity}…) as one value, as the graph keeps addresses; its geocode stays under Salesforce's names.
     */
    RecordFields address(String graphName, String prefix) {
        Map<String, Object> address = new LinkedHashMap<>();
        ADDRESS_PARTS.forEach((part, suffix) -> {
            used.add(prefix + suffix);
            String value = row.text(prefix + suffix);
            if (value != null && !value.isBlank()) {
                address.put(part, value.trim());
            }
        });
        if (!address.isEmpty()) {
            fields.put(graphName, address);
        }
        return this;
    }

    RecordFields putValue(String graphName, Object value) {
        if (value != null) {
            fields.put(graphName, plain(value));
        }
        return this;
    }

    /** Marks fields as handled without keeping them (they became links, or another field holds them). */
    RecordFields consumed(String... salesforceFields) {
        used.addAll(List.of(salesforceFields));
        return this;
    }

    Optional<String> text(String salesforceField) {
        return Optional.ofNullable(row.text(salesforceField));
    }

    /** A link to the record a reference field names; the target object comes from the id's key prefix. */
    RecordFields link(LinkKind kind, String referenceField, Map<String, Object> attributes) {
        used.add(referenceField);
        text(referenceField).flatMap(KeyPrefixes::objectOf).ifPresent(object ->
                links.add(new LinkInput(kind, ref(object, row.text(referenceField)), attributes)));
        return this;
    }

    /**
     * A link worked out by the caller; null is none. One to a target the record already links to in the same way adds
     * its details to that link (a contact's roles at its own account, from its direct AccountContactRelation).
     */
    RecordFields link(LinkInput link) {
        if (link == null) {
            return this;
        }
        for (int i = 0; i < links.size(); i++) {
            LinkInput existing = links.get(i);
            if (existing.kind() == link.kind() && existing.target().equals(link.target())) {
                Map<String, Object> attributes = new LinkedHashMap<>(existing.attributes());
                attributes.putAll(link.attributes());
                links.set(i, new LinkInput(link.kind(), link.target(), attributes));
                return this;
            }
        }
        links.add(link);
        return this;
    }

    ExternalRef ref(String object, String id) {
        return SalesforceRefs.of(context.orgId(), object, id);
    }

    /** The fields: the graph's, then the rest under their Salesforce names. */
    Map<String, Object> fields() {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        row.values().forEach((name, value) -> {
            if (!used.contains(name) && !all.containsKey(name)) {
                all.put(name, plain(value));
            }
        });
        return all;
    }

    List<LinkInput> links() {
        return links;
    }

    /** What the graph holds: text, numbers and booleans; times as ISO-8601 text. */
    static Object plain(Object value) {
        if (value instanceof Instant time) {
            return time.toString();
        }
        if (value instanceof BigDecimal || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return value.toString();
    }

    private static Map<String, String> orderedParts() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("street", "Street");
        parts.put("city", "City");
        parts.put("postalCode", "PostalCode");
        parts.put("state", "State");
        parts.put("country", "Country");
        return parts;
    }
}
