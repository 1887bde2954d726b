package dev.mosaic.graph;

import dev.mosaic.platform.errors.InvalidInputException;
/**
 * A record's identity in the system it came from: {@code salesforce/Contact/003…} or
 * {@code hubspot/contact/c-1}. Unique per tenant.
 */
public record ExternalRef(String system, String object, String externalId) {

    public ExternalRef {
        if (system == null || system.isBlank() || object == null || object.isBlank()
                || externalId == null || externalId.isBlank()) {
            throw new InvalidInputException("An external reference needs a system, an object and an id");
        }
    }

    @Override
    public String toString() {
        return system + "/" + object + "/" + externalId;
    }
}
