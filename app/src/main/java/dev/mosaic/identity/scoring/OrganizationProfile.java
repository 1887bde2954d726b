package dev.mosaic.identity.scoring;

import dev.mosaic.identity.MatchingKeys;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What an organization record says that can show two records are one company, normalized once: its name without legal
 * forms, its registrable domains, phone, city and postcode, industry.
 *
 * @param shownName the name as the record gives it, for evidence in words
 */
public record OrganizationProfile(String name, String shownName, Set<String> domains, String phone, String city,
                                  String postalCode, String industry) {

    public static OrganizationProfile of(Map<String, Object> values) {
        Set<String> domains = new LinkedHashSet<>();
        for (String field : new String[] {"domain", "website"}) {
            MatchingKeys.registrableDomain(MatchingKeys.text(values, field)).filter(MatchingKeys::isCompanyDomain).ifPresent(domains::add);
        }
        Map<?, ?> address = values.get("address") instanceof Map<?, ?> parts ? parts : Map.of();
        return new OrganizationProfile(MatchingKeys.organizationName(MatchingKeys.text(values, "name")), MatchingKeys.text(values, "name").trim(),
                domains, MatchingKeys.phone(MatchingKeys.text(values, "phone"), "US").orElse(""),
                MatchingKeys.foldName(MatchingKeys.text(address, "city")), MatchingKeys.foldName(MatchingKeys.text(address, "postalCode")).replace(" ", ""),
                MatchingKeys.foldName(MatchingKeys.text(values, "industry")));
    }

}
