package dev.mosaic.salesforce.emulator.org;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Record and describe shapes compared with reviewed fixtures under {@code src/test/resources/golden}.
 * Run with {@code -Dgolden.write=true} to rewrite them after a deliberate change, then review the diff.
 */
class GoldenShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    // No generated accounts: fixture ids then depend only on the users, not on the generator's data mix.
    private final InMemoryOrg org = InMemoryOrg.generate(42, 0, TestOrgs.CLOCK);
    private final OrgUser admin = org.adminUser();

    @Test
    void accountRecordAsRestReturnsIt() throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", "Müller & Söhne GmbH");
        fields.put("Type", "Customer - Direct");
        fields.put("BillingStreet", "Hauptstraße 1\nHinterhaus");
        fields.put("BillingCity", "Berlin");
        fields.put("BillingPostalCode", "10115");
        fields.put("BillingCountry", "Germany");
        fields.put("AnnualRevenue", 2500000);
        fields.put("NumberOfEmployees", 120);
        fields.put("Website", "https://mueller.example");
        String id = org.create("Account", fields, admin);
        assertGolden("account-retrieve.json", org.retrieve("Account", id, null, admin, "59.0"));
    }

    @Test
    void contactRecordAsAQueryReturnsIt() throws IOException {
        String account = org.create("Account", Map.of("Name", "Acme"), admin);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("FirstName", "Zoë");
        fields.put("LastName", "O'Brien");
        fields.put("Email", "Zoe.OBrien@Example.com");
        fields.put("AccountId", account);
        fields.put("Birthdate", "1990-02-28");
        fields.put("MailingCity", "Dublin");
        String id = org.create("Contact", fields, admin);
        QueryResult r = org.query("SELECT Id, Name, Email, Phone, Birthdate, MailingAddress, Account.Name, "
                + "Account.Owner.Email, ReportsTo.Name, IsDeleted, SystemModstamp FROM Contact WHERE Id = '" + id + "'",
                QueryMode.REST_QUERY, admin);
        assertGolden("contact-query-record.json", r.restRecords(0, 1, "59.0").get(0));
        assertThat(r.csvHeader()).containsExactly("Id", "Name", "Email", "Phone", "Birthdate", "MailingAddress",
                "Account.Name", "Account.Owner.Email", "ReportsTo.Name", "IsDeleted", "SystemModstamp");
    }

    @Test
    @SuppressWarnings("unchecked")
    void describeFieldsCarrySalesforcesKeys() throws IOException {
        Map<String, Object> describe = org.describe("Contact", admin, "59.0");
        Map<String, Object> picked = new LinkedHashMap<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) describe.get("fields")) {
            if (List.of("Email", "AccountId", "MailingCity", "MailingAddress").contains(f.get("name"))) {
                picked.put((String) f.get("name"), f);
            }
        }
        assertGolden("contact-describe-fields.json", picked);
        Map<String, Object> global = (Map<String, Object>) ((List<Object>) org.describeGlobal(admin, "59.0")
                .get("sobjects")).stream().filter(o -> "Contact".equals(((Map<String, Object>) o).get("name")))
                .findFirst().orElseThrow();
        assertGolden("contact-global-describe-entry.json", global);
    }

    private static void assertGolden(String name, Object actual) throws IOException {
        String json = JSON.writeValueAsString(actual) + "\n";
        if (Boolean.getBoolean("golden.write")) {
            Path path = Path.of("src/test/resources/golden", name);
            Files.createDirectories(path.getParent());
            Files.writeString(path, json, StandardCharsets.UTF_8);
        }
        try (InputStream in = GoldenShapesTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            assertThat(json).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
