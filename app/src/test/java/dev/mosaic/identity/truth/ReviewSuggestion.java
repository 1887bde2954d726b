package dev.mosaic.identity.truth;

/** One pending item of Mosaic's review queue: two entities (their current ids) that weak evidence links. */
record ReviewSuggestion(String type, String reason, String entityA, String entityB) {
}
