package dev.mosaic.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A search's total is the number of matches whichever page is asked for, full, partial or past the end; a list without
 * a search counts every live entity of its kind.
 */
class SearchPagingTest extends MosaicIntegrationTest {

    @Test
    void theTotalCountsEveryMatchOnEveryPage() throws Exception {
        String token = newTenantToken();
        call("POST", "/api/v1/ingest/crm", token, """
                {"organizations":[{"externalId":"o1","name":"Northwind Traders","domain":"northwind.com"},
                                  {"externalId":"o2","name":"Northwind Logistics","domain":"nwlogistics.com"},
                                  {"externalId":"o3","name":"Contoso","domain":"contoso.com","website":"https://northwind-partners.com"},
                                  {"externalId":"o4","name":"Fabrikam","domain":"fabrikam.com"}]}
                """);

        JsonNode firstPage = getJson("/api/v1/organizations?q=NORTHWIND&limit=2", token);
        JsonNode lastPage = getJson("/api/v1/organizations?q=northwind&limit=2&offset=2", token);
        JsonNode pastTheEnd = getJson("/api/v1/organizations?q=northwind&limit=2&offset=9", token);
        JsonNode all = getJson("/api/v1/organizations?q=northwind", token);

        assertThat(firstPage.path("total").asInt()).isEqualTo(3);
        assertThat(firstPage.path("items").findValuesAsText("name")).containsExactly("Contoso", "Northwind Logistics");
        assertThat(lastPage.path("total").asInt()).isEqualTo(3);
        assertThat(lastPage.path("items").findValuesAsText("name")).containsExactly("Northwind Traders");
        assertThat(pastTheEnd.path("total").asInt()).isEqualTo(3);
        assertThat(pastTheEnd.path("items")).isEmpty();
        assertThat(all.path("total").asInt()).isEqualTo(3);
        assertThat(getJson("/api/v1/organizations?q=orthwi", token).path("total").asInt()).isEqualTo(3);
        assertThat(getJson("/api/v1/organizations?q=zz", token).path("total").asInt()).isZero();
    }

    @Test
    void aListWithoutSearchCountsEveryLiveEntityWhetherTheFiguresAreCurrentOrNot() throws Exception {
        String token = newTenantToken();
        call("POST", "/api/v1/ingest/crm", token, """
                {"organizations":[{"externalId":"o1","name":"Alpha"},{"externalId":"o2","name":"Beta"},
                                  {"externalId":"o3","name":"Gamma"}]}
                """);
        // Once the figures took in every write, the total is theirs; right after a write, it is counted.
        JsonNode current = await().atMost(Duration.ofSeconds(30))
                .until(() -> getJson("/api/v1/organizations/figures?sort=name&limit=2", token),
                        page -> !page.path("computedAt").isNull() && !page.path("behind").asBoolean());
        assertThat(current.path("total").asInt()).isEqualTo(3);
        assertThat(getJson("/api/v1/organizations?limit=2", token).path("total").asInt()).isEqualTo(3);

        call("POST", "/api/v1/ingest/crm", token, """
                {"organizations":[{"externalId":"o4","name":"Delta"},{"externalId":"o1","deleted":true}]}
                """);
        call("POST", "/api/v1/ingest/crm", token, """
                {"organizations":[{"externalId":"o5","name":"Epsilon"}]}
                """);

        assertThat(getJson("/api/v1/organizations?limit=2", token).path("total").asInt()).isEqualTo(4);
        assertThat(getJson("/api/v1/organizations/figures?sort=name&limit=2", token).path("total").asInt()).isEqualTo(4);
    }

    @Test
    void aTermOfSeveralWordsMatchesAsAWhole() throws Exception {
        String token = newTenantToken();
        call("POST", "/api/v1/ingest/crm", token, """
                {"organizations":[{"externalId":"o1","name":"Northwind Traders","domain":"northwind.com"},
                                  {"externalId":"o2","name":"Contoso","domain":"contoso.com","website":"https://northwind-partners.com"}],
                 "contacts":[{"externalId":"c1","firstName":"Jane","lastName":"Doe","email":"jane.doe@northwind.co.uk"},
                             {"externalId":"c2","firstName":"John","lastName":"Doe","email":"john.doe@contoso.co.uk"}]}
                """);

        assertThat(names("/api/v1/organizations?q=wind.com", token)).containsExactly("Northwind Traders");
        assertThat(names("/api/v1/organizations?q=NORTHWIND-PARTNERS.COM", token)).containsExactly("Contoso");
        assertThat(names("/api/v1/contacts?q=jane.doe@northwind.co.uk", token)).containsExactly("Jane Doe");
        assertThat(names("/api/v1/contacts?q=doe@", token)).containsExactly("Jane Doe", "John Doe");
        assertThat(names("/api/v1/contacts?q=.co.uk", token)).containsExactly("Jane Doe", "John Doe");
        assertThat(getJson("/api/v1/contacts?q=doe@northwind.com", token).path("total").asInt()).isZero();
    }

    private java.util.List<String> names(String path, String token) throws Exception {
        return getJson(path, token).path("items").findValuesAsText("name");
    }
}
