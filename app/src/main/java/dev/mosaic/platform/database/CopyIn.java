package dev.mosaic.platform.database;

import dev.mosaic.platform.time.IsoInstants;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN}, the fastest way to add many rows: no statement to plan,
 * no parameters to parse, one stream. Used for rows that are new by construction (fresh ids, written under
 * the tenant's lock), so no conflict can arise. It runs on the transaction's own connection: the rows commit
 * or roll back with the rest of the chunk.
 *
 * <p>The rows are kept as UTF-8 blocks of about {@value #BLOCK_CHARS} characters, not as one text. A chunk's rows
 * run to megabytes, and the garbage collector treats an array of half a region or more (half a megabyte in a
 * small heap) as humongous: each started a concurrent collection cycle, about one every two seconds during a load,
 * and growing one builder by doubling made several such arrays per table per chunk.
 */
public final class CopyIn {

    /** Well under half of the smallest G1 region (1 MB), even for text of three UTF-8 bytes per character. */
    static final int BLOCK_CHARS = 64 * 1024;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String table;
    private final List<String> columns;
    private final List<byte[]> blocks = new ArrayList<>();
    private final StringBuilder rows = new StringBuilder();
    private int count;

    private CopyIn(String table, List<String> columns) {
        this.table = table;
        this.columns = columns;
    }

    public static CopyIn into(String table, String... columns) {
        return new CopyIn(table, List.of(columns));
    }

    /** One row, its values in the order of the columns: text, numbers, booleans, UUIDs, instants or null. */
    public CopyIn row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("A row of " + table + " has " + columns.size() + " columns, not " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            append(values[i]);
        }
        rows.append('\n');
        count++;
        if (rows.length() >= BLOCK_CHARS) {
            endBlock();
        }
        return this;
    }

    public int size() {
        return count;
    }

    /** Sends the rows; returns how many PostgreSQL took. */
    public long copy(DSLContext db) {
        if (count == 0) {
            return 0;
        }
        endBlock();
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
        return db.connectionResult(connection -> {
            org.postgresql.copy.CopyIn copy = null;
            try {
                // The driver's client encoding is UTF-8, so the blocks go as they are.
                copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
                for (byte[] block : blocks) {
                    copy.writeToCopy(block, 0, block.length);
                }
                return copy.endCopy();
            } catch (SQLException e) {
                cancel(copy);
                throw new org.jooq.exception.DataAccessException("COPY into " + table + " failed", e);
            }
        });
    }

    private static void cancel(org.postgresql.copy.CopyIn copy) {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // The copy's own failure is the one to report; the transaction rolls back either way.
            }
        }
    }

    /** The rows so far as one UTF-8 block: for ASCII text the JDK's encoding is an array copy. */
    private void endBlock() {
        if (!rows.isEmpty()) {
            blocks.add(rows.toString().getBytes(StandardCharsets.UTF_8));
            rows.setLength(0);
        }
    }

    private void append(Object value) {
        if (value == null) {
            rows.append("\\N");
        } else if (value instanceof Boolean bool) {
            rows.append(bool ? 't' : 'f');
        } else if (value instanceof UUID id) {
            appendUuid(id);
        } else if (value instanceof Instant instant) {
            rows.append(IsoInstants.format(instant));
        } else if (value instanceof Number) {
            rows.append(value);
        } else {
            escape(value.toString());
        }
    }

    /** The canonical form, written in place: most rows have two or three ids, and a string each added up. */
    private void appendUuid(UUID id) {
        appendHex(id.getMostSignificantBits() >>> 32, 8);
        rows.append('-');
        appendHex(id.getMostSignificantBits() >>> 16, 4);
        rows.append('-');
        appendHex(id.getMostSignificantBits(), 4);
        rows.append('-');
        appendHex(id.getLeastSignificantBits() >>> 48, 4);
        rows.append('-');
        appendHex(id.getLeastSignificantBits(), 12);
    }

    private void appendHex(long bits, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            rows.append(HEX[(int) (bits >>> shift) & 0xF]);
        }
    }

    /** COPY's text format: backslash, tab, newline and carriage return are escaped; everything else is as is. */
    private void escape(String text) {
        if (!needsEscape(text)) {
            rows.append(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
    }

    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
