package dev.mosaic.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gathers one object's rows into chunks and hands each, with the cursor it brings the object to, to a
 * {@link ChunkPipeline}: reading goes on while the chunk before is written.
 */
final class ChunkSink implements AutoCloseable {

    private final ChunkWriter writer;
    private final RoundContext round;
    private final SyncedObject object;
    private final boolean skipDeleted;
    private final int chunkRows;
    private final ChunkPipeline pipeline;
    private final AtomicLong lastCommit = new AtomicLong(System.nanoTime());
    private List<SalesforceRow> rows = new ArrayList<>();

    /** @param skipDeleted rows Salesforce deleted are left out (an initial load has nothing to delete) */
    ChunkSink(ChunkWriter writer, RoundContext round, SyncedObject object, boolean skipDeleted, int chunkRows) {
        this.writer = writer;
        this.round = round;
        this.object = object;
        this.skipDeleted = skipDeleted;
        this.chunkRows = chunkRows;
        this.pipeline = new ChunkPipeline("sync-writer-" + object.apiName());
    }

    void add(SalesforceRow row) {
        rows.add(row);
    }

    boolean full() {
        return rows.size() >= chunkRows;
    }

    SalesforceRow last() {
        return rows.get(rows.size() - 1);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Rows gathered for a page that is read again from its start: they will come again. */
    void forget() {
        rows = new ArrayList<>();
    }

    /** Hands the rows gathered (maybe none) over, to be written with {@code cursor}. */
    void flush(SyncCursor cursor) {
        List<SalesforceRow> chunk = rows;
        rows = new ArrayList<>();
        pipeline.submit(() -> {
            // Progress is timed commit to commit: reading overlaps writing, so this is the object's real pace.
            writer.write(round, object, chunk, cursor, lastCommit.get(), skipDeleted);
            lastCommit.set(System.nanoTime());
        });
    }

    /** Rows read again whole, written with no cursor. */
    void flushAgain() {
        List<SalesforceRow> chunk = rows;
        rows = new ArrayList<>();
        pipeline.submit(() -> writer.writeAgain(round, object, chunk));
    }

    /** Waits until everything handed over is written; throws what failed. */
    void finish() {
        pipeline.finish();
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
