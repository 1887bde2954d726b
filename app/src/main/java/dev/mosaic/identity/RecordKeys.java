package dev.mosaic.identity;

import dev.mosaic.graph.EntityType;
import dev.mosaic.identity.scoring.Soundex;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which keys a record's values give, by entity type. The rules favour precision: a wrong merge hides a
 * customer inside another, a missed one only leaves a suggestion for a person.
 * <ul>
 *   <li>Contacts and leads: an email is strong (one mailbox, one person), free-mail included, but not a
 *       shared role mailbox such as info@; a phone is strong only together with the same last name; names
 *       that sound alike, a birthdate or a mailbox name only propose the pair for scoring.</li>
 *   <li>Organizations: a registrable domain from the domain, website or email is strong, except free-mail
 *       domains and sites that host many companies' pages (LinkedIn, Facebook…); a phone with the same
 *       name is strong; the same name alone is weak.</li>
 *   <li>Users: the email.</li>
 * </ul>
 */
final class RecordKeys {

    static final String DEFAULT_REGION = "US";

    private RecordKeys() {
    }

    /** Whether records of this type have matching keys at all. */
    static boolean applies(EntityType type) {
        return type == EntityType.CONTACT || type == EntityType.LEAD || type == EntityType.ORGANIZATION
                || type == EntityType.USER;
    }

    static Set<MatchKey> of(EntityType type, Map<String, Object> values) {
        Set<MatchKey> keys = new LinkedHashSet<>();
        switch (type) {
            case CONTACT, LEAD -> person(values, keys);
            case ORGANIZATION -> organization(values, keys);
            case USER -> MatchingKeys.email(MatchingKeys.text(values, "email")).ifPresent(email -> keys.add(MatchKey.strong("email", email)));
            default -> {
            }
        }
        return keys;
    }

    private static void person(Map<String, Object> values, Set<MatchKey> keys) {
        for (String field : new String[] {"email", "secondaryEmail"}) {
            MatchingKeys.email(MatchingKeys.text(values, field)).ifPresent(email -> keys.add(MatchingKeys.isRoleMailbox(email)
                    ? MatchKey.weak("role_email", email) : MatchKey.strong("email", email)));
        }
        String last = MatchingKeys.foldName(MatchingKeys.text(values, "lastName"));
        for (String field : new String[] {"phone", "mobilePhone"}) {
            Optional<String> phone = MatchingKeys.phone(MatchingKeys.text(values, field), DEFAULT_REGION);
            if (phone.isPresent() && !last.isEmpty()) {
                keys.add(MatchKey.strong("phone_name", phone.get() + "|" + last));
            }
        }
        blockingKeys(values, keys);
    }

    /**
     * Weak keys that only say which records are worth comparing (blocking): a last name that sounds alike with a
     * first name that starts alike (and either way round, for swapped names; the same name gives the same), the same birthdate or mailbox name.
     * Cheap to index, and a typo rarely breaks all of them at once. A shared phone proposes nobody by itself: colleagues
     * share a switchboard, and a person's two records that share a phone share a name that sounds alike too.
     */
    private static void blockingKeys(Map<String, Object> values, Set<MatchKey> keys) {
        String first = MatchingKeys.foldName(MatchingKeys.text(values, "firstName"));
        String last = MatchingKeys.foldName(MatchingKeys.text(values, "lastName"));
        if (!Soundex.of(first).isEmpty() && !Soundex.of(last).isEmpty()) {
            keys.add(MatchKey.weak("sounds_like", Soundex.of(last) + "|" + prefix(first)));
            keys.add(MatchKey.weak("sounds_like", Soundex.of(first) + "|" + prefix(last)));
        }
        String birthdate = MatchingKeys.text(values, "birthdate").trim();
        if (!birthdate.isEmpty()) {
            keys.add(MatchKey.weak("birthdate", birthdate));
        }
        MatchingKeys.email(MatchingKeys.text(values, "email")).filter(email -> !MatchingKeys.isRoleMailbox(email))
                .map(email -> email.substring(0, email.indexOf('@'))).filter(local -> local.length() >= 4)
                .ifPresent(local -> keys.add(MatchKey.weak("mailbox_name", local)));
    }

    private static void organization(Map<String, Object> values, Set<MatchKey> keys) {
        for (String field : new String[] {"domain", "website", "email"}) {
            MatchingKeys.registrableDomain(MatchingKeys.text(values, field))
                    .filter(MatchingKeys::isCompanyDomain)
                    .ifPresent(domain -> keys.add(MatchKey.strong("domain", domain)));
        }
        String name = MatchingKeys.organizationName(MatchingKeys.text(values, "name"));
        Optional<String> phone = MatchingKeys.phone(MatchingKeys.text(values, "phone"), DEFAULT_REGION);
        if (phone.isPresent() && !name.isEmpty()) {
            keys.add(MatchKey.strong("phone_name", phone.get() + "|" + name));
        }
        if (!name.isEmpty()) {
            keys.add(MatchKey.weak("name", name));
        }
    }

    /** The first two letters of a folded name: with the other name's sound, a block of a few people, not hundreds. */
    private static String prefix(String folded) {
        return folded.substring(0, Math.min(2, folded.length()));
    }

}
