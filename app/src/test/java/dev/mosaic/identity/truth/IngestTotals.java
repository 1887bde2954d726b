package dev.mosaic.identity.truth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Adds up the ingest summaries of many batches, keeping every rejection for the failure message. */
final class IngestTotals {

    private long received;
    private long created;
    private long updated;
    private long unchanged;
    private long merged;
    private final List<String> rejections = new ArrayList<>();

    void add(String source, JsonNode summary) {
        received += summary.path("received").asLong();
        created += summary.path("created").asLong();
        updated += summary.path("updated").asLong();
        unchanged += summary.path("unchanged").asLong();
        merged += summary.path("merged").asLong();
        summary.path("rejected").forEach(rejection -> rejections.add(source + ": " + rejection));
    }

    long received() {
        return received;
    }

    List<String> rejections() {
        return List.copyOf(rejections);
    }

    @Override
    public String toString() {
        return "received " + received + ", created " + created + ", updated " + updated + ", unchanged " + unchanged
                + ", merged " + merged + ", rejected " + rejections.size();
    }
}
