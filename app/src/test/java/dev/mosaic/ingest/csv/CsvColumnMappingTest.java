package dev.mosaic.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvColumnMappingTest {

    @Test
    void recognizesContactHeadersWhateverTheirSpellingAndSynonyms() {
        ColumnMapping mapping = ColumnMapping.automatic(ImportType.CONTACTS, List.of(
                "Contact ID", "Given Name", "SURNAME", "E-mail Address", "mobile", "job_title", "Account ID",
                "Company", "Favourite Colour"));

        assertThat(mapping.headerToField()).containsExactly(
                entry("Contact ID", "externalId"), entry("Given Name", "firstName"), entry("SURNAME", "lastName"),
                entry("E-mail Address", "email"), entry("mobile", "phone"), entry("job_title", "title"),
                entry("Account ID", "organization"), entry("Company", "organizationName"));
        assertThat(mapping.ignoredHeaders()).containsExactly("Favourite Colour");
    }

    @Test
    void recognizesOrganizationHeaders() {
        ColumnMapping mapping = ColumnMapping.automatic(ImportType.ORGANIZATIONS, List.of(
                "Account Id", "Account Name", "Domain", "Web Site", "Phone", "Industry"));

        assertThat(mapping.headerToField()).containsExactly(
                entry("Account Id", "externalId"), entry("Account Name", "name"), entry("Domain", "domain"),
                entry("Web Site", "website"), entry("Phone", "phone"), entry("Industry", "industry"));
    }

    @Test
    void aContactsOrganizationColumnIsTakenForANameNotAnId() {
        ColumnMapping mapping = ColumnMapping.automatic(ImportType.CONTACTS, List.of("email", "Organization"));

        assertThat(mapping.headerToField()).containsEntry("Organization", "organizationName");
    }

    @Test
    void ofTwoColumnsMeaningOneFieldTheFirstFeedsIt() {
        ColumnMapping mapping = ColumnMapping.automatic(ImportType.CONTACTS, List.of("Email", "E-mail", "Phone"));

        assertThat(mapping.headerToField()).containsExactly(entry("Email", "email"), entry("Phone", "phone"));
        assertThat(mapping.ignoredHeaders()).containsExactly("E-mail");
    }

    @Test
    void anExplicitMappingFeedsOnlyWhatItNames() {
        Map<String, String> requested = new LinkedHashMap<>();
        requested.put("Nom", "lastName");
        requested.put("Courriel", "email");
        requested.put("Email", "");

        ColumnMapping mapping = ColumnMapping.explicit(ImportType.CONTACTS,
                List.of("Courriel", "Nom", "Email", "Notes"), requested);

        assertThat(mapping.headerToField()).containsExactly(entry("Courriel", "email"), entry("Nom", "lastName"));
        assertThat(mapping.ignoredHeaders()).containsExactly("Email", "Notes");
    }

    @Test
    void anExplicitMappingFindsHeadersWrittenDifferently() {
        ColumnMapping mapping = ColumnMapping.explicit(ImportType.CONTACTS, List.of("E-Mail Address"),
                Map.of("email address", "email"));

        assertThat(mapping.headerToField()).containsExactly(entry("E-Mail Address", "email"));
    }

    @Test
    void anExplicitMappingWithUnknownFieldsIsRefusedNamingThem() {
        assertThatThrownBy(() -> ColumnMapping.explicit(ImportType.CONTACTS, List.of("a", "b"),
                Map.of("a", "emailAddress", "b", "email")))
                .isInstanceOf(InvalidImportException.class)
                .hasMessageContaining("emailAddress")
                .satisfies(e -> assertThat(((InvalidImportException) e).details())
                        .containsEntry("field", "mapping")
                        .containsEntry("unknownFields", List.of("emailAddress")));
    }

    @Test
    void anExplicitMappingOfColumnsTheFileLacksIsRefused() {
        assertThatThrownBy(() -> ColumnMapping.explicit(ImportType.CONTACTS, List.of("Email"),
                Map.of("Mail", "email")))
                .isInstanceOf(InvalidImportException.class)
                .hasMessageContaining("Mail");
    }

    @Test
    void anExplicitMappingFeedingOneFieldTwiceIsRefused() {
        Map<String, String> requested = new LinkedHashMap<>();
        requested.put("Work", "email");
        requested.put("Home", "email");

        assertThatThrownBy(() -> ColumnMapping.explicit(ImportType.CONTACTS, List.of("Work", "Home"), requested))
                .isInstanceOf(InvalidImportException.class)
                .hasMessageContaining("two columns");
    }

    @Test
    void aFileOfWhichNoColumnFeedsAFieldIsRefused() {
        ColumnMapping mapping = ColumnMapping.automatic(ImportType.CONTACTS, List.of("Courriel", "Nom"));

        assertThatThrownBy(() -> mapping.requireSomeColumn(ImportType.CONTACTS, List.of("Courriel", "Nom")))
                .isInstanceOf(InvalidImportException.class)
                .hasMessageContaining("Courriel")
                .hasMessageContaining("firstName");
    }
}
