package dev.mosaic.bench.graphload;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Exactly {@code records} generated items as ingest batches of at most {@code batchSize}, made lazily slice by
 * slice: memory holds one slice and the batches being filled, whatever the total. Each source's batches keep its
 * items in generation order, so an item only refers to items sent in the same or an earlier batch of its source.
 * Not thread-safe: callers that share one stream take turns.
 */
final class BatchStream implements Iterator<IngestBatch> {

    private final SliceGenerator generator;
    private final long records;
    private final int batchSize;
    private final Map<Source, IngestBatch.Builder> filling = new EnumMap<>(Source.class);
    private final Deque<IngestBatch> ready = new ArrayDeque<>();
    private final Map<ItemKind, Long> itemsByKind = new EnumMap<>(ItemKind.class);
    private final Map<Source, Long> itemsBySource = new EnumMap<>(Source.class);
    private long emitted;
    private int nextSlice;
    private int completeSlices;
    private int batches;
    private long organizationEntities;
    private long contactEntities;

    BatchStream(long seed, long records, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("A batch holds at least one item");
        }
        this.generator = new SliceGenerator(seed);
        this.records = records;
        this.batchSize = batchSize;
        for (Source source : Source.values()) {
            filling.put(source, new IngestBatch.Builder(source));
        }
    }

    @Override
    public boolean hasNext() {
        fill();
        return !ready.isEmpty();
    }

    @Override
    public IngestBatch next() {
        fill();
        if (ready.isEmpty()) {
            throw new NoSuchElementException("All " + records + " records have been handed out");
        }
        return ready.poll();
    }

    private void fill() {
        while (ready.isEmpty() && emitted < records) {
            Slice slice = generator.slice(nextSlice++);
            boolean whole = true;
            for (Slice.SourceItem item : slice.items()) {
                if (emitted == records) {
                    whole = false;
                    break;
                }
                IngestBatch.Builder builder = filling.get(item.source());
                builder.add(item.kind(), item.item());
                count(item);
                if (builder.size() == batchSize) {
                    ready.add(builder.build(++batches));
                    filling.put(item.source(), new IngestBatch.Builder(item.source()));
                }
            }
            if (whole) {
                completeSlices = nextSlice;
            }
        }
        if (ready.isEmpty() && emitted == records) {
            for (Source source : Source.values()) {
                IngestBatch.Builder builder = filling.get(source);
                if (builder.size() > 0) {
                    ready.add(builder.build(++batches));
                    filling.put(source, new IngestBatch.Builder(source));
                }
            }
        }
    }

    private void count(Slice.SourceItem item) {
        emitted++;
        itemsByKind.merge(item.kind(), 1L, Long::sum);
        itemsBySource.merge(item.source(), 1L, Long::sum);
        if (item.firstOfEntity() && item.kind() == ItemKind.ORGANIZATIONS) {
            organizationEntities++;
        } else if (item.firstOfEntity() && item.kind() == ItemKind.CONTACTS) {
            contactEntities++;
        }
    }

    long emitted() {
        return emitted;
    }

    /** Slices whose every item was handed to a batch: their entities are all in the graph after the load. */
    int completeSlices() {
        return completeSlices;
    }

    Map<ItemKind, Long> itemsByKind() {
        return Map.copyOf(itemsByKind);
    }

    Map<Source, Long> itemsBySource() {
        return Map.copyOf(itemsBySource);
    }

    /** The real organizations among the items: what identity resolution should leave after merging copies. */
    long organizationEntities() {
        return organizationEntities;
    }

    long contactEntities() {
        return contactEntities;
    }
}
