package dev.mosaic.identity.truth;

/**
 * A real organization. {@code domain} is its registrable domain (the strong key) or null; an organization
 * known only through a free-mail address has {@code freeMailDomain} instead, which is no evidence at all.
 */
record TrueOrganization(String id, String name, String domain, String freeMailDomain, FictionalPhone phone,
                        boolean british, String scenario) {
}
