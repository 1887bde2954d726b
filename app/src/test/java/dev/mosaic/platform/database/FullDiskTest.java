package dev.mosaic.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.RunningMosaic;
import dev.mosaic.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database's disk fills up. PostgreSQL then refuses every write with SQLSTATE 53100 while it still answers reads;
 * here it raises exactly that error for new source records, as it does when it cannot extend a table's file.
 */
class FullDiskTest {

    private static TestPostgres database;
    private static RunningMosaic app;

    @BeforeAll
    static void start() throws Exception {
        database = TestPostgres.create();
        app = RunningMosaic.start(database);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        database.close();
    }

    @Test
    void writesAreRefusedSayingTheDiskIsFullHealthIsDownAndReadsGoOnThenWritesWorkOnceThereIsRoom() throws Exception {
        RunningMosaic.Tenant tenant = app.newTenant();
        assertThat(ingest(tenant, "kept").statusCode()).isEqualTo(200);

        sql("create function refuse_for_full_disk() returns trigger language plpgsql as $$ begin "
                + "raise exception 'could not extend file \"base/16384/16385\": No space left on device' "
                + "using errcode = 'disk_full'; end $$",
                "create trigger full_disk before insert on source_record for each statement "
                        + "execute function refuse_for_full_disk()");
        HttpResponse<String> refused = ingest(tenant, "refused");
        HttpResponse<String> health = app.getAnonymous("/actuator/health");
        HttpResponse<String> read = app.get("/api/v1/external/crm/contact/kept", tenant.token());
        sql("drop trigger full_disk on source_record");

        assertThat(refused.statusCode()).isEqualTo(503);
        JsonNode error = RunningMosaic.JSON.readTree(refused.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("database_unavailable");
        assertThat(error.path("message").asText()).contains("disk is full", "Nothing of this request was saved");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(read.statusCode()).isEqualTo(200);

        assertThat(ingest(tenant, "after").statusCode()).isEqualTo(200);
        assertThat(app.get("/api/v1/external/crm/contact/refused", tenant.token()).statusCode()).isEqualTo(404);
        assertThat(app.get("/api/v1/external/crm/contact/after", tenant.token()).statusCode()).isEqualTo(200);
    }

    private static void sql(String... statements) throws Exception {
        try (Connection db = database.connect(); Statement statement = db.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static HttpResponse<String> ingest(RunningMosaic.Tenant tenant, String id) throws Exception {
        return app.send("POST", "/api/v1/ingest/crm", tenant.token(), RunningMosaic.JSON.writeValueAsString(Map.of(
                "contacts", List.of(Map.of("externalId", id, "name", "Contact " + id, "email", id + "@example.com")))));
    }
}
