package dev.mosaic.salesforce.emulator.org.generate;

import java.util.Locale;
import java.util.Random;

import static dev.mosaic.salesforce.emulator.org.generate.SamplePools.*;

/**
 * The messy values real CRM data is made of: company names and domains, email local parts in several
 * styles, typos, phone numbers in half a dozen layouts, international addresses. Draws from the
 * generator's own {@link Random}, so the org stays a pure function of its seed.
 */
final class MessyValues {
    private final Random random;

    MessyValues(Random random) {
        this.random = random;
    }

    String companyName() {
        String name = pick(COMPANY_WORDS) + " " + pick(COMPANY_NOUNS);
        String suffix = pick(COMPANY_SUFFIXES);
        return suffix.isEmpty() ? name : name + " " + suffix;
    }

    String domainOf(String company, int index) {
        String base = ascii(company.split(" ")[0]).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (base.isEmpty()) {
            base = "company";
        }
        return base + (index % 7 == 0 ? "" : String.valueOf(index)) + pick(new String[] {".com", ".io", ".de",
                ".co.uk", ".fr", ".net"});
    }

    String emailLocal(String first, String last) {
        String f = first == null ? "" : ascii(first).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        String l = ascii(last).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (l.isEmpty()) {
            l = "user";
        }
        return switch (random.nextInt(4)) {
            case 0 -> f.isEmpty() ? l : f + "." + l;
            case 1 -> (f.isEmpty() ? "" : f.substring(0, 1)) + l;
            case 2 -> f.isEmpty() ? l : f + "_" + l;
            default -> f.isEmpty() ? l : f;
        };
    }

    String typo(String s) {
        if (s.length() < 3) {
            return s + s.charAt(s.length() - 1);
        }
        int i = 1 + random.nextInt(s.length() - 2);
        return switch (random.nextInt(3)) {
            case 0 -> s.substring(0, i) + s.substring(i + 1);
            case 1 -> s.substring(0, i) + s.charAt(i) + s.substring(i);
            default -> s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
        };
    }

    String phone() {
        int area = 200 + random.nextInt(800);
        int mid = 100 + random.nextInt(900);
        int end = random.nextInt(10_000);
        return switch (random.nextInt(6)) {
            case 0 -> String.format(Locale.ROOT, "(%d) %d-%04d", area, mid, end);
            case 1 -> String.format(Locale.ROOT, "+1 %d %d %04d", area, mid, end);
            case 2 -> String.format(Locale.ROOT, "%d.%d.%04d", area, mid, end);
            case 3 -> String.format(Locale.ROOT, "+44 20 %04d %04d", random.nextInt(10_000), end);
            case 4 -> String.format(Locale.ROOT, "+49 30 %d%04d", mid, end);
            default -> String.format(Locale.ROOT, "%d%d%04d", area, mid, end);
        };
    }

    void address(TableWriter w, int row, String prefix) {
        String[] city = pick(CITIES);
        w.set(row, prefix + "Street", (1 + random.nextInt(2000)) + " " + pick(STREETS)
                + (random.nextInt(5) == 0 ? "\nSuite " + (100 + random.nextInt(900)) : ""));
        w.set(row, prefix + "City", city[0]);
        w.set(row, prefix + "State", city[1]);
        w.set(row, prefix + "PostalCode", city[2]);
        w.set(row, prefix + "Country", city[3]);
        if (random.nextInt(3) == 0) {
            w.set(row, prefix + "Latitude", Math.round((random.nextDouble() * 140 - 70) * 1e6) / 1e6);
            w.set(row, prefix + "Longitude", Math.round((random.nextDouble() * 340 - 170) * 1e6) / 1e6);
            w.set(row, prefix + "GeocodeAccuracy", "Address");
        }
    }

    static String ascii(String s) {
        String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder sb = new StringBuilder();
        for (char c : n.toCharArray()) {
            if (c < 128) {
                sb.append(c);
            }
        }
        return sb.length() == 0 ? "x" : sb.toString();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
