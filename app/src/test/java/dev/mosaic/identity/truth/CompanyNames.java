package dev.mosaic.identity.truth;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Invents company names and registrable domains, each domain used once. Multi-label public suffixes
 * ({@code .co.uk}, {@code .com.au}) are in the mix so that {@code eu.fernwood.co.uk} must resolve to
 * {@code fernwood.co.uk}, not to {@code co.uk}.
 */
final class CompanyNames {

    record Company(String name, String brand, String domain) {
    }

    record UnicodeCompany(String name, String domain) {
    }

    static final List<UnicodeCompany> UNICODE_COMPANIES = List.of(
            new UnicodeCompany("Müller Bäckerei GmbH", "mueller-baeckerei.de"),
            new UnicodeCompany("Crème Légère SARL", "creme-legere.fr"),
            new UnicodeCompany("王氏科技有限公司", "wangshi-tech.cn"),
            new UnicodeCompany("Øresund Logistik ApS", "oresund-logistik.dk"),
            new UnicodeCompany("Café Zoë", "cafe-zoe.com"));

    private static final List<String> SUFFIXES = List.of(".com", ".com", ".com", ".com", ".com", ".com", ".io", ".io",
            ".co.uk", ".co.uk", ".de", ".com.au", ".fr");

    private final Random random;
    private final Set<String> takenDomains = new HashSet<>();

    CompanyNames(Random random) {
        this.random = random;
        takenDomains.add("acme.com");
        takenDomains.add("acme.co.uk");
        UNICODE_COMPANIES.forEach(c -> takenDomains.add(c.domain()));
    }

    Company next() {
        while (true) {
            String brand = pick(NamePools.COMPANY_STEMS) + pick(NamePools.COMPANY_ENDINGS);
            String kind = pick(NamePools.COMPANY_KINDS);
            String suffix = pick(SUFFIXES);
            String slug = brand.toLowerCase(Locale.ROOT) + (random.nextBoolean() ? "" : "-" + kind.toLowerCase(Locale.ROOT));
            String domain = slug + suffix;
            if (takenDomains.add(domain)) {
                return new Company(brand + " " + kind + legalForm(suffix), brand, domain);
            }
        }
    }

    /** Another registrable domain for a company of the same name: a different company. */
    String otherDomainFor(Company company) {
        String base = company.brand().toLowerCase(Locale.ROOT);
        for (String suffix : List.of(".io", ".de", ".co.uk", ".com.au", ".fr", ".net")) {
            if (!company.domain().endsWith(suffix) && takenDomains.add(base + suffix)) {
                return base + suffix;
            }
        }
        for (int n = 2; ; n++) {
            if (takenDomains.add(base + n + ".com")) {
                return base + n + ".com";
            }
        }
    }

    private String legalForm(String suffix) {
        return switch (suffix) {
            case ".de" -> " GmbH";
            case ".co.uk" -> " Ltd";
            case ".com.au" -> " Pty Ltd";
            case ".fr" -> " SARL";
            case ".com" -> random.nextDouble() < 0.3 ? " Inc." : "";
            default -> "";
        };
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
