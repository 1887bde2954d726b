package dev.mosaic.identity.truth;

/**
 * A real organization. {@code domain} is its registrable domain (the strong key) or null. Without one, an
 * organization may be known only through a free-mail address ({@code freeMailDomain}) or a page on a site
 * that hosts many companies ({@code platformPage}, e.g. a LinkedIn company page): neither is evidence.
 */
record TrueOrganization(String id, String name, String domain, String freeMailDomain, String platformPage,
                        FictionalPhone phone, boolean british, String scenario) {
}
