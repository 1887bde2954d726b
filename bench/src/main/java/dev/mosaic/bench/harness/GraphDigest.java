package dev.mosaic.bench.harness;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tenant's graph holds, written as sorted text files that two runs can be compared by, whatever ids each
 * run drew: every source record with its content and deleted flag; which records form one entity, with that
 * entity's golden values; every link; every timeline entry. Each section names records by their source keys, never
 * by generated ids.
 */
public final class GraphDigest {

    /** The record key {@code system:object/external id} of source record {@code alias}. */
    private static String key(String alias) {
        return alias + ".system || ':' || " + alias + ".object || '/' || " + alias + ".external_id";
    }

    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("records", "select " + key("r") + " || ' ' || r.content_hash || ' ' || r.deleted as line "
                + "from source_record r where r.tenant_id = ?");
        SECTIONS.put("entities", "select e.entity_type || ' [' || string_agg(" + key("r") + ", ' ' order by "
                + key("r") + ") || '] deleted=' || e.deleted || ' ' || e.display_name || ' ' || coalesce(g.golden::jsonb::text, '-') as line "
                + "from entity e join source_record r on r.tenant_id = e.tenant_id and r.entity_id = e.entity_id "
                + "left join entity_golden g on g.tenant_id = e.tenant_id and g.entity_id = e.entity_id "
                + "where e.tenant_id = ? and e.merged_into is null "
                + "group by e.entity_id, e.entity_type, e.deleted, e.display_name, g.golden::jsonb::text");
        SECTIONS.put("links", "select " + key("r") + " || ' ' || l.kind || ' ' || l.to_system || ':' || l.to_object || '/' "
                + "|| l.to_external_id || ' ' || l.attributes::text as line from link l join source_record r "
                + "on r.tenant_id = l.tenant_id and r.record_id = l.from_record where l.tenant_id = ?");
        // An entry of a record happened when its source says; one of Mosaic's own (a merge) when Mosaic did it,
        // which differs between two runs, so only its words count.
        SECTIONS.put("timeline", "select coalesce(" + key("r") + ", '-') || ' ' || t.kind || ' ' "
                + "|| coalesce(case when r.record_id is not null then t.occurred_at::text end, '') || ' ' "
                + "|| t.summary as line from timeline_event t left join source_record r on r.tenant_id = t.tenant_id "
                + "and r.record_id = t.subject_record where t.tenant_id = ?");
    }

    private final Map<String, Path> files;

    private GraphDigest(Map<String, Path> files) {
        this.files = files;
    }

    /** Writes tenant {@code tenantId}'s graph to {@code <directory>/<label>-<section>.txt}, one line per fact. */
    public static GraphDigest write(Connection db, String tenantId, Path directory, String label)
            throws SQLException, IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        // One snapshot for every section, and a cursor that streams rather than holding a million rows.
        try (var snapshot = db.createStatement()) {
            snapshot.execute("set transaction isolation level repeatable read, read only");
            for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
                Path file = directory.resolve(label + "-" + section.getKey() + ".txt");
                // Byte order ("C"), which is the order Java compares the lines in when two digests are walked.
                String sorted = "select line from (" + section.getValue() + ") lines order by line collate \"C\"";
                try (PreparedStatement query = db.prepareStatement(sorted);
                     BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    query.setFetchSize(5_000);
                    query.setString(1, tenantId);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            out.write(rows.getString(1));
                            out.newLine();
                        }
                    }
                }
                files.put(section.getKey(), file);
            }
            db.commit();
        } finally {
            db.setAutoCommit(autoCommit);
        }
        return new GraphDigest(files);
    }

    /** Lines per section, for the summary. */
    public Map<String, Long> lineCounts() throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            try (var lines = Files.lines(file.getValue(), StandardCharsets.UTF_8)) {
                counts.put(file.getKey(), lines.count());
            }
        }
        return counts;
    }

    /** Where this graph and {@code other} differ: up to {@code limit} lines, each marked with the side it is on. */
    public List<String> differences(GraphDigest other, String mine, String theirs, int limit) throws IOException {
        List<String> differences = new ArrayList<>();
        for (String section : files.keySet()) {
            try (BufferedReader a = Files.newBufferedReader(files.get(section), StandardCharsets.UTF_8);
                 BufferedReader b = Files.newBufferedReader(other.files.get(section), StandardCharsets.UTF_8)) {
                String left = a.readLine();
                String right = b.readLine();
                // Both files are in one order (the database's, for one collation), so a merge walk finds what is
                // on one side only.
                while ((left != null || right != null) && differences.size() < limit) {
                    int order = left == null ? 1 : right == null ? -1 : left.compareTo(right);
                    if (order == 0) {
                        left = a.readLine();
                        right = b.readLine();
                    } else if (order < 0) {
                        differences.add(section + ", only " + mine + ": " + left);
                        left = a.readLine();
                    } else {
                        differences.add(section + ", only " + theirs + ": " + right);
                        right = b.readLine();
                    }
                }
            }
        }
        return differences;
    }
}
