package dev.mosaic.identity.scoring;

import dev.mosaic.identity.MatchingKeys;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a person record says that can show two records are one person, normalized once: names folded, emails split,
 * phones in E.164, the address's street, city and postcode folded. Empty text is "not said".
 *
 * @param shownName the name as the record gives it, for evidence in words
 */
public record PersonProfile(String firstName, String lastName, String shownName, Set<String> emails, Set<String> phones,
                            String birthdate, String street, String city, String postalCode, String company,
                            String title) {

    private static final String DEFAULT_REGION = "US";

    /** The profile of a contact's or lead's values, as the graph keeps them. */
    public static PersonProfile of(Map<String, Object> values) {
        Set<String> emails = new LinkedHashSet<>();
        for (String field : new String[] {"email", "secondaryEmail"}) {
            MatchingKeys.email(text(values, field)).ifPresent(emails::add);
        }
        Set<String> phones = new LinkedHashSet<>();
        for (String field : new String[] {"phone", "mobilePhone"}) {
            MatchingKeys.phone(text(values, field), DEFAULT_REGION).ifPresent(phones::add);
        }
        Map<?, ?> address = values.get("address") instanceof Map<?, ?> parts ? parts : Map.of();
        String company = MatchingKeys.organizationName(firstNonBlank(text(values, "company"), text(values, "organizationName")));
        return new PersonProfile(MatchingKeys.foldName(text(values, "firstName")), MatchingKeys.foldName(text(values, "lastName")),
                (text(values, "firstName").trim() + " " + text(values, "lastName").trim()).trim(), emails, phones, text(values, "birthdate").trim(),
                MatchingKeys.foldName(text(address, "street")), MatchingKeys.foldName(text(address, "city")),
                MatchingKeys.foldName(text(address, "postalCode")).replace(" ", ""), company,
                MatchingKeys.foldName(text(values, "title")));
    }

    private static String firstNonBlank(String a, String b) {
        return a.isBlank() ? b : a;
    }

    private static String text(Map<?, ?> values, String field) {
        Object value = values.get(field);
        return value == null ? "" : String.valueOf(value);
    }
}
