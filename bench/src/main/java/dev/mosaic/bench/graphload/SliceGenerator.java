package dev.mosaic.bench.graphload;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates slice {@code i} (one organization and what hangs off it) from (seed, i) alone, so the same seed always
 * gives the same data and any slice can be generated again (for search terms) without keeping the others.
 *
 * <p>Per organization, like a CRM: 2–8 contacts (5 on average, some with past employers), 0–4 deals with contact
 * roles, 10–25 interactions (email, call, meeting, task) with contact participants, 1–4 notes. Half of the
 * organizations are also known to the other source, which then knows two thirds of their contacts too (so about
 * a third of all contacts are in both sources): the same email in another case, the domain as a website URL.
 * A few organizations have a namesake in the other source (same name, other domain, a contact of the same
 * name with another email): weak evidence only, for the review queue.
 */
final class SliceGenerator {

    /** Every date is before this instant, so no record claims to come from the future. */
    static final Instant NEWEST = Instant.parse("2026-01-01T00:00:00Z");
    static final double CONTACT_COPY = 2.0 / 3.0;
    /** Slices are numbered so that contact numbers (slice * 16 + k) stay within the unique words. */
    static final int MAX_SLICES = (int) (SyntheticNames.WORDS / 16);

    private static final long PURPOSE_SLICE = 2;
    private static final long SURNAME_SALT = 0x5EED_5A17L;
    private static final long HISTORY_SECONDS = Duration.ofDays(3 * 365).toSeconds();
    private static final int PAST_EMPLOYER_WINDOW = 2000;
    private static final String[] FIRST_NAMES = {"Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines",
            "Jonas", "Kira", "Luca", "Maya", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wei",
            "Xenia", "Yusuf", "Zoe", "Amir", "Bea", "Chen", "Dara", "Emil", "Fatima", "Gus", "Hana", "Ivan", "Jia", "Karl",
            "Lena", "Marco", "Nia", "Omar", "Priya", "Raj", "Sofia", "Theo", "Uma", "Victor", "Yara"};
    private static final String[] TITLES = {"CEO", "CFO", "VP Sales", "Head of Procurement", "Operations Manager",
            "IT Director", "Buyer", "Account Manager", "Engineer", "Office Manager", "Controller", "CTO"};
    private static final String[] DEPARTMENTS = {"Finance", "Purchasing", "IT", "Operations", "Management"};
    private static final String[] STAGES = {"Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won",
            "Closed Lost"};
    private static final int[] STAGE_PROBABILITY = {10, 20, 50, 70, 100, 0};
    private static final String[] PRODUCTS = {"Platform", "Support plan", "Onboarding", "Analytics add-on", "Renewal",
            "Expansion", "Training"};
    private static final String[] ROLES = {"Decision Maker", "Economic Buyer", "Influencer", "Technical Evaluator", "User"};
    private static final String[] TOPICS = {"pricing", "the renewal", "the onboarding plan", "invoice 4471", "the security review",
            "the Q3 roadmap", "contract terms", "a support ticket", "the integration", "training dates", "the delivery schedule"};
    private static final String[] SENTENCES = {"Thanks for the quick reply.", "They asked for a revised quote by Friday.",
            "Legal needs another week to review the terms.", "The pilot went well and they want to expand.",
            "Budget is approved for next quarter.", "We agreed to meet again after their board meeting.",
            "Two open questions on data retention remain.", "Sent the updated proposal with volume pricing.",
            "They are comparing us with two other vendors.", "Procurement wants annual billing."};
    private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "AU", "NL", "CA"};

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final long seed;

    SliceGenerator(long seed) {
        this.seed = seed;
    }

    Slice slice(int index) {
        if (index < 0 || index >= MAX_SLICES) {
            throw new IllegalArgumentException("Slice " + index + " is beyond the " + MAX_SLICES + " the generator can make");
        }
        return new Builder(index).build();
    }

    /** One slice under construction; its random numbers are drawn in a fixed order, so it is the same every time. */
    private final class Builder {
        final int index;
        final OrgProfile org;
        final SplittableRandom random;
        final Source primary;
        final Source other;
        final List<Slice.Person> people = new ArrayList<>();
        final List<Slice.SourceItem> items = new ArrayList<>();
        /** Per source, the contact numbers it knows and the deal numbers it holds. */
        final List<Integer> primaryContacts = new ArrayList<>();
        final List<Integer> copiedContacts = new ArrayList<>();
        final List<Integer> primaryDeals = new ArrayList<>();
        final List<Integer> otherDeals = new ArrayList<>();
        /** The updatedAt of the item {@link #base} made last. */
        Instant lastUpdatedAt;

        Builder(int index) {
            this.index = index;
            this.org = OrgProfile.of(seed, index);
            this.random = new SplittableRandom(SyntheticNames.mix(seed, index, PURPOSE_SLICE));
            this.primary = org.primary();
            this.other = primary.other();
        }

        Slice build() {
            int contactCount = 2 + random.nextInt(7);
            for (int k = 0; k < contactCount; k++) {
                people.add(person(k));
            }
            add(primary, ItemKind.ORGANIZATIONS, organization(primary), true);
            for (int k = 0; k < contactCount; k++) {
                add(primary, ItemKind.CONTACTS, contact(primary, k, org.domain(), primary.organizationId(index)), true);
                primaryContacts.add(k);
            }
            if (org.shared()) {
                add(other, ItemKind.ORGANIZATIONS, organization(other), false);
                for (int k = 0; k < contactCount; k++) {
                    if (random.nextDouble() < CONTACT_COPY) {
                        add(other, ItemKind.CONTACTS, contact(other, k, org.domain(), other.organizationId(index)), false);
                        copiedContacts.add(k);
                    }
                }
            }
            int deals = random.nextInt(5);
            for (int d = 0; d < deals; d++) {
                Source source = org.shared() && random.nextDouble() < 0.5 ? other : primary;
                (source == primary ? primaryDeals : otherDeals).add(d);
                add(source, ItemKind.DEALS, deal(source, d), true);
            }
            int interactions = 10 + random.nextInt(16);
            for (int n = 0; n < interactions; n++) {
                Source source = org.shared() && random.nextDouble() < 0.2 ? other : primary;
                add(source, ItemKind.INTERACTIONS, interaction(source, n), true);
            }
            int notes = 1 + random.nextInt(4);
            for (int n = 0; n < notes; n++) {
                Source source = org.shared() && random.nextDouble() < 0.2 ? other : primary;
                add(source, ItemKind.NOTES, note(source, n), true);
            }
            if (org.namesake()) {
                namesake();
            }
            return new Slice(org, List.copyOf(people), List.copyOf(items));
        }

        private void add(Source source, ItemKind kind, ObjectNode item, boolean firstOfEntity) {
            items.add(new Slice.SourceItem(source, kind, item, firstOfEntity));
        }

        private Slice.Person person(int k) {
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = SyntheticNames.capitalized(SyntheticNames.word((long) index * 16 + k, seed ^ SURNAME_SALT));
            return new Slice.Person(first, last, Source.CRM.email(first, last, org.domain()));
        }

        private ObjectNode organization(Source source) {
            ObjectNode item = base(source.organizationId(index));
            item.put("name", source == primary ? org.name() : org.name() + (source == Source.ERP ? " Inc." : ""));
            item.put(source.webField(), source.webValue(org.domain()));
            item.put("industry", org.industry());
            item.put("phone", phone(source, new String[] {"415", "212", "312", "617"}, index));
            item.put("employees", 10 + random.nextInt(5000));
            item.put("country", COUNTRIES[random.nextInt(COUNTRIES.length)]);
            if (source == Source.ERP) {
                item.put("paymentTerms", random.nextBoolean() ? "NET30" : "NET60");
            }
            return item;
        }

        private ObjectNode contact(Source source, int k, String domain, String organizationId) {
            Slice.Person person = people.get(k);
            String id = source.contactId(index, k);
            ObjectNode item = base(id);
            item.put("firstName", person.firstName());
            item.put("lastName", person.lastName());
            item.put("email", source.email(person.firstName(), person.lastName(), domain));
            item.put("title", TITLES[random.nextInt(TITLES.length)]);
            if (random.nextDouble() < 0.6) {
                item.put(source == Source.CRM ? "mobilePhone" : "phone",
                        phone(source, new String[] {"917", "347", "646", "718"}, (long) index * 16 + k));
            }
            if (source == Source.ERP) {
                item.put("department", DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
            }
            item.put("organization", organizationId);
            Set<String> past = pastEmployers(source);
            if (!past.isEmpty()) {
                ArrayNode list = item.putArray("pastOrganizations");
                past.forEach(list::add);
            }
            return item;
        }

        /** Earlier organizations the same source knows: half the contacts have none, some have two. */
        private Set<String> pastEmployers(Source source) {
            double draw = random.nextDouble();
            int wanted = draw < 0.5 ? 0 : draw < 0.85 ? 1 : 2;
            Set<String> past = new LinkedHashSet<>();
            for (int n = 0; n < wanted && index > 0; n++) {
                for (int attempt = 0; attempt < 4; attempt++) {
                    int earlier = index - 1 - random.nextInt(Math.min(index, PAST_EMPLOYER_WINDOW));
                    if (OrgProfile.of(seed, earlier).knownTo(source) && past.add(source.organizationId(earlier))) {
                        break;
                    }
                }
            }
            return past;
        }

        private ObjectNode deal(Source source, int d) {
            ObjectNode item = base(source.dealId(index, d));
            int stage = random.nextInt(STAGES.length);
            String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
            item.put("name", source == Source.CRM ? org.stem() + " – " + product : "Sales order " + source.dealId(index, d));
            item.put("stage", STAGES[stage]);
            item.put("amount", BigDecimal.valueOf(100_000 + random.nextLong(25_000_000), 2));
            item.put("currency", org.currency());
            item.put("closeDate", LocalDate.ofInstant(NEWEST, ZoneOffset.UTC).minusDays(random.nextInt(700)).toString());
            item.put("probability", STAGE_PROBABILITY[stage]);
            item.put("organization", source.organizationId(index));
            List<Integer> known = contactsOf(source);
            if (!known.isEmpty()) {
                ArrayNode roles = item.putArray("contacts");
                int count = Math.min(known.size(), 1 + random.nextInt(2));
                int start = random.nextInt(known.size());
                for (int n = 0; n < count; n++) {
                    roles.addObject().put("externalId", source.contactId(index, known.get((start + n) % known.size())))
                            .put("role", ROLES[random.nextInt(ROLES.length)]);
                }
            }
            return item;
        }

        private ObjectNode interaction(Source source, int n) {
            ObjectNode item = base(source.interactionId(index, n));
            double draw = random.nextDouble();
            String type = draw < 0.4 ? "email" : draw < 0.65 ? "call" : draw < 0.85 ? "meeting" : "task";
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            item.put("type", type);
            item.put("direction", switch (type) {
                case "email", "call" -> random.nextBoolean() ? "inbound" : "outbound";
                case "meeting" -> "outbound";
                default -> "internal";
            });
            item.put("occurredAt", lastUpdatedAt.minusSeconds(random.nextInt(30 * 24 * 3600)).toString());
            item.put("subject", switch (type) {
                case "email" -> "Re: " + topic;
                case "call" -> "Call about " + topic;
                case "meeting" -> "Meeting: " + topic;
                default -> "Follow up on " + topic;
            });
            item.put("body", SENTENCES[random.nextInt(SENTENCES.length)] + " " + SENTENCES[random.nextInt(SENTENCES.length)]);
            item.put("organization", source.organizationId(index));
            List<Integer> known = contactsOf(source);
            if (!known.isEmpty()) {
                ArrayNode participants = item.putArray("contacts");
                int count = Math.min(known.size(), 1 + random.nextInt(3));
                int start = random.nextInt(known.size());
                for (int p = 0; p < count; p++) {
                    participants.add(source.contactId(index, known.get((start + p) % known.size())));
                }
            }
            List<Integer> deals = source == primary ? primaryDeals : otherDeals;
            if (!deals.isEmpty() && random.nextDouble() < 0.3) {
                item.put("deal", source.dealId(index, deals.get(random.nextInt(deals.size()))));
            }
            return item;
        }

        private ObjectNode note(Source source, int n) {
            ObjectNode item = base(source.noteId(index, n));
            item.put("createdAt", lastUpdatedAt.minusSeconds(random.nextInt(7 * 24 * 3600)).toString());
            item.put("body", SENTENCES[random.nextInt(SENTENCES.length)] + " " + SENTENCES[random.nextInt(SENTENCES.length)]);
            List<Integer> known = contactsOf(source);
            List<Integer> deals = source == primary ? primaryDeals : otherDeals;
            double draw = random.nextDouble();
            if (draw < 0.3 && !known.isEmpty()) {
                int k = known.get(random.nextInt(known.size()));
                item.put("title", "Note on " + people.get(k).firstName() + " " + people.get(k).lastName());
                item.put("contact", source.contactId(index, k));
            } else if (draw < 0.4 && !deals.isEmpty()) {
                item.put("title", "Deal note");
                item.put("deal", source.dealId(index, deals.get(random.nextInt(deals.size()))));
            } else {
                item.put("title", "Account note: " + org.name());
                item.put("organization", source.organizationId(index));
            }
            return item;
        }

        /** A different company of the same name in the other source, with a same-name contact. */
        private void namesake() {
            ObjectNode company = base(other.namesakeOrganizationId(index));
            company.put("name", org.name());
            company.put(other.webField(), other.webValue(org.namesakeDomain()));
            company.put("phone", phone(other, new String[] {"503", "602"}, index));
            add(other, ItemKind.ORGANIZATIONS, company, true);
            Slice.Person twin = people.get(0);
            ObjectNode contact = base(other.contactId(index, 8));
            contact.put("firstName", twin.firstName());
            contact.put("lastName", twin.lastName());
            contact.put("email", other.email(twin.firstName(), twin.lastName(), org.namesakeDomain()));
            contact.put("organization", other.namesakeOrganizationId(index));
            add(other, ItemKind.CONTACTS, contact, true);
        }

        private List<Integer> contactsOf(Source source) {
            return source == primary ? primaryContacts : copiedContacts;
        }

        private ObjectNode base(String externalId) {
            ObjectNode item = JSON.objectNode();
            item.put("externalId", externalId);
            lastUpdatedAt = NEWEST.minusSeconds(1 + random.nextLong(HISTORY_SECONDS));
            item.put("updatedAt", lastUpdatedAt.toString());
            return item;
        }

        /** A distinct number per {@code number}: 8,000,000 per area code. */
        private String phone(Source source, String[] areaCodes, long number) {
            String area = areaCodes[(int) ((number / 8_000_000) % areaCodes.length)];
            String exchange = Long.toString(200 + (number / 10_000) % 800);
            String line = Source.padded(number % 10_000, 4);
            return source.phone(area, exchange, line);
        }
    }
}
