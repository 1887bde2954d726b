package dev.mosaic.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The figures computed in the background from everything the graph holds, through the API: what the organizations list
 * shows beside each name for organizations whose contacts, deals and activities are known, that they follow the graph
 * when it changes, and the pipeline by stage.
 */
class GraphFiguresTest extends MosaicIntegrationTest {

    private static final int WRITERS = 4;

    @Autowired
    private DSLContext db;
    private static final int MAX_BATCHES = 3_000;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String TEN_DAYS_AGO = NOW.minus(Duration.ofDays(10)).toString();
    private static final String FORTY_DAYS_AGO = NOW.minus(Duration.ofDays(40)).toString();
    private static final String IN_FIVE_DAYS = NOW.plus(Duration.ofDays(5)).toString();

    @Test
    void eachOrganizationAddsUpItsContactsDealsAndActivities() throws Exception {
        String token = newTenantToken();
        call("POST", "/api/v1/ingest/crm", token, Map.of(
                "users", List.of(Map.of("externalId", "u-1", "name", "Ann Owner")),
                "organizations", List.of(
                        Map.of("externalId", "o-1", "name", "Northwind", "owner", "u-1"),
                        Map.of("externalId", "o-2", "name", "Contoso"),
                        Map.of("externalId", "o-3", "name", "Fabrikam")),
                "contacts", List.of(contact("c-1", "o-1"), contact("c-2", "o-1"), contact("c-3", "o-2")),
                "deals", List.of(
                        deal("d-1", "o-1", 1000, "USD", Map.of("probability", 50)),
                        deal("d-2", "o-1", 5000, "USD", Map.of("closed", true, "won", true)),
                        deal("d-3", "o-1", 700, "USD", Map.of("closed", true, "won", false)),
                        deal("d-4", "o-1", 9999, "EUR", Map.of()),
                        deal("d-5", "o-2", 300, "USD", Map.of("probability", 10))),
                "interactions", List.of(
                        Map.of("externalId", "i-1", "type", "call", "occurredAt", TEN_DAYS_AGO, "contacts", List.of("c-1")),
                        Map.of("externalId", "i-2", "type", "meeting", "occurredAt", IN_FIVE_DAYS, "organization", "o-1"),
                        Map.of("externalId", "i-3", "type", "email", "occurredAt", FORTY_DAYS_AGO, "deal", "d-5"))));
        call("POST", "/api/v1/ingest/erp", token, Map.of("organizations",
                List.of(Map.of("externalId", "E-1", "name", "Northwind", "domain", "northwind.com"))));
        call("POST", "/api/v1/ingest/crm", token, Map.of("organizations",
                List.of(Map.of("externalId", "o-1", "name", "Northwind", "owner", "u-1", "domain", "northwind.com"))));

        JsonNode byPipeline = fresh(token, "sort=open-pipeline");

        assertThat(byPipeline.path("items").findValuesAsText("name")).containsExactly("Northwind", "Contoso", "Fabrikam");
        JsonNode northwind = byPipeline.path("items").get(0).path("figures");
        assertThat(northwind.path("ownerName").asText()).isEqualTo("Ann Owner");
        assertThat(northwind.path("contacts").asInt()).isEqualTo(2);
        assertThat(northwind.path("openDeals").asInt()).isEqualTo(1);
        assertThat(northwind.path("currency").asText()).isEqualTo("USD");
        assertThat(northwind.path("mixedCurrencies").asBoolean()).isTrue();
        assertThat(northwind.path("openAmount").decimalValue()).isEqualByComparingTo("1000");
        assertThat(northwind.path("openWeighted").decimalValue()).isEqualByComparingTo("500");
        assertThat(northwind.path("wonAmount").decimalValue()).isEqualByComparingTo("5000");
        assertThat(Instant.parse(northwind.path("lastActivityAt").asText())).isEqualTo(TEN_DAYS_AGO);
        assertThat(Instant.parse(northwind.path("nextActivityAt").asText())).isEqualTo(IN_FIVE_DAYS);
        assertThat(northwind.path("sources").toString()).isEqualTo("[\"crm\",\"erp\"]");

        JsonNode contoso = byPipeline.path("items").get(1).path("figures");
        assertThat(contoso.path("contacts").asInt()).isEqualTo(1);
        assertThat(contoso.path("openWeighted").decimalValue()).isEqualByComparingTo("30");
        assertThat(contoso.path("ownerName").isNull()).isTrue();
        assertThat(Instant.parse(contoso.path("lastActivityAt").asText())).isEqualTo(FORTY_DAYS_AGO);
        JsonNode fabrikam = byPipeline.path("items").get(2).path("figures");
        assertThat(fabrikam.path("contacts").asInt()).isZero();
        assertThat(fabrikam.path("lastActivityAt").isNull()).isTrue();

        assertThat(fresh(token, "sort=last-activity&dir=asc").path("items").findValuesAsText("name"))
                .containsExactly("Fabrikam", "Contoso", "Northwind");
        assertThat(fresh(token, "sort=contacts&q=contoso").path("items").findValuesAsText("name")).containsExactly("Contoso");
    }

