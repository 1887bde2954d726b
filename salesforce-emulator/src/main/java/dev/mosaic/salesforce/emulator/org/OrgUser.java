package dev.mosaic.salesforce.emulator.org;

/**
 * A user of the org, as the HTTP side signs them in. {@code restricted} users see fewer fields
 * (field-level security): describe omits them and SOQL that names them fails with INVALID_FIELD.
 */
public record OrgUser(String id, String username, String email, String displayName, boolean restricted) {
}
