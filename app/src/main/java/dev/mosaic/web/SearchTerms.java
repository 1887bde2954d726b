package dev.mosaic.web;

/** What a list's search box may ask: a term too long or with control characters searches for nothing in particular. */
final class SearchTerms {

    private static final int MAX_LENGTH = 200;

    private SearchTerms() {
    }

    static String clean(String q) {
        String query = q == null ? "" : q.strip();
        return query.length() > MAX_LENGTH || query.chars().anyMatch(Character::isISOControl) ? "" : query;
    }
}
