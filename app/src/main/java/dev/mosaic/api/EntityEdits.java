package dev.mosaic.api;

import dev.mosaic.platform.errors.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.GraphWriter;
import dev.mosaic.identity.MatchingKeys;
import dev.mosaic.platform.text.StorableText;
import dev.mosaic.platform.text.StorableTime;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import dev.mosaic.tenant.TenantPrincipal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A person's edits of an entity's fields: checked, then written as Mosaic's own values that win over syncs. Returns the entity edited. */
@Component
class EntityEdits {

    private static final Map<EntityType, Set<String>> EDITABLE = Map.of(
            EntityType.ORGANIZATION, Set.of("name", "domain", "website", "phone", "industry"),
            EntityType.CONTACT, Set.of("firstName", "lastName", "email", "phone", "mobilePhone", "title"),
            EntityType.LEAD, Set.of("firstName", "lastName", "email", "phone", "company", "status"),
            EntityType.DEAL, Set.of("name", "stage", "closeDate", "nextStep"));

    private final GraphWriter graph;

    EntityEdits(GraphWriter graph) {
        this.graph = graph;
    }

    @Transactional
    public UUID apply(TenantPrincipal editor, UUID entityId, EntityType type, JsonNode body) {
        Set<String> editable = EDITABLE.getOrDefault(type, Set.of());
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw new InvalidInputException("Send the fields to change as a JSON object, e.g. {\"title\":\"CTO\"}");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = entry.getKey();
            if (!editable.contains(field)) {
                throw new InvalidInputException(editable.isEmpty()
                        ? "The fields of " + type.key() + "s come from their sources as they are and cannot be edited here"
                        : "'" + StorableText.excerpt(field) + "' cannot be edited on a " + type.key() + "; editable: " + editable);
            }
            if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                throw new InvalidInputException("'" + field + "' must be non-empty text");
            }
            String value = InvalidValueException.requireStorableField(field, entry.getValue().asText(),
                    StorableText.MAX_VALUE_LENGTH).trim();
            if (field.equals("email") && MatchingKeys.email(value).isEmpty()) {
                throw new InvalidInputException("'" + value + "' is not an email address");
            }
            fields.put(field, field.equals("closeDate") ? date(field, value) : value);
        }
        return graph.edit(editor.tenantId(), entityId, fields, editor.email());
    }

    /** A date as ingest takes it: ISO form, in the years {@link StorableTime} allows (the future included). */
    private static String date(String field, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidValueException.field(field, field + " must be a date like 2026-12-31, not '" + value + "'.");
        }
        StorableTime.problem(date).ifPresent(problem -> {
            throw InvalidValueException.field(field, field + " " + problem + ".");
        });
        return date.toString();
    }

}
