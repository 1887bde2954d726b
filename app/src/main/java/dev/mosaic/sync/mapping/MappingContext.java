package dev.mosaic.sync.mapping;

import java.net.URI;

/**
 * What mapping a record needs to know of its org.
 *
 * @param defaultCurrency the currency of amounts that name none (orgs without multi-currency have one currency)
 */
public record MappingContext(String orgId, URI instanceUrl, String defaultCurrency) {
}
