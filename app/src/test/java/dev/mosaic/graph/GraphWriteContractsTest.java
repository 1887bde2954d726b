package dev.mosaic.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.platform.database.TenantWriteLock;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contracts the write path enforces rather than states: graph writes need a transaction, a person's
 * edit does not hang behind a long import, a record the graph cannot hold is refused alone, and a late
 * older message is reported as the no-op it is.
 */
class GraphWriteContractsTest extends MosaicIntegrationTest {

    @Autowired
    private GraphWriter graph;
    @Autowired
    private TenantWriteLock writeLock;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private DataSource dataSource;

    private String token;
    private String tenantId;

    @BeforeEach
    void freshTenant() {
        token = newTenantToken();
        tenantId = token.substring("mosaic_".length(), token.indexOf('_', "mosaic_".length()));
    }

    @Test
    void graphWritesAndTheTenantLockRefuseToRunOutsideATransaction() {
        assertThatThrownBy(() -> graph.upsertAll(tenantId, List.of(contact("c-1", "Ann", Instant.now()))))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> writeLock.lock(tenantId))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
    }

    @Test
    void aRecordTheGraphCannotHoldIsRefusedAloneWithItsReason() throws Exception {
        SourceRecordInput good = contact("good", "Ann", Instant.parse("2026-01-01T00:00:00Z"));
        SourceRecordInput nul = new SourceRecordInput(EntityType.CONTACT, new ExternalRef("crm", "contact", "bad"), null,
                Map.of("lastName", "Nu\u0000ll"), List.of(), Instant.parse("2026-01-01T00:00:00Z"), null, false);
        SourceRecordInput future = contact("future", "Fay", Instant.now().plusSeconds(86_400));

        List<UpsertResult> results = transaction.execute(status -> graph.upsertAll(tenantId, List.of(nul, good, future)));

        assertThat(results).extracting(UpsertResult::outcome).containsExactly(UpsertResult.Outcome.REJECTED,
                UpsertResult.Outcome.CREATED, UpsertResult.Outcome.REJECTED);
        assertThat(results.get(0).reason()).contains("lastName").contains("NUL");
        assertThat(results.get(2).reason()).contains("future");
        assertThat(getJson("/api/v1/external/crm/contact/good", token).path("id").asText())
                .isEqualTo(results.get(1).entityId().toString());
        assertThat(get("/api/v1/external/crm/contact/bad", token).statusCode()).isEqualTo(404);
    }

    @Test
    void aLateOlderMessageIsReportedUnchangedAndChangesNothing() throws Exception {
        String newer = "{\"contacts\":[{\"externalId\":\"c-1\",\"lastName\":\"Doe\",\"title\":\"NEW\",\"organization\":\"o-2\","
                + "\"updatedAt\":\"2026-05-01T00:00:00Z\"}]}";
        String older = "{\"contacts\":[{\"externalId\":\"c-1\",\"lastName\":\"Doe\",\"title\":\"OLD\",\"organization\":\"o-1\","
                + "\"updatedAt\":\"2026-01-01T00:00:00Z\"}],\"organizations\":[{\"externalId\":\"o-1\",\"name\":\"Old Co\"},"
                + "{\"externalId\":\"o-2\",\"name\":\"New Co\"}]}";
        call("POST", "/api/v1/ingest/crm", token, newer);

        JsonNode summary = call("POST", "/api/v1/ingest/crm", token, older);

        assertThat(summary.path("unchanged").asInt()).isEqualTo(1);
        assertThat(summary.path("updated").asInt()).isZero();
        String id = getJson("/api/v1/external/crm/contact/c-1", token).path("id").asText();
        JsonNode contact = getJson("/api/v1/contacts/" + id, token);
        assertThat(contact.path("fields").path("title").path("value").asText()).isEqualTo("NEW");
        assertThat(contact.path("relations").findValuesAsText("name")).containsExactly("New Co");
    }

    @Test
    void aPersonsEditAnswersBusyInsteadOfHangingBehindALongImport() throws Exception {
        call("POST", "/api/v1/ingest/crm", token, "{\"contacts\":[{\"externalId\":\"c-1\",\"lastName\":\"Doe\"}]}");
        String id = getJson("/api/v1/external/crm/contact/c-1", token).path("id").asText();

        try (Connection importer = dataSource.getConnection()) {
            importer.setAutoCommit(false);
            // What a chunk of a long import does first: take the tenant's graph lock, and keep it.
            try (PreparedStatement lock = importer.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "graph-writes:" + tenantId);
                lock.execute();
            }
            HttpResponse<String> edit = send("PATCH", "/api/v1/contacts/" + id, token, "{\"title\":\"CTO\"}");

            assertThat(edit.statusCode()).isEqualTo(503);
            assertThat(edit.headers().firstValue("Retry-After")).isPresent();
            assertThat(json(edit).path("error").path("code").asText()).isEqualTo("busy");
            importer.rollback();
        }
        assertThat(call("PATCH", "/api/v1/contacts/" + id, token, "{\"title\":\"CTO\"}").path("fields").path("title")
                .path("value").asText()).isEqualTo("CTO");
    }

    private static SourceRecordInput contact(String id, String lastName, Instant observedAt) {
        return new SourceRecordInput(EntityType.CONTACT, new ExternalRef("crm", "contact", id), null,
                Map.of("lastName", lastName), List.of(), observedAt, observedAt.toString(), false);
    }
}
