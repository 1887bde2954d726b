package dev.mosaic.bench.graphload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What people type into the search box, about entities that were loaded: whole names, a first word, a domain, an
 * email, 3–4 letters from the middle of a word, upper case. Drawn from regenerated slices, so no term list is
 * kept during the load.
 */
final class SearchTerms {

    /** One {@code GET /api/v1/{collection}?q={term}}. */
    record Search(String collection, String term) {
    }

    private static final long PURPOSE = 3;
    private static final long WARM_UP = 4;
    private static final int KINDS = 12;

    private SearchTerms() {
    }

    /** {@code count} searches about the first {@code slices} slices (every one of them fully loaded). */
    static List<Search> sample(long seed, int slices, int count) {
        return sample(seed, slices, count, PURPOSE);
    }

    /** Searches of the same kinds about other entities, to run untimed before the timed ones. */
    static List<Search> warmUp(long seed, int slices, int count) {
        return sample(seed, slices, count, WARM_UP);
    }

    private static List<Search> sample(long seed, int slices, int count, long purpose) {
        SliceGenerator generator = new SliceGenerator(seed);
        SplittableRandom random = new SplittableRandom(SyntheticNames.mix(seed, count, purpose));
        List<Search> searches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Slice slice = generator.slice(random.nextInt(Math.max(1, slices)));
            OrgProfile org = slice.organization();
            Slice.Person person = slice.people().get(random.nextInt(slice.people().size()));
            String stem = org.stem();
            String last = person.lastName();
            searches.add(switch (i % KINDS) {
                case 0 -> new Search("organizations", org.name());
                case 1 -> new Search("organizations", stem);
                case 2 -> new Search("organizations", org.domain());
                case 3 -> new Search("organizations", stem.substring(2, 6).toLowerCase(Locale.ROOT));
                case 4 -> new Search("organizations", stem.toUpperCase(Locale.ROOT));
                case 5 -> new Search("organizations", stem.substring(1, 4).toLowerCase(Locale.ROOT));
                case 6 -> new Search("contacts", person.email());
                case 7 -> new Search("contacts", last);
                case 8 -> new Search("contacts", person.firstName() + " " + last);
                case 9 -> new Search("contacts", last.substring(1, 4).toLowerCase(Locale.ROOT));
                case 10 -> new Search("contacts", last.toUpperCase(Locale.ROOT));
                default -> new Search("contacts", org.domain());
            });
        }
        return searches;
    }
}
