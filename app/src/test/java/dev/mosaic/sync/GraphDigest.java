package dev.mosaic.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a tenant's graph holds of Salesforce, as text to compare two runs by: each record's content (its latest
 * message's fingerprint and whether it is deleted), and which records form one entity.
 */
final class GraphDigest {

    private GraphDigest() {
    }

    static String of(Connection db, String tenantId) throws SQLException {
        List<String> lines = new ArrayList<>(lines(db, "select object || ' ' || external_id || ' ' || content_hash || ' ' "
                + "|| deleted from source_record where tenant_id = ? and system = 'salesforce' order by 1", tenantId));
        lines.add("--");
        lines.addAll(lines(db, "select string_agg(object || '/' || external_id, ',' order by object, external_id) as cluster "
                + "from source_record where tenant_id = ? group by entity_id order by 1", tenantId));
        return String.join("\n", lines);
    }

    private static List<String> lines(Connection db, String sql, String tenantId) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, tenantId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
        }
        return lines;
    }
}
