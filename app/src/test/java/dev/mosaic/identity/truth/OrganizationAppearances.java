package dev.mosaic.identity.truth;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes one real organization into the sources: a tidy first record, then copies that name the same
 * company differently. Each copy records the strong keys it really carries, so a copy with only the name
 * left is a loss the rules allow, while {@code https://www.acme.com/about}, {@code eu.acme.com} and
 * {@code acme.com} must all meet at {@code acme.com}.
 */
final class OrganizationAppearances {

    private static final List<String> SUBDOMAINS = List.of("eu", "us", "uk", "shop", "app", "mail");
    private static final List<String> LEGAL_SUFFIXES = List.of(" Inc.", " Ltd", " GmbH", " SARL", " Pty Ltd", " Inc");

    private final Random random;
    private final SourceRecordWriter writer;

    OrganizationAppearances(Random random, SourceRecordWriter writer) {
        this.random = random;
        this.writer = writer;
    }

    void write(TrueOrganization org) {
        List<String> sources = Appearances.plan(random);
        for (int i = 0; i < sources.size(); i++) {
            if (org.domain() == null) {
                writeWithoutDomain(org, sources.get(i), i == 0);
            } else if (i == 0) {
                writeTidy(org, sources.get(i));
            } else {
                writeVariant(org, sources.get(i), pickVariant(org));
            }
        }
    }

    /** Acme shows the three spellings of one domain side by side, always, whatever the seed. */
    void writeAcmeShowcase(TrueOrganization acme) {
        write(acme, Appearances.SOURCE_A, acme.name(), acme.domain(), null, acme.phone().styles().get(0),
                "org:canonical");
        write(acme, Appearances.SOURCE_B, acme.name(), null, "https://www.acme.com/about", null, "org:website-path");
        write(acme, Appearances.SOURCE_A, "Acme Corp Europe", "eu.acme.com", null, null, "org:subdomain");
    }

    private void writeTidy(TrueOrganization org, String source) {
        boolean domainField = random.nextDouble() < 0.7;
        String website = !domainField || random.nextBoolean() ? "https://www." + org.domain() : null;
        write(org, source, org.name(), domainField ? org.domain() : null, website, somePhone(org, 0.8), org.scenario());
    }

    private String pickVariant(TrueOrganization org) {
        double roll = random.nextDouble();
        if (roll < 0.25) {
            return "website-path";
        } else if (roll < 0.45) {
            return "subdomain";
        } else if (roll < 0.60) {
            return "renamed";
        } else if (roll < 0.72 && org.phone() != null) {
            return "phone-only";
        } else if (roll < 0.80 && org.phone() != null) {
            return "phone-renamed";
        }
        return "name-only";
    }

    private void writeVariant(TrueOrganization org, String source, String variant) {
        String scenario = "org:" + variant;
        switch (variant) {
            case "website-path" -> write(org, source, org.name(), null,
                    (random.nextBoolean() ? "https://www." : "http://") + org.domain()
                            + List.of("/about", "/", "/en/contact", "/products?ref=crm").get(random.nextInt(4)),
                    somePhone(org, 0.5), scenario);
            case "subdomain" -> write(org, source, org.name(),
                    SUBDOMAINS.get(random.nextInt(SUBDOMAINS.size())) + "." + org.domain(), null,
                    somePhone(org, 0.5), scenario);
            case "renamed" -> write(org, source, rename(org.name()), org.domain(), null, somePhone(org, 0.5), scenario);
            case "phone-only" -> write(org, source, org.name(), null, null, otherStyle(org.phone()), scenario);
            // Only the phone and a name that differs in case or legal form: still the same name, so strong.
            case "phone-renamed" -> write(org, source, rename(org.name()), null, null, otherStyle(org.phone()), scenario);
            case "name-only" -> write(org, source, org.name(), null, null, null, scenario);
            default -> throw new IllegalArgumentException(variant);
        }
    }

    /** Free-mail, platform-page and domain-less organizations: their only possible strong key is a phone. */
    private void writeWithoutDomain(TrueOrganization org, String source, boolean first) {
        String phone = first ? somePhone(org, 0.8) : somePhone(org, 0.6);
        write(org, source, org.name(), org.freeMailDomain(), org.platformPage(), phone,
                first ? org.scenario() : org.scenario() + "-copy");
    }

    private void write(TrueOrganization org, String source, String name, String domain, String website, String phone,
                       String scenario) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("domain", domain);
        fields.put("website", website);
        fields.put("phone", phone);
        Set<String> keys = new LinkedHashSet<>();
        if (org.domain() != null && (domain != null || website != null)) {
            keys.add("domain:" + org.domain());
        }
        if (phone != null) {
            keys.add(org.phone().strongKeyWith(NameFold.organization(name)));
        }
        writer.write(RecordType.ORGANIZATION, source, org.id(), fields, keys, scenario);
    }

    private String somePhone(TrueOrganization org, double chance) {
        if (org.phone() == null || random.nextDouble() >= chance) {
            return null;
        }
        List<String> styles = org.phone().styles();
        return styles.get(random.nextInt(styles.size()));
    }

    private String otherStyle(FictionalPhone phone) {
        List<String> styles = phone.styles();
        return styles.get(1 + random.nextInt(styles.size() - 1));
    }

    private String rename(String name) {
        for (String suffix : LEGAL_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return random.nextBoolean() ? name.toUpperCase(java.util.Locale.ROOT) : name + ", Inc.";
    }
}
