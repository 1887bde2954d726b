package dev.mosaic.identity.scoring;

import dev.mosaic.identity.MatchingKeys;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a person record says that can show two records are one person, normalized once: names folded, emails split,
 * phones in E.164, the address's street, city and postcode folded. Empty text is "not said".
 *
 * @param shownName the name as the record gives it, for evidence in words
 * @param company   the company the record names, folded; else the name of the organization its source links it to
 * @param employers the organization entities its source links it to
 * @param workDomains the registrable domains of its emails that name a company (not a mailbox provider's), worked out
 *                    once here rather than for every pair the profile is in
 */
public record PersonProfile(String firstName, String lastName, String shownName, Set<String> emails, Set<String> phones,
                            String birthdate, String street, String city, String postalCode, String company,
                            Set<UUID> employers, String title, Set<String> workDomains) {

    private static final String DEFAULT_REGION = "US";

    /** The profile of a contact's or lead's values, as the graph keeps them, said without an employer. */
    public static PersonProfile of(Map<String, Object> values) {
        return of(values, Map.of());
    }

    /**
     * The profile of a contact's or lead's values and of the organizations its source says it works at (entity → the
     * name it shows).
     */
    public static PersonProfile of(Map<String, Object> values, Map<UUID, String> employers) {
        Set<String> emails = new LinkedHashSet<>();
        for (String field : new String[] {"email", "secondaryEmail"}) {
            MatchingKeys.email(MatchingKeys.text(values, field)).ifPresent(emails::add);
        }
        Set<String> phones = new LinkedHashSet<>();
        for (String field : new String[] {"phone", "mobilePhone"}) {
            MatchingKeys.phone(MatchingKeys.text(values, field), DEFAULT_REGION).ifPresent(phones::add);
        }
        Map<?, ?> address = values.get("address") instanceof Map<?, ?> parts ? parts : Map.of();
        String named = firstNonBlank(MatchingKeys.text(values, "company"), MatchingKeys.text(values, "organizationName"));
        String company = MatchingKeys.organizationName(named.isBlank() && !employers.isEmpty()
                ? employers.values().iterator().next() : named);
        return new PersonProfile(MatchingKeys.foldName(MatchingKeys.text(values, "firstName")), MatchingKeys.foldName(MatchingKeys.text(values, "lastName")),
                (MatchingKeys.text(values, "firstName").trim() + " " + MatchingKeys.text(values, "lastName").trim()).trim(), emails, phones, MatchingKeys.text(values, "birthdate").trim(),
                MatchingKeys.foldName(MatchingKeys.text(address, "street")), MatchingKeys.foldName(MatchingKeys.text(address, "city")),
                MatchingKeys.foldName(MatchingKeys.text(address, "postalCode")).replace(" ", ""), company, Set.copyOf(employers.keySet()),
                MatchingKeys.foldName(MatchingKeys.text(values, "title")), workDomains(emails));
    }

    private static Set<String> workDomains(Set<String> emails) {
        Set<String> domains = new LinkedHashSet<>();
        emails.forEach(email -> MatchingKeys.registrableDomain(email).filter(MatchingKeys::isCompanyDomain)
                .ifPresent(domains::add));
        return Set.copyOf(domains);
    }

    private static String firstNonBlank(String a, String b) {
        return a.isBlank() ? b : a;
    }

}
