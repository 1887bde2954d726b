package dev.mosaic.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which live entities of a type a list shows: those whose names, emails or domains contain the query (any part of a
 * word, any case), or all of them without one. A condition on the {@code entity} table, unqualified.
 *
 * <p>pg_trgm indexes words in three-letter pieces, so the trigram index serves queries of three characters or more;
 * shorter ones scan the tenant's entities of that type. A term of several words ({@code jane.doe@acme.co.uk}) asks the
 * index for its longest word only and checks the whole term on the rows found: the index would otherwise intersect the
 * posting lists of every trigram, and those of {@code co} and {@code uk} hold a good part of all contacts.
 *
 * @param usesTrigrams whether the trigram index answers it: then its matches are few enough to count while reading them
 * @param all          whether there is no query: every live entity of the type matches
 */
record SearchFilter(String where, List<Object> binds, boolean usesTrigrams, boolean all) {

    private static final int TRIGRAM = 3;

    static SearchFilter of(String tenantId, EntityType type, String query) {
        String text = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        String where = "tenant_id = ? and entity_type = ? and merged_into is null and not deleted";
        List<Object> binds = new ArrayList<>(List.of(tenantId, type.key()));
        String probe = longestWord(text);
        if (probe.length() >= TRIGRAM && !probe.equals(text)) {
            where += " and search_text <> '' and search_text like ? escape '\\' and strpos(search_text, ?) > 0";
            binds.add("%" + escapeLike(probe) + "%");
            binds.add(text);
        } else if (!text.isEmpty()) {
            where += " and search_text <> '' and search_text like ? escape '\\'";
            binds.add("%" + escapeLike(text) + "%");
        }
        return new SearchFilter(where, List.copyOf(binds), text.length() >= TRIGRAM, text.isEmpty());
    }

    /** The binds of the condition followed by more. */
    Object[] bindsThen(Object... more) {
        List<Object> all = new ArrayList<>(binds);
        all.addAll(List.of(more));
        return all.toArray();
    }

    /** The longest run of letters and digits in the text (the first of equals): how pg_trgm splits words. */
    static String longestWord(String text) {
        String longest = "";
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                if (i - start > longest.length()) {
                    longest = text.substring(start, i);
                }
                start = -1;
            }
        }
        return longest;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
