package dev.mosaic.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A feature owns its tables: only its own SQL names them. Other features go through its public services,
 * so a feature can change its tables without breaking another's queries. This reads the SQL in every main
 * source file (its string literals and text blocks) and checks the tables each statement names against
 * their owner. Identity, for one, asks the graph where records and entities are instead of joining them.
 */
class TableOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java/dev/mosaic");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Table → the package (under dev.mosaic) that owns it. */
    private static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("tenant", "tenant"), Map.entry("app_user", "tenant"), Map.entry("api_token", "tenant"),
            Map.entry("entity", "graph"), Map.entry("entity_golden", "graph"), Map.entry("organization_figures", "graph"),
            Map.entry("deal_figures", "graph"), Map.entry("deal_stage_totals", "graph"),
            Map.entry("graph_figures_state", "graph"), Map.entry("source_record", "graph"),
            Map.entry("link", "graph"), Map.entry("link_decision", "graph"), Map.entry("timeline_event", "graph"), Map.entry("source_priority", "graph"),
            Map.entry("identity_key", "identity"), Map.entry("merge_lineage", "identity"),
            Map.entry("merge_block", "identity"), Map.entry("review_item", "identity"),
            Map.entry("matching_setting", "identity"), Map.entry("matching_model", "identity"),
            Map.entry("csv_import_job", "ingest"), Map.entry("csv_import_part", "ingest"),
            Map.entry("csv_import_error", "ingest"), Map.entry("csv_import_claimed_id", "ingest"),
            Map.entry("salesforce_connection", "connection"), Map.entry("salesforce_org", "connection"),
            Map.entry("sync_object", "sync"), Map.entry("sync_quarantine", "sync"), Map.entry("sync_child_link", "sync"),
            Map.entry("sync_pending_refresh", "sync"), Map.entry("sync_round", "sync"),
            Map.entry("salesforce_change_stream", "sync"),
            Map.entry("scheduled_tasks", "platform"));

    private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE_USE = Pattern.compile(
            "\\b(?:from|join|into|update|table|copy)\\s+([a-z_]+)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_TABLE = Pattern.compile("create table\\s+(?:if not exists\\s+)?([a-z_]+)");

    @Test
    void everyTableTheMigrationsCreateHasAnOwner() throws IOException {
        List<String> tables = new ArrayList<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.forEach(file -> {
                Matcher created = CREATE_TABLE.matcher(read(file).toLowerCase());
                while (created.find()) {
                    tables.add(created.group(1));
                }
            });
        }
        assertThat(tables).isNotEmpty();
        assertThat(OWNER.keySet()).containsAll(tables);
    }

    @Test
    void onlyTheOwningFeatureNamesATableInItsSql() throws IOException {
        List<String> strangers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String feature = MAIN.relativize(file).getName(0).toString();
                Matcher literal = STRING.matcher(read(file));
                while (literal.find()) {
                    String sql = literal.group(1) != null ? literal.group(1) : literal.group(2);
                    Matcher use = TABLE_USE.matcher(sql);
                    while (use.find()) {
                        String owner = OWNER.get(use.group(1).toLowerCase());
                        if (owner != null && !owner.equals(feature)) {
                            strangers.add(MAIN.relativize(file) + " names " + use.group(1) + ", a table of " + owner);
                        }
                    }
                }
            });
        }
        assertThat(strangers).isEmpty();
    }

    @Test
    void theCheckSeesATableNamedInAnotherFeaturesSql() {
        Matcher literal = STRING.matcher("db.fetch(\"select 1 from identity_key k join source_record r on r.x = k.x\")");
        assertThat(literal.find()).isTrue();
        Matcher use = TABLE_USE.matcher(literal.group(2));
        List<String> named = new ArrayList<>();
        while (use.find()) {
            named.add(use.group(1));
        }
        assertThat(named).containsExactly("identity_key", "source_record");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
