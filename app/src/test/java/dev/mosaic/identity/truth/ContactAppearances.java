package dev.mosaic.identity.truth;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes one real person into the sources: a tidy first record, then copies corrupted the ways CRMs
 * corrupt people. Copies that keep the mailbox (whatever its case) or the phone (whatever its format)
 * must merge; a copy with a different mailbox and no shared phone carries no deterministic evidence and
 * may stay apart. A phone counts only with the same last name, as Mosaic's documented rule has it.
 */
final class ContactAppearances {

    private final Random random;
    private final SourceRecordWriter writer;
    private final Mailboxes mailboxes;
    private final FictionalPhoneBook phones;

    ContactAppearances(Random random, SourceRecordWriter writer, Mailboxes mailboxes, FictionalPhoneBook phones) {
        this.random = random;
        this.writer = writer;
        this.mailboxes = mailboxes;
        this.phones = phones;
    }

    void write(TruePerson person) {
        List<String> sources = Appearances.plan(random);
        for (int i = 0; i < sources.size(); i++) {
            String source = sources.get(i);
            if (i == 0) {
                write(person, source, person.first().display(), person.last().display(), tidyEmail(person),
                        somePhone(person, 0.8), person.scenario());
            } else {
                writeVariant(person, source, pickVariant(person));
            }
        }
    }

    /** Jane Doe is in both sources, her address cased differently: the brief's own example. */
    void writeJaneDoeShowcase(TruePerson jane) {
        write(jane, Appearances.SOURCE_A, "Jane", "Doe", "Jane.Doe@Acme.com", jane.phone().styles().get(0),
                "contact:canonical");
        write(jane, Appearances.SOURCE_B, "Jane", "Doe", "jane.doe@acme.com", jane.phone().styles().get(1),
                "contact:email-case");
    }

    private String pickVariant(TruePerson person) {
        if (person.mailbox() == null) {
            return person.phone() != null && random.nextDouble() < 0.7 ? "phone-only" : "no-email";
        }
        boolean ownPhone = person.phone() != null && !person.onSwitchboard();
        double roll = random.nextDouble();
        if (roll < 0.20) {
            return "same-email";
        } else if (roll < 0.40) {
            return "email-case";
        } else if (roll < 0.60) {
            return "name-typo";
        } else if (roll < 0.72) {
            return "other-email";
        } else if (roll < 0.84 && person.phone() != null) {
            return "phone-only";
        } else if (roll < 0.90 && ownPhone) {
            return "phone-typo";
        }
        return "no-email";
    }

    private void writeVariant(TruePerson person, String source, String variant) {
        String first = person.first().display();
        String last = person.last().display();
        String scenario = "contact:" + variant;
        switch (variant) {
            case "same-email" -> write(person, source, first, last, person.mailbox(), somePhone(person, 0.5), scenario);
            case "email-case" -> write(person, source, first, last, recase(person.mailbox()), somePhone(person, 0.5),
                    scenario);
            case "name-typo" -> {
                boolean firstName = random.nextBoolean();
                write(person, source, firstName ? NameTypos.misspell(first, random) : first,
                        firstName ? last : NameTypos.misspell(last, random),
                        random.nextBoolean() ? person.mailbox() : recase(person.mailbox()), somePhone(person, 0.5),
                        scenario);
            }
            case "other-email" -> {
                // A second mailbox and, if any, a second phone: nothing deterministic ties it to the first record.
                String other = mailboxes.personal(person.first(), person.last(),
                        NamePools.FREE_MAIL_DOMAINS.get(random.nextInt(NamePools.FREE_MAIL_DOMAINS.size())));
                FictionalPhone secondPhone = random.nextDouble() < 0.3 ? phones.next(person.employer().british()) : null;
                writeWithSecondPhone(person, source, first, last, other, secondPhone, scenario);
            }
            case "phone-only" -> write(person, source, first, last, null, otherStyle(person.phone()), scenario);
            // The phone with a misspelt last name: strong only if the misspelling folds away (an accent).
            case "phone-typo" -> write(person, source, first, NameTypos.misspell(last, random), null,
                    otherStyle(person.phone()), scenario);
            case "no-email" -> write(person, source, first, last, null, null, scenario);
            default -> throw new IllegalArgumentException(variant);
        }
    }

    private String tidyEmail(TruePerson person) {
        if (person.mailbox() == null) {
            return null;
        }
        return random.nextDouble() < 0.25 ? recase(person.mailbox()) : person.mailbox();
    }

    private void write(TruePerson person, String source, String first, String last, String email, String phone,
                       String scenario) {
        writeWithPhone(person, source, first, last, email, phone == null ? null : person.phone(), phone, scenario);
    }

    private void writeWithSecondPhone(TruePerson person, String source, String first, String last, String email,
                                      FictionalPhone phone, String scenario) {
        String written = phone == null ? null : phone.styles().get(random.nextInt(phone.styles().size()));
        writeWithPhone(person, source, first, last, email, phone, written, scenario);
    }

    private void writeWithPhone(TruePerson person, String source, String first, String last, String email,
                                FictionalPhone phone, String writtenPhone, String scenario) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("firstName", first);
        fields.put("lastName", last);
        fields.put("email", email);
        fields.put("phone", writtenPhone);
        fields.put("title", person.title());
        fields.put("organization", writer.organizationIn(source, person.employer()).orElse(null));
        Set<String> keys = new LinkedHashSet<>();
        if (email != null && !(person.sharedMailbox() && email.equalsIgnoreCase(person.mailbox()))) {
            keys.add("email:" + email.toLowerCase(Locale.ROOT));
        }
        if (phone != null && !NameFold.person(last).isEmpty()) {
            keys.add(phone.strongKeyWith(NameFold.person(last)));
        }
        writer.write(RecordType.CONTACT, source, person.id(), fields, keys, scenario);
    }

    /** The same mailbox in another case: {@code Jane.Doe@Acme.com}, {@code JANE.DOE@ACME.COM} or {@code jane.doe@ACME.COM}. */
    private String recase(String mailbox) {
        int at = mailbox.indexOf('@');
        String local = mailbox.substring(0, at);
        String domain = mailbox.substring(at + 1);
        String recased = switch (random.nextInt(3)) {
            case 0 -> capitalizeParts(local) + "@" + capitalizeParts(domain);
            case 1 -> mailbox.toUpperCase(Locale.ROOT);
            default -> local + "@" + domain.toUpperCase(Locale.ROOT);
        };
        return recased.equals(mailbox) ? mailbox.toUpperCase(Locale.ROOT) : recased;
    }

    private static String capitalizeParts(String dotted) {
        StringBuilder out = new StringBuilder(dotted.length());
        boolean start = true;
        for (char c : dotted.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '.';
        }
        return out.toString();
    }

    private String somePhone(TruePerson person, double chance) {
        if (person.phone() == null || random.nextDouble() >= chance) {
            return null;
        }
        List<String> styles = person.phone().styles();
        return styles.get(random.nextInt(styles.size()));
    }

    private String otherStyle(FictionalPhone phone) {
        List<String> styles = phone.styles();
        return styles.get(1 + random.nextInt(styles.size() - 1));
    }
}
