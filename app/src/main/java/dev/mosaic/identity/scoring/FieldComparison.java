package dev.mosaic.identity.scoring;

/**
 * How two records compare on one field: the level they agree at ({@code exact}, {@code nickname}, {@code different}…),
 * which the model weighs, and the same in words for a person ("names similar (Jon Smyth ~ Jonathan Smith, 0.91)").
 */
public record FieldComparison(String field, String level, String words) {
}
