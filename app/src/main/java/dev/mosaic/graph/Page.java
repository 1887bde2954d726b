package dev.mosaic.graph;

import java.util.List;

/** One page of a list, with the size of the whole list: the API's {@code {"items":[…],"total":N}}. */
public record Page<T>(List<T> items, long total) {
}
