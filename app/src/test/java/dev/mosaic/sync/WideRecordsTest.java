package dev.mosaic.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.connection.SalesforceSettings;
import dev.mosaic.salesforce.client.QueryPage;
import dev.mosaic.salesforce.client.RefreshTokenCredentials;
import dev.mosaic.salesforce.client.SalesforceClient;
import dev.mosaic.salesforce.client.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An object too wide for one query's URI is read in field groups and stitched by id: the records come out as one
 * query naming every field would give them.
 */
class WideRecordsTest {

    private static EmulatedOrg org;
    private static SalesforceClient client;

    @BeforeAll
    static void start() {
        org = new EmulatedOrg(61, 3);
        client = SalesforceClient.create(new RefreshTokenCredentials(URI.create(org.baseUrl()), org.credentials().clientId(),
                org.credentials().clientSecret(), org.credentials().refreshToken()), "59.0", rotated -> { });
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @Test
    void aWideObjectReadInFieldGroupsComesOutWhole() {
        ObjectSchema schema = ObjectSchema.fromDescribe("Contact", client.describe("Contact"));
        FieldGroups groups = FieldGroups.of(schema, 120);
        assertThat(groups.rest()).as("a limit this small splits the fields several times").hasSizeGreaterThan(2);
        assertThat(groups.first()).contains("Id", "SystemModstamp", "IsDeleted", "MasterRecordId");
        ApiCalls api = new ApiCalls(client, settings(), Sleeper.REAL, () -> { });

        List<JsonNode> whole = read("SELECT " + String.join(", ", schema.fieldList()) + " FROM Contact ORDER BY Id");
        List<JsonNode> firstGroup = read("SELECT " + String.join(", ", groups.first()) + " FROM Contact ORDER BY Id");
        List<JsonNode> stitched = WideRecords.complete(api, "Contact", groups, firstGroup);

        assertThat(stitched).hasSameSizeAs(whole);
        for (int i = 0; i < whole.size(); i++) {
            for (String field : schema.fieldList()) {
                assertThat(stitched.get(i).path(field)).as(field + " of " + whole.get(i).path("Id")).isEqualTo(whole.get(i).path(field));
            }
        }
    }

    private static List<JsonNode> read(String soql) {
        List<JsonNode> records = new ArrayList<>();
        QueryPage page = client.queryAll(soql);
        while (true) {
            records.addAll(page.records());
            if (page.nextRecordsUrl() == null) {
                return records;
            }
            page = client.next(page);
        }
    }

    private static SalesforceSettings settings() {
        return new SalesforceSettings(List.of(), "59.0", Duration.ofMinutes(5), 0.5, Duration.ofMinutes(2), 2000, 50_000,
                Duration.ofHours(24), Duration.ofHours(24), Duration.ofMillis(10), 3, "api.pubsub.salesforce.com:7443",
                Duration.ofMinutes(10), Duration.ofMinutes(5), 4, Duration.ofHours(1));
    }
}
