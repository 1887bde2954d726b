package dev.mosaic.identity.truth;

/**
 * One pending item of Mosaic's review queue: two entities (their current ids) that weak evidence links, and how likely
 * Mosaic scores them one (0 when it gave no score).
 */
record ReviewSuggestion(String type, String reason, String entityA, String entityB, double score) {
}
