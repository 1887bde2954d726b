package dev.mosaic.bench.graphload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The limit of this machine and database for the same data: the same rows (external id, system, object, the item's
 * fields as jsonb, its time) COPYed into a plain table with no index, no constraint and no logic, in the database
 * the app uses, with its durability settings. The rows are generated during the COPY, as they are during the load.
 */
final class RawCopyBaseline {

    /** {@code generateSeconds}: the part of {@code seconds} spent making and formatting the rows in the bench. */
    record Result(long rows, double seconds, double generateSeconds) {
    }

    static final String TABLE = "bench_raw_copy";

    private RawCopyBaseline() {
    }

    static Result run(Connection connection, BatchStream sameData) throws SQLException, IOException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + TABLE);
            statement.execute("create table " + TABLE + " (external_id text not null, system text not null, "
                    + "object text not null, fields jsonb not null, observed_at timestamptz not null)");
        }
        try {
            return copy(connection, sameData);
        } finally {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists " + TABLE);
            }
        }
    }

    private static Result copy(Connection connection, BatchStream rows) throws SQLException, IOException {
        long started = System.nanoTime();
        long generating = 0;
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + TABLE + " (external_id, system, object, fields, observed_at) from stdin with (format csv)");
        long copied;
        try (PGCopyOutputStream stream = new PGCopyOutputStream(copy, 1 << 20)) {
            while (true) {
                long t0 = System.nanoTime();
                if (!rows.hasNext()) {
                    break;
                }
                IngestBatch batch = rows.next();
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
                byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
                generating += System.nanoTime() - t0;
                stream.write(bytes);
            }
            copied = stream.endCopy();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(copied, seconds, generating / 1e9);
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
