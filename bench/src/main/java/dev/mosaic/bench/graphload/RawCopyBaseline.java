package dev.mosaic.bench.graphload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The limit of this machine and database for the same data: the same rows (external id, system, object, the item's
 * fields as jsonb, its time) COPYed into a plain table with no index, no constraint and no logic, in the database
 * the app uses, with its durability settings. The rows are written to a CSV file first, so the timed COPY measures
 * PostgreSQL taking them, not the bench making them.
 */
final class RawCopyBaseline {

    /** {@code prepareSeconds}: making the CSV file, before and outside the timed COPY. */
    record Result(long rows, double seconds, double prepareSeconds) {
    }

    static final String TABLE = "bench_raw_copy";

    private RawCopyBaseline() {
    }

    static Result run(Connection connection, BatchStream sameData, Path csvFile) throws SQLException, IOException {
        long preparing = System.nanoTime();
        try (OutputStream csv = new BufferedOutputStream(Files.newOutputStream(csvFile), 1 << 20)) {
            while (sameData.hasNext()) {
                csv.write(rows(sameData.next()));
            }
        }
        double prepareSeconds = (System.nanoTime() - preparing) / 1e9;
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + TABLE);
            statement.execute("create table " + TABLE + " (external_id text not null, system text not null, "
                    + "object text not null, fields jsonb not null, observed_at timestamptz not null)");
        }
        try (InputStream rows = Files.newInputStream(csvFile)) {
            long started = System.nanoTime();
            long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + TABLE
                    + " (external_id, system, object, fields, observed_at) from stdin with (format csv)", rows, 1 << 16);
            return new Result(copied, (System.nanoTime() - started) / 1e9, prepareSeconds);
        } finally {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists " + TABLE);
            }
            Files.deleteIfExists(csvFile);
        }
    }

    private static byte[] rows(IngestBatch batch) {
        StringBuilder csv = new StringBuilder(batch.size() * 512);
        for (ItemKind kind : ItemKind.values()) {
            for (ObjectNode item : batch.items(kind)) {
                csv.append(quoted(item.get("externalId").asText())).append(',')
                        .append(batch.source().apiName).append(',')
                        .append(kind.objectName).append(',')
                        .append(quoted(item.toString())).append(',')
                        .append(item.get("updatedAt").asText()).append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
