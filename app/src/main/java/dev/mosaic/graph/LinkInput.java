package dev.mosaic.graph;

import java.util.Map;

/**
 * A relation a source record states, to a record named by its system and external id: usually of the same system,
 * though an email names whoever holds an address. The target may not have arrived yet; the link resolves once it does.
 *
 * @param kind       what the relation means (see {@link LinkKind})
 * @param target     the record pointed at
 * @param attributes details such as {@code role}, {@code current} or {@code primary}
 */
public record LinkInput(LinkKind kind, ExternalRef target, Map<String, Object> attributes) {

    public LinkInput {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
