package dev.mosaic.ingest.csv;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Turns a CSV row into the ingest batch item it stands for: each mapped column's value, trimmed, under
 * its field (an address's parts under {@code address}); empty cells are left out (an empty cell says nothing, it does not erase a value); the
 * externalId comes from its column, or when that is absent or empty, from {@link DerivedExternalIds}.
 */
final class ImportItemMapper {

    private final ImportType type;
    private final ColumnMapping mapping;

    ImportItemMapper(ImportType type, ColumnMapping mapping) {
        this.type = type;
        this.mapping = mapping;
    }

    ObjectNode toItem(List<String> values) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        // The externalId first, so previews and rejections read naturally.
        item.putNull("externalId");
        for (ColumnMapping.Column column : mapping.columns()) {
            String value = values.get(column.index()).trim();
            if (value.isEmpty()) {
                continue;
            }
            if (ImportType.ADDRESS_PARTS.contains(column.field())) {
                // The columns of an address make one value, as the ingest API takes it.
                (item.has("address") ? (ObjectNode) item.get("address") : item.putObject("address")).put(column.field(), value);
            } else {
                item.put(column.field(), value);
            }
        }
        if (item.get("externalId").isNull()) {
            DerivedExternalIds.derive(type, item).ifPresentOrElse(
                    id -> item.put("externalId", id),
                    () -> item.remove("externalId"));
        }
        return item;
    }

    /** Says in words where externalIds come from, for the API response. */
    String externalIdRule() {
        String derived = switch (type) {
            case CONTACTS -> "email:<email>, else name:<first last>|<organization>";
            case ORGANIZATIONS -> "domain:<domain or website host>, else name:<name>";
        };
        return mapping.columns().stream()
                .filter(column -> column.field().equals("externalId"))
                .findFirst()
                .map(column -> "column '" + column.header() + "'; where it is empty, derived as " + derived)
                .orElse("derived as " + derived);
    }
}
