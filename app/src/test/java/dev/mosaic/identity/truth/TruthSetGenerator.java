package dev.mosaic.identity.truth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes the identity-resolution truth set: real organizations and people, then their records in two
 * sources ({@link Appearances#SOURCE_A}, {@link Appearances#SOURCE_B}), corrupted with known truth. The
 * same seed gives the same records, byte for byte, on every machine ({@link Random} is specified).
 *
 * <p>The world is built so that the truth never contradicts Mosaic's rules: phones and mailboxes are
 * unique per real entity (except a switchboard, shared only by different last names, and info@, which
 * proves nothing), and the cases that must not merge (namesakes, same-name companies on other domains,
 * companies known only by a free-mail domain or a LinkedIn page, colleagues on one domain) share only weak
 * evidence. One generator makes one truth set: its phone book and mailboxes are used up as it goes.
 */
final class TruthSetGenerator {

    static final long DEFAULT_SEED = 20261129L;

    private static final int NAME_TWIN_PAIRS = 15;
    private static final int FREE_MAIL_ORGANIZATIONS = 24;
    private static final int FREE_MAIL_NAMESAKE_PAIRS = 6;
    private static final int ORGANIZATIONS_WITHOUT_DOMAIN = 10;
    private static final int PLATFORM_PAGE_ORGANIZATIONS = 12;
    private static final int NAMESAKE_PAIRS = 30;
    private static final double CHINESE_NAMES = 0.08;
    private static final double ACCENTED_NAMES = 0.10;
    private static final double NO_EMAIL_ANYWHERE = 0.04;
    private static final double PERSONAL_EMAIL = 0.12;
    private static final double HAS_PHONE = 0.65;
    private static final double SWITCHBOARD = 0.05;
    private static final int ROLE_MAILBOX_COMPANIES = 8;

    private final long seed;
    private final Random random;
    private final FictionalPhoneBook phones;
    private final Mailboxes mailboxes;
    private final CompanyNames companyNames;
    private final SourceRecordWriter writer = new SourceRecordWriter();
    private final Map<String, Set<String>> switchboardLastNames = new HashMap<>();

    TruthSetGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.phones = new FictionalPhoneBook(random);
        this.mailboxes = new Mailboxes(random);
        this.companyNames = new CompanyNames(random);
    }

    TruthSet generate(int organizations, int people) {
        if (!writer.records().isEmpty()) {
            throw new IllegalStateException("a generator makes one truth set; make a new one for another");
        }
        List<TrueOrganization> orgs = organizations(organizations);
        OrganizationAppearances orgWriter = new OrganizationAppearances(random, writer);
        orgWriter.writeAcmeShowcase(orgs.get(0));
        orgs.stream().skip(1).forEach(orgWriter::write);

        List<TruePerson> persons = people(people, orgs);
        ContactAppearances contactWriter = new ContactAppearances(random, writer, mailboxes, phones);
        contactWriter.writeJaneDoeShowcase(persons.get(0));
        persons.stream().skip(1).forEach(contactWriter::write);
        return new TruthSet(seed, writer.records());
    }

    private List<TrueOrganization> organizations(int count) {
        List<TrueOrganization> orgs = new ArrayList<>();
        orgs.add(new TrueOrganization(orgId(orgs), "Acme Corp", "acme.com", null, null, phones.next(false), false,
                "org:canonical"));
        // Same name, different registrable domain: a different company, which must not merge with the first.
        orgs.add(new TrueOrganization(orgId(orgs), "Acme Corp", "acme.co.uk", null, null, phones.next(true), true,
                "org:same-name-other-domain"));
        for (CompanyNames.UnicodeCompany company : CompanyNames.UNICODE_COMPANIES) {
            orgs.add(new TrueOrganization(orgId(orgs), company.name(), company.domain(), null, null,
                    phones.next(false),
                    false, "org:unicode-name"));
        }
        for (int i = 0; i < NAME_TWIN_PAIRS; i++) {
            CompanyNames.Company company = companyNames.next();
            orgs.add(withDomain(orgs, company.name(), company.domain(), "org:canonical"));
            orgs.add(withDomain(orgs, company.name(), companyNames.otherDomainFor(company),
                    "org:same-name-other-domain"));
        }
        for (int i = 0; i < FREE_MAIL_ORGANIZATIONS; i++) {
            String trade = NamePools.TRADES.get(random.nextInt(NamePools.TRADES.size()));
            String name = pick(NamePools.LAST_NAMES).display() + " " + trade;
            String freeMail = pick(NamePools.FREE_MAIL_DOMAINS);
            FictionalPhone phone = random.nextDouble() < 0.6 ? phones.next(false) : null;
            orgs.add(new TrueOrganization(orgId(orgs), name, null, freeMail, null, phone, false,
                    "org:free-mail-domain"));
            if (i < FREE_MAIL_NAMESAKE_PAIRS) {
                // Two small businesses of one name, both on the same free-mail provider: nothing ties them.
                FictionalPhone otherPhone = random.nextDouble() < 0.6 ? phones.next(false) : null;
                orgs.add(new TrueOrganization(orgId(orgs), name, null, freeMail, null, otherPhone, false,
                        "org:free-mail-namesake"));
            }
        }
        for (int i = 0; i < PLATFORM_PAGE_ORGANIZATIONS; i++) {
            // Known only by a page on a site that hosts many companies: linkedin.com says nothing about which.
            CompanyNames.Company company = companyNames.next();
            String slug = company.domain().substring(0, company.domain().indexOf('.'));
            String page = i % 2 == 0 ? "https://www.linkedin.com/company/" + slug : "https://www.facebook.com/" + slug;
            FictionalPhone phone = random.nextDouble() < 0.6 ? phones.next(false) : null;
            orgs.add(new TrueOrganization(orgId(orgs), company.name(), null, null, page, phone, false,
                    "org:platform-page"));
        }
        for (int i = 0; i < ORGANIZATIONS_WITHOUT_DOMAIN; i++) {
            CompanyNames.Company company = companyNames.next();
            FictionalPhone phone = random.nextDouble() < 0.7 ? phones.next(false) : null;
            orgs.add(new TrueOrganization(orgId(orgs), company.name(), null, null, null, phone, false,
                    "org:no-domain"));
        }
        while (orgs.size() < count) {
            CompanyNames.Company company = companyNames.next();
            orgs.add(withDomain(orgs, company.name(), company.domain(), "org:canonical"));
        }
        return orgs;
    }

    private TrueOrganization withDomain(List<TrueOrganization> orgs, String name, String domain, String scenario) {
        boolean british = domain.endsWith(".co.uk");
        FictionalPhone phone = random.nextDouble() < 0.85 ? phones.next(british) : null;
        return new TrueOrganization(orgId(orgs), name, domain, null, null, phone, british, scenario);
    }

    private List<TruePerson> people(int count, List<TrueOrganization> orgs) {
        List<TruePerson> persons = new ArrayList<>();
        TrueOrganization acme = orgs.get(0);
        TrueOrganization acmeUk = orgs.get(1);
        persons.add(person(persons, PersonName.plain("Jane"), PersonName.plain("Doe"), acme, "contact:canonical",
                mailboxes.work(PersonName.plain("Jane"), PersonName.plain("Doe"), acme.domain(), 0), false,
                phones.next(false)));
        // Jane Doe of the other Acme Corp: same name, different company: must stay apart.
        persons.add(person(persons, PersonName.plain("Jane"), PersonName.plain("Doe"), acmeUk, "contact:namesake",
                mailboxes.work(PersonName.plain("Jane"), PersonName.plain("Doe"), acmeUk.domain(), 0), false,
                phones.next(true)));
        persons.add(newPerson(persons, PersonName.of("José", "jose"), PersonName.of("Müller", "muller"), acme,
                "contact:unicode-name"));
        persons.add(newPerson(persons, PersonName.of("Zoë", "zoe"), PersonName.plain("Walker"), acme,
                "contact:unicode-name"));
        persons.add(newPerson(persons, PersonName.of("伟", "wei"), PersonName.of("王", "wang"), pickEmployer(orgs),
                "contact:unicode-name"));
        for (int i = 0; i < NAMESAKE_PAIRS; i++) {
            TruePerson original = newPerson(persons, null, null, pickEmployer(orgs), "contact:canonical");
            persons.add(original);
            TrueOrganization elsewhere = pickEmployer(orgs);
            while (elsewhere == original.employer()) {
                elsewhere = pickEmployer(orgs);
            }
            persons.add(newPerson(persons, original.first(), original.last(), elsewhere, "contact:namesake"));
        }
        addRoleMailboxColleagues(persons, orgs);
        while (persons.size() < count) {
            persons.add(newPerson(persons, null, null, pickEmployer(orgs), "contact:canonical"));
        }
        return persons;
    }

    /**
     * Two colleagues who both write from info@ of their company: a role mailbox, several readers, so it
     * proves nothing (Mosaic's rule) and the two must stay apart.
     */
    private void addRoleMailboxColleagues(List<TruePerson> persons, List<TrueOrganization> orgs) {
        List<TrueOrganization> withDomain = orgs.stream().skip(2).filter(o -> o.domain() != null).toList();
        for (int i = 0; i < ROLE_MAILBOX_COMPANIES; i++) {
            TrueOrganization company = withDomain.get(i * (withDomain.size() / ROLE_MAILBOX_COMPANIES));
            String shared = mailboxes.shared("info", company.domain());
            PersonName[] one = drawName();
            PersonName[] two = drawName();
            while (NameFold.person(two[1].display()).equals(NameFold.person(one[1].display()))) {
                two = drawName();
            }
            for (PersonName[] name : List.of(one, two)) {
                FictionalPhone phone = random.nextDouble() < HAS_PHONE ? phones.next(company.british()) : null;
                persons.add(person(persons, name[0], name[1], company, "contact:role-mailbox", shared, true, phone));
            }
        }
    }

    /** A new person; a null name is drawn at random. */
    private TruePerson newPerson(List<TruePerson> persons, PersonName first, PersonName last,
                                 TrueOrganization employer, String scenario) {
        String chosenScenario = scenario;
        if (first == null) {
            PersonName[] name = drawName();
            first = name[0];
            last = name[1];
            if (!isAscii(first.display()) || !isAscii(last.display())) {
                chosenScenario = "contact:unicode-name";
            }
        }
        String mailbox = mailboxFor(first, last, employer);
        if (mailbox != null && NamePools.FREE_MAIL_DOMAINS.contains(mailbox.substring(mailbox.indexOf('@') + 1))
                && chosenScenario.equals("contact:canonical")) {
            chosenScenario = "contact:free-mail";
        } else if (mailbox == null && chosenScenario.equals("contact:canonical")) {
            chosenScenario = "contact:no-email-anywhere";
        }
        FictionalPhone phone = random.nextDouble() < HAS_PHONE ? phones.next(employer.british()) : null;
        if (employer.phone() != null && random.nextDouble() < SWITCHBOARD && switchboardLastNames
                .computeIfAbsent(employer.id(), id -> new HashSet<>()).add(NameFold.person(last.display()))) {
            // The company's main line. Colleagues on it have different last names, else the documented
            // rule (phone plus last name) would rightly merge them and the truth would contradict it.
            phone = employer.phone();
            chosenScenario = chosenScenario.equals("contact:canonical") ? "contact:switchboard-phone" : chosenScenario;
        }
        return person(persons, first, last, employer, chosenScenario, mailbox, false, phone);
    }

    private PersonName[] drawName() {
        if (random.nextDouble() < CHINESE_NAMES) {
            return new PersonName[] {pick(NamePools.CHINESE_GIVEN_NAMES), pick(NamePools.CHINESE_FAMILY_NAMES)};
        }
        return new PersonName[] {
                pick(random.nextDouble() < ACCENTED_NAMES ? NamePools.ACCENTED_FIRST_NAMES : NamePools.FIRST_NAMES),
                pick(random.nextDouble() < ACCENTED_NAMES ? NamePools.ACCENTED_LAST_NAMES : NamePools.LAST_NAMES)};
    }

    private String mailboxFor(PersonName first, PersonName last, TrueOrganization employer) {
        if (random.nextDouble() < NO_EMAIL_ANYWHERE) {
            return null;
        }
        if (employer.domain() != null && random.nextDouble() >= PERSONAL_EMAIL) {
            return mailboxes.work(first, last, employer.domain(), Math.floorMod(employer.id().hashCode(), 3));
        }
        String provider = employer.freeMailDomain() != null && random.nextDouble() < 0.6
                ? employer.freeMailDomain() : pick(NamePools.FREE_MAIL_DOMAINS);
        return mailboxes.personal(first, last, provider);
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 128);
    }

    private static TruePerson person(List<TruePerson> persons, PersonName first, PersonName last,
                                     TrueOrganization employer, String scenario, String mailbox,
                                     boolean sharedMailbox, FictionalPhone phone) {
        String id = String.format("person-%04d", persons.size() + 1);
        String title = NamePools.TITLES.get(Math.floorMod(id.hashCode(), NamePools.TITLES.size()));
        return new TruePerson(id, first, last, title, employer, mailbox, sharedMailbox, phone, scenario);
    }

    /** Skewed towards the first organizations, so some companies have many people on one domain. */
    private TrueOrganization pickEmployer(List<TrueOrganization> orgs) {
        return orgs.get((int) (Math.pow(random.nextDouble(), 1.8) * orgs.size()));
    }

    private static String orgId(List<TrueOrganization> orgs) {
        return String.format("org-%04d", orgs.size() + 1);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
