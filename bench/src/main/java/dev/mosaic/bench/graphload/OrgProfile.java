package dev.mosaic.bench.graphload;

import java.util.SplittableRandom;

/**
 * What is fixed about the organization of one slice, computed from (seed, index) alone: any later slice can
 * ask whether organization {@code j} exists in a source (to name it as a past employer) without the bench
 * keeping anything in memory.
 *
 * @param primary  the source that knows the organization and most of its activity
 * @param shared   the other source knows it too, with its domain written another way
 * @param namesake the other source also has a different company of the same name (weak evidence only)
 */
record OrgProfile(int index, String stem, String name, String domain, String industry, Source primary, boolean shared,
                  boolean namesake) {

    static final double CRM_PRIMARY = 0.65;
    static final double SHARED = 0.5;
    static final double NAMESAKE = 0.04;
    private static final long PURPOSE = 1;
    private static final String[] INDUSTRIES = {"Logistics", "Analytics", "Foods", "Robotics", "Health", "Energy", "Labs",
            "Systems", "Partners", "Capital", "Motors", "Media", "Textiles", "Software", "Pharma", "Retail"};
    private static final String[] TLDS = {"com", "com", "com", "com", "io", "co.uk", "de", "fr", "com.au", "net"};

    static OrgProfile of(long seed, int index) {
        SplittableRandom random = new SplittableRandom(SyntheticNames.mix(seed, index, PURPOSE));
        String stem = SyntheticNames.capitalized(SyntheticNames.word(index, seed));
        String industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
        String domain = stem.toLowerCase(java.util.Locale.ROOT) + "." + TLDS[random.nextInt(TLDS.length)];
        Source primary = random.nextDouble() < CRM_PRIMARY ? Source.CRM : Source.ERP;
        boolean shared = random.nextDouble() < SHARED;
        boolean namesake = random.nextDouble() < NAMESAKE;
        return new OrgProfile(index, stem, stem + " " + industry, domain, industry, primary, shared, namesake);
    }

    boolean knownTo(Source source) {
        return primary == source || shared;
    }

    /** The namesake's own domain: never another organization's, since stems have no hyphen. */
    String namesakeDomain() {
        return stem.toLowerCase(java.util.Locale.ROOT) + "-group.com";
    }

    String currency() {
        if (domain.endsWith(".co.uk")) {
            return "GBP";
        }
        return domain.endsWith(".de") || domain.endsWith(".fr") ? "EUR" : "USD";
    }
}
