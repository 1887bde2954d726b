package dev.mosaic.identity;

import com.google.common.net.InternetDomainName;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The normalized forms that identity resolution compares: lower-cased emails, registrable domains
 * (public-suffix list), E.164 phones, and folded names. Pure functions.
 */
public final class MatchingKeys {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}\\p{N} ]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Addresses of a function, not a person: several people read them, so they prove nothing. */
    private static final Set<String> ROLE_MAILBOXES = Set.of("info", "sales", "support", "admin", "contact", "hello",
            "office", "noreply", "no-reply", "team", "billing", "accounts", "enquiries", "help", "marketing", "hr", "jobs");
    private static final Set<String> LEGAL_SUFFIXES = Set.of("inc", "incorporated", "corp", "corporation", "co",
            "company", "llc", "ltd", "limited", "gmbh", "ag", "sa", "sas", "sarl", "bv", "nv", "plc", "pty", "srl", "spa",
            "oy", "ab", "as", "kk", "lp", "llp");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /**
     * Phones already read, by region and text. Parsing a phone is matching's costliest step (a quarter of a contact
     * load's CPU: libphonenumber runs regular expressions), and the same numbers come back again and again: a record's
     * keys, then its profile, then its neighbours' profiles in every chunk that proposes them. Bounded: emptied when full.
     */
    private static final Map<String, Optional<String>> PHONES_READ = new ConcurrentHashMap<>();
    private static final int PHONES_REMEMBERED = 50_000;

    private MatchingKeys() {
    }

    /** A record's field as text, for the functions here: empty when the record does not give it. */
    public static String text(Map<?, ?> values, String field) {
        Object value = values.get(field);
        return value == null ? "" : String.valueOf(value);
    }

    /** Trimmed and lower-cased when it looks like an address; empty otherwise. */
    public static Optional<String> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        return EMAIL.matcher(email).matches() ? Optional.of(email) : Optional.empty();
    }

    public static boolean isRoleMailbox(String normalizedEmail) {
        return ROLE_MAILBOXES.contains(normalizedEmail.substring(0, normalizedEmail.indexOf('@')));
    }

    /**
     * The registrable domain of a domain, URL or email address ({@code https://www.eu.acme.co.uk/x} →
     * {@code acme.co.uk}); empty for IP addresses, public suffixes and junk.
     */
    public static Optional<String> registrableDomain(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String host = raw.trim().toLowerCase(Locale.ROOT);
        if (host.contains("@")) {
            host = host.substring(host.lastIndexOf('@') + 1);
        } else if (host.contains("/") || host.contains(":")) {
            try {
                String withScheme = host.contains("://") ? host : "http://" + host;
                host = URI.create(withScheme.replace(" ", "")).getHost();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        try {
            InternetDomainName name = InternetDomainName.from(host);
            return name.isUnderPublicSuffix() ? Optional.of(name.topPrivateDomain().toString()) : Optional.empty();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    public static boolean isFreeMailDomain(String registrableDomain) {
        return FreeMailDomains.contains(registrableDomain);
    }

    /** A domain that names one company: not a mailbox provider's, not a platform many companies have pages on. */
    public static boolean isCompanyDomain(String registrableDomain) {
        return !FreeMailDomains.contains(registrableDomain) && !SharedPlatformDomains.contains(registrableDomain);
    }

    /** E.164 when the number is plausible; national numbers are read in {@code defaultRegion}. */
    public static Optional<String> phone(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String key = defaultRegion + '|' + raw;
        Optional<String> known = PHONES_READ.get(key);
        if (known == null) {
            if (PHONES_READ.size() >= PHONES_REMEMBERED) {
                PHONES_READ.clear();
            }
            known = parsePhone(raw, defaultRegion);
            PHONES_READ.put(key, known);
        }
        return known;
    }

    private static Optional<String> parsePhone(String raw, String defaultRegion) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(raw, defaultRegion);
            return PHONES.isPossibleNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Accents folded, punctuation dropped, lower case, single spaces: "José  O'Neil" → "jose oneil". */
    public static String foldName(String raw) {
        if (raw == null) {
            return "";
        }
        String ascii = foldAscii(raw);
        return ascii != null ? ascii : foldAnyScript(raw);
    }

    /**
     * {@link #foldName} of plain ASCII text without regular expressions (a name is folded for its keys, its profile and
     * its neighbours' profiles, thousands of times a chunk): runs of letters and digits, lower case, one space between
     * them, apostrophes dropped. Null when the text has anything else, for {@link #foldAnyScript}.
     */
    static String foldAscii(String raw) {
        StringBuilder folded = new StringBuilder(raw.length());
        boolean gap = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (c == '\'') {
                continue;
            }
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!letterOrDigit) {
                gap = true;
                continue;
            }
            if (gap && folded.length() > 0) {
                folded.append(' ');
            }
            gap = false;
            folded.append(c <= 'Z' && c >= 'A' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    /** {@link #foldName} of any text: accents folded by Unicode decomposition, letters and digits of every script. */
    static String foldAnyScript(String raw) {
        String decomposed = MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
        String letters = NON_LETTERS.matcher(decomposed.toLowerCase(Locale.ROOT).replace("'", "")).replaceAll(" ");
        return SPACES.matcher(letters).replaceAll(" ").trim();
    }

    /** An organization's folded name without legal forms: "Acme, Inc." and "ACME Inc" → "acme". */
    public static String organizationName(String raw) {
        String[] words = foldName(raw).split(" ");
        StringBuilder kept = new StringBuilder();
        for (String word : words) {
            if (!LEGAL_SUFFIXES.contains(word) && !word.isEmpty()) {
                kept.append(kept.isEmpty() ? "" : " ").append(word);
            }
        }
        return kept.isEmpty() ? foldName(raw) : kept.toString();
    }
}