    @Test
    void theFiguresFollowTheGraphWhenContactsMoveAndDealsClose() throws Exception {
        TenantAdmin tenant = newTenantAdmin();
        String token = tenant.token();
        call("POST", "/api/v1/ingest/crm", token, Map.of(
                "organizations", List.of(Map.of("externalId", "o-1", "name", "Initech"),
                        Map.of("externalId", "o-2", "name", "Globex"), Map.of("externalId", "o-3", "name", "Hooli"),
                        Map.of("externalId", "o-4", "name", "Vandelay")),
                "contacts", List.of(contact("c-1", "o-1"), contact("c-2", "o-1"), contact("c-4", "o-4")),
                "deals", List.of(deal("d-1", "o-1", 800, "USD", Map.of()))));
        assertThat(figuresOf(fresh(token, "sort=name"), "Initech").path("contacts").asInt()).isEqualTo(2);
        String untouchedRowVersion = figuresRowVersion(tenant.tenantId(), "Vandelay");

        call("POST", "/api/v1/ingest/crm", token, Map.of(
                "organizations", List.of(Map.of("externalId", "o-3", "deleted", true)),
                "contacts", List.of(contact("c-2", "o-2"), Map.of("externalId", "c-1", "deleted", true)),
                "deals", List.of(deal("d-1", "o-1", 800, "USD", Map.of("closed", true, "won", true)))));

        JsonNode after = fresh(token, "sort=won");
        assertThat(after.path("items").findValuesAsText("name")).containsExactly("Initech", "Globex", "Vandelay");
        assertThat(after.path("total").asLong()).isEqualTo(3);
        // Figures that did not move are not written again: rewriting every row at each computation bloated the
        // table and its indexes, which the lists read through.
        assertThat(figuresRowVersion(tenant.tenantId(), "Vandelay")).isEqualTo(untouchedRowVersion);
        assertThat(figuresOf(after, "Vandelay").path("contacts").asInt()).isEqualTo(1);
        assertThat(figuresOf(after, "Initech").path("contacts").asInt()).isZero();
        assertThat(figuresOf(after, "Initech").path("openAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(figuresOf(after, "Initech").path("wonAmount").decimalValue()).isEqualByComparingTo("800");
        assertThat(figuresOf(after, "Globex").path("contacts").asInt()).isEqualTo(1);
    }

    @Test
    void thePipelineAddsUpDealsByStageForAnOwnerAndAClosePeriod() throws Exception {
        String token = newTenantToken();
        call("POST", "/api/v1/ingest/crm", token, Map.of(
                "users", List.of(Map.of("externalId", "u-1", "name", "Ann Owner"), Map.of("externalId", "u-2", "name", "Bo")),
                "deals", List.of(
                        deal("d-1", "o-1", 1000, "USD", Map.of("stage", "Proposal", "probability", 40, "owner", "u-1",
                                "closeDate", "2027-01-10")),
                        deal("d-2", "o-1", 3000, "USD", Map.of("stage", "Proposal", "probability", 60, "owner", "u-2",
                                "closeDate", "2027-03-01")),
                        deal("d-3", "o-1", 200, "EUR", Map.of("stage", "Proposal", "owner", "u-1")))));
        await().atMost(Duration.ofSeconds(30)).until(() -> getJson("/api/v1/pipeline", token),
                pipeline -> !pipeline.path("computedAt").isNull() && !pipeline.path("behind").asBoolean());
        String ann = getJson("/api/v1/external/crm/user/u-1", token).path("id").asText();

        JsonNode all = getJson("/api/v1/pipeline", token).path("stages");
        JsonNode annsInJanuary = getJson("/api/v1/pipeline?owner=" + ann + "&from=2027-01-01&to=2027-01-31", token)
                .path("stages");

        assertThat(all).hasSize(2);
        JsonNode dollars = all.get(0).path("currency").asText().equals("USD") ? all.get(0) : all.get(1);
        assertThat(dollars.path("deals").asInt()).isEqualTo(2);
        assertThat(dollars.path("amount").decimalValue()).isEqualByComparingTo("4000");
        assertThat(dollars.path("weighted").decimalValue()).isEqualByComparingTo("2200");
        assertThat(annsInJanuary).hasSize(1);
        assertThat(annsInJanuary.get(0).path("amount").decimalValue()).isEqualByComparingTo("1000");

        // The whole pipeline is added up with the deals' figures: a deal moved on moves it once they are computed again.
        call("POST", "/api/v1/ingest/crm", token, Map.of("deals", List.of(deal("d-2", "o-1", 3000, "USD",
                Map.of("stage", "Negotiation", "probability", 80, "owner", "u-2", "closeDate", "2027-03-01")))));
        await().atMost(Duration.ofSeconds(30)).until(() -> getJson("/api/v1/pipeline", token),
                pipeline -> !pipeline.path("behind").asBoolean());
        JsonNode moved = getJson("/api/v1/pipeline", token).path("stages");
        assertThat(moved.findValuesAsText("stage")).containsExactly("Proposal", "Proposal", "Negotiation");
        assertThat(moved.get(2).path("weighted").decimalValue()).isEqualByComparingTo("2400");
        assertThat(json(get("/api/v1/pipeline?from=next-week", token)).path("error").path("message").asText())
                .contains("from must be a day as yyyy-mm-dd");
    }

    @Test
    void theFiguresAreComputedWhileWritesKeepComing() throws Exception {
        String token = newTenantToken();
        AtomicBoolean computed = new AtomicBoolean();
        AtomicInteger batches = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            // Writes go on, several at a time, until the figures were computed once: a computation must not depend on
            // a quiet moment.
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                running.add(writers.submit(() -> {
                    while (!computed.get() && batches.get() < MAX_BATCHES) {
                        int batch = batches.incrementAndGet();
                        call("POST", "/api/v1/ingest/crm", token, Map.of("organizations",
                                List.of(Map.of("externalId", "o-" + batch, "name", "Busy " + batch))));
                    }
                    return null;
                }));
            }
            while (!computed.get() && batches.get() < MAX_BATCHES) {
                computed.set(!getJson("/api/v1/organizations/figures?limit=1", token).path("computedAt").isNull());
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }

        assertThat(computed).as("computed within %d batches", batches.get()).isTrue();
    }

    @Test
    void anUnknownSortIsRefusedWithTheChoices() throws Exception {
        JsonNode refusal = json(get("/api/v1/organizations/figures?sort=revenue", newTenantToken()));
        assertThat(refusal.path("error").path("message").asText()).contains("open-pipeline", "last-activity");
    }

    /** The list once the figures have caught up with every write made so far. */
    private JsonNode fresh(String token, String query) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> getJson("/api/v1/organizations/figures?" + query, token),
                page -> !page.path("computedAt").isNull() && !page.path("behind").asBoolean());
    }

    /** The version of an organization's row of figures (PostgreSQL's {@code xmin}): it changes whenever it is written. */
    private String figuresRowVersion(String tenantId, String name) {
        return db.fetchOne("select f.xmin::text from organization_figures f join entity e on e.tenant_id = f.tenant_id "
                + "and e.entity_id = f.entity_id where f.tenant_id = ? and e.display_name = ?", tenantId, name).get(0, String.class);
    }

    private static JsonNode figuresOf(JsonNode page, String name) {
        for (JsonNode item : page.path("items")) {
            if (item.path("name").asText().equals(name)) {
                return item.path("figures");
            }
        }
        throw new AssertionError("no " + name + " in " + page);
    }

    private static Map<String, Object> contact(String id, String organization) {
        return Map.of("externalId", id, "lastName", "Person " + id, "organization", organization);
    }

    private static Map<String, Object> deal(String id, String organization, int amount, String currency,
                                            Map<String, Object> more) {
        Map<String, Object> deal = new HashMap<>(Map.of("externalId", id, "name", "Deal " + id, "organization",
                organization, "amount", amount, "currency", currency));
        deal.putAll(more);
        return deal;
    }
}
