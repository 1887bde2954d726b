package dev.mosaic.identity.truth;

import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Hands out each mailbox once, lowercase: an exact email is strong evidence (one mailbox, one person), so
 * two real people must never share one, not even the two John Smiths who both use Gmail.
 */
final class Mailboxes {

    private final Set<String> taken = new HashSet<>();
    private final Random random;

    Mailboxes(Random random) {
        this.random = random;
    }

    /** A work address in the company's pattern; a second person with the same name gets a number. */
    String work(PersonName first, PersonName last, String domain, int companyPattern) {
        String f = clean(first.ascii());
        String l = clean(last.ascii());
        String local = switch (companyPattern) {
            case 0 -> f + "." + l;
            case 1 -> f.charAt(0) + l;
            default -> f + l;
        };
        return claim(local, domain);
    }

    /** A personal free-mail address, with a number more often than not, as they tend to have. */
    String personal(PersonName first, PersonName last, String freeMailDomain) {
        String f = clean(first.ascii());
        String l = clean(last.ascii());
        String local = random.nextBoolean() ? f + "." + l + (10 + random.nextInt(90)) : f + l + random.nextInt(1000);
        return claim(local, freeMailDomain);
    }

    /** A role mailbox several people read ({@code info@}); taken once so no person gets it as their own. */
    String shared(String role, String domain) {
        String mailbox = role + "@" + domain;
        if (!taken.add(mailbox)) {
            throw new IllegalStateException(mailbox + " is already someone's");
        }
        return mailbox;
    }

    private String claim(String local, String domain) {
        String candidate = local + "@" + domain;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = local + n + "@" + domain;
        }
        return candidate;
    }

    private static String clean(String ascii) {
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
