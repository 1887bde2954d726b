package dev.mosaic.ingest.csv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;

/**
 * The externalId of a row whose file gives none, so that importing the same file again updates the same
 * entities instead of creating new ones. The rule, applied to the row's mapped values:
 *
 * <ul>
 *   <li><b>contacts</b>: {@code email:<email>} with the email trimmed and lower-cased; without an email,
 *       {@code name:<first name> <last name>|<organization>} with names lower-cased and runs of spaces made
 *       one, and the organization being the row's {@code organization} (an externalId) or else its
 *       {@code organizationName} the same way normalized ({@code |} and nothing after it when neither).</li>
 *   <li><b>organizations</b>: {@code domain:<domain>} with the domain lower-cased and stripped of a
 *       scheme, a leading {@code www.}, a port and a path (so {@code https://www.Acme.com/about} is
 *       {@code acme.com}); without a domain, the same from the website; without either,
 *       {@code name:<name>} lower-cased with runs of spaces made one.</li>
 * </ul>
 *
 * Ids are readable rather than hashed so that the graph's provenance says where an entity came from.
 * The prefixes keep a derived id from ever equalling an id a file gives explicitly. A row from which
 * nothing can be derived is not imported; {@link #whatIdentifies} says what it lacks. When a contact's
 * email changes between two imports its id changes too; identity resolution, not this rule, links the two.
 */
final class DerivedExternalIds {

    private DerivedExternalIds() {
    }

    static Optional<String> derive(ImportType type, ObjectNode item) {
        return switch (type) {
            case CONTACTS -> forContact(item);
            case ORGANIZATIONS -> forOrganization(item);
        };
    }

    private static Optional<String> forContact(ObjectNode item) {
        String email = text(item, "email");
        if (email != null) {
            return Optional.of("email:" + email.toLowerCase(Locale.ROOT));
        }
        String first = text(item, "firstName");
        String last = text(item, "lastName");
        if (first == null && last == null) {
            return Optional.empty();
        }
        String name = normalizeName((first == null ? "" : first) + " " + (last == null ? "" : last));
        String organization = text(item, "organization");
        if (organization == null && text(item, "organizationName") != null) {
            organization = normalizeName(text(item, "organizationName"));
        }
        return Optional.of("name:" + name + "|" + (organization == null ? "" : organization));
    }

    private static Optional<String> forOrganization(ObjectNode item) {
        Optional<String> domain = Optional.ofNullable(text(item, "domain")).map(DerivedExternalIds::host)
                .filter(host -> !host.isEmpty())
                .or(() -> Optional.ofNullable(text(item, "website")).map(DerivedExternalIds::host)
                        .filter(host -> !host.isEmpty()));
        if (domain.isPresent()) {
            return Optional.of("domain:" + domain.get());
        }
        return Optional.ofNullable(text(item, "name")).map(name -> "name:" + normalizeName(name));
    }

    /** Why a row without an id and without what this rule derives one from cannot be imported. */
    static String whatIdentifies(ImportType type) {
        return switch (type) {
            case CONTACTS -> "The row has no id, email, first or last name: nothing tells this contact apart."
                    + " Fill one of them in, or map an id column.";
            case ORGANIZATIONS -> "The row has no id, domain, website or name: nothing tells this organization"
                    + " apart. Fill one of them in, or map an id column.";
        };
    }

    /** "https://www.Acme.com:443/about?x" → "acme.com". */
    static String host(String domainOrUrl) {
        String host = domainOrUrl.trim().toLowerCase(Locale.ROOT);
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int end = host.length();
        for (char stop : new char[] {'/', '?', '#', ':'}) {
            int at = host.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        host = host.substring(0, end);
        int userInfo = host.lastIndexOf('@');
        if (userInfo >= 0) {
            host = host.substring(userInfo + 1);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host;
    }

    private static String normalizeName(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String text(ObjectNode item, String field) {
        return item.hasNonNull(field) ? item.get(field).asText() : null;
    }
}
