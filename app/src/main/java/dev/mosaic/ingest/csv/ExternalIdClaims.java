package dev.mosaic.ingest.csv;

import java.util.HashMap;
import java.util.Map;

/**
 * Which row of an import first had each externalId. A later row with the same id would overwrite the
 * first on every import, so only the first is imported; this remembers the first rows across chunks.
 */
interface ExternalIdClaims {

    /**
     * Claims the ids of a chunk for their rows, {@code firstRowById} holding each id of the chunk once with
     * its first row there. Returns the ids that earlier chunks had already claimed, with their first rows;
     * the other ids are claimed by this call.
     */
    Map<String, Integer> claim(Map<String, Integer> firstRowById);

    /** Claims held in memory: for a file small enough to import in one request. */
    static ExternalIdClaims inMemory() {
        Map<String, Integer> claimed = new HashMap<>();
        return firstRowById -> {
            Map<String, Integer> earlier = new HashMap<>();
            firstRowById.forEach((id, row) -> {
                Integer first = claimed.putIfAbsent(id, row);
                if (first != null) {
                    earlier.put(id, first);
                }
            });
            return earlier;
        };
    }
}
