package dev.mosaic.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.testing.MosaicIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every tenant's rows can live on a database server of their own: tables distributed on {@code tenant_id} (Citus; see
 * {@code docs/scale-out.md}) need every primary key, unique constraint, foreign key and index to start with it, and
 * every join between two of them to equate it, or the join would have to look across servers. This reads the live
 * schema the migrations built, and the SQL in every main source file.
 */
class TenantScopedSchemaTest extends MosaicIntegrationTest {

    /** Tables of the libraries Mosaic runs on, shared by all tenants: in a distributed database, kept on the coordinator. */
    static final Set<String> SHARED_TABLES = Set.of("flyway_schema_history", "scheduled_tasks");

    private static final Path MAIN = Path.of("src/main/java/dev/mosaic");
    private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    /** A join of a table (not a subquery or a CTE) with its condition, up to the next clause. */
    private static final Pattern JOIN = Pattern.compile("\\bjoin\\s+([a-z_]+)(?:\\s+(?!on\\b)[a-z_]+)?\\s+on\\s+(.*?)"
            + "(?=\\b(?:left\\s+join|join|cross\\s+join|where|order\\s+by|group\\s+by|limit)\\b|\\)|$)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Autowired
    private DSLContext db;

    @Test
    void everyTenantTableHasATenantColumn() {
        List<String> without = db.fetch("""
                select t.table_name from information_schema.tables t
                where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                    and not exists (select 1 from information_schema.columns c where c.table_schema = t.table_schema
                        and c.table_name = t.table_name and c.column_name = 'tenant_id')
                order by 1""").getValues(0, String.class);

        assertThat(without).containsExactlyInAnyOrderElementsOf(SHARED_TABLES);
    }

    /**
     * GIN trigram indexes are the one kind left out: a search checks the few rows the trigrams find for their tenant,
     * and a tenant key in the index would add a posting list holding every row of the tenant to each search. In a
     * distributed database each shard's index holds only its own tenants' rows anyway.
     */
    @Test
    void everyKeyAndIndexStartsWithTheTenant() {
        List<String> strays = db.fetch("""
                select t.relname || '.' || c.relname from pg_index i
                join pg_class c on c.oid = i.indexrelid
                join pg_class t on t.oid = i.indrelid
                join pg_namespace n on n.oid = t.relnamespace
                join pg_am am on am.oid = c.relam
                where n.nspname = current_schema() and am.amname <> 'gin' and t.relname <> all(?::text[])
                    and coalesce((select a.attname from pg_attribute a where a.attrelid = t.oid and a.attnum = i.indkey[0]),
                        '') <> 'tenant_id'
                order by 1""", (Object) SHARED_TABLES.toArray(String[]::new)).getValues(0, String.class);
        long checked = db.fetchOne("select count(*) from pg_index i join pg_class t on t.oid = i.indrelid "
                + "join pg_namespace n on n.oid = t.relnamespace where n.nspname = current_schema()").get(0, Long.class);

        assertThat(checked).isGreaterThan(40);
        assertThat(strays).isEmpty();
    }

    @Test
    void everyForeignKeyJoinsOnTheTenant() {
        List<String> strays = db.fetch("""
                select con.conrelid::regclass::text || '.' || con.conname from pg_constraint con
                where con.contype = 'f' and con.connamespace = current_schema()::regnamespace
                    and ((select attname from pg_attribute where attrelid = con.conrelid and attnum = con.conkey[1]) <> 'tenant_id'
                        or (select attname from pg_attribute where attrelid = con.confrelid and attnum = con.confkey[1])
                            <> 'tenant_id')""").getValues(0, String.class);

        assertThat(strays).isEmpty();
    }

    @Test
    void everyJoinOfTwoTenantTablesEquatesTheTenant() throws IOException {
        Set<String> tenantTables = Set.copyOf(db.fetch("""
                select table_name from information_schema.columns
                where table_schema = current_schema() and column_name = 'tenant_id'""").getValues(0, String.class));
        List<String> strays = new ArrayList<>();
        int joins = 0;
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                for (String condition : tableJoins(read(file), tenantTables)) {
                    joins++;
                    if (!condition.contains("tenant_id")) {
                        strays.add(MAIN.relativize(file) + ": join on " + condition.strip().replaceAll("\\s+", " "));
                    }
                }
            }
        }

        assertThat(joins).isGreaterThan(10);
        assertThat(strays).isEmpty();
    }

    @Test
    void theJoinCheckSeesAJoinThatForgetsTheTenant() {
        String source = "db.fetch(\"select 1 from entity e join entity_golden g on g.entity_id = e.entity_id where x\")";

        assertThat(tableJoins(source, Set.of("entity", "entity_golden"))).containsExactly("g.entity_id = e.entity_id ");
    }

    /** The conditions of the joins of tenant tables in the SQL of a source file. */
    private static List<String> tableJoins(String source, Set<String> tenantTables) {
        List<String> conditions = new ArrayList<>();
        Matcher literal = STRING.matcher(source);
        StringBuilder sql = new StringBuilder();
        while (literal.find()) {
            sql.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append(' ');
        }
        Matcher join = JOIN.matcher(sql);
        while (join.find()) {
            if (tenantTables.contains(join.group(1).toLowerCase())) {
                conditions.add(join.group(2));
            }
        }
        return conditions;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
