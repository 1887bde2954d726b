package dev.mosaic.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvDerivedExternalIdsTest {

    @Test
    void aContactIsKnownByItsEmailWhateverItsCase() {
        assertThat(contact(List.of("email"), List.of("  Jane.Doe@Acme.com ")).get("externalId").asText())
                .isEqualTo("email:jane.doe@acme.com");
    }

    @Test
    void aContactWithoutEmailIsKnownByNameAndOrganization() {
        ObjectNode item = contact(List.of("first name", "last name", "account id"), List.of("Jane", "van  Doe", "o-1"));

        assertThat(item.get("externalId").asText()).isEqualTo("name:jane van doe|o-1");
    }

    @Test
    void aContactWithoutEmailOrOrganizationIdUsesTheOrganizationsName() {
        ObjectNode item = contact(List.of("first name", "last name", "company"), List.of("Jane", "Doe", "Acme  Corp"));

        assertThat(item.get("externalId").asText()).isEqualTo("name:jane doe|acme corp");
    }

    @Test
    void aContactWithNothingToGoByHasNoExternalId() {
        ObjectNode item = contact(List.of("title", "phone"), List.of("CTO", "+1 415 555 0100"));

        assertThat(item.has("externalId")).isFalse();
        assertThat(item.get("title").asText()).isEqualTo("CTO");
    }

    @Test
    void anOrganizationIsKnownByItsDomainElseItsWebsitesHostElseItsName() {
        assertThat(organization(List.of("name", "domain", "website"), List.of("Acme", "ACME.com", "https://other.example"))
                .get("externalId").asText()).isEqualTo("domain:acme.com");
        assertThat(organization(List.of("name", "website"), List.of("Acme", "https://www.Acme.com:443/about?x=1"))
                .get("externalId").asText()).isEqualTo("domain:acme.com");
        assertThat(organization(List.of("name", "website"), List.of("  Acme   Corp ", ""))
                .get("externalId").asText()).isEqualTo("name:acme corp");
    }

    @Test
    void anExplicitIdIsKeptAndAnEmptyOneIsDerived() {
        List<String> header = List.of("id", "name", "domain");

        assertThat(organization(header, List.of("o-1", "Acme", "acme.com")).get("externalId").asText()).isEqualTo("o-1");
        assertThat(organization(header, List.of(" ", "Acme", "acme.com")).get("externalId").asText())
                .isEqualTo("domain:acme.com");
    }

    @Test
    void emptyCellsAreLeftOutAndValuesTrimmed() {
        ObjectNode item = organization(List.of("id", "name", "industry"), List.of("o-1", " Acme ", ""));

        assertThat(item.get("name").asText()).isEqualTo("Acme");
        assertThat(item.has("industry")).isFalse();
    }

    private static ObjectNode contact(List<String> header, List<String> values) {
        return new ImportItemMapper(ImportType.CONTACTS, ColumnMapping.automatic(ImportType.CONTACTS, header))
                .toItem(values);
    }

    private static ObjectNode organization(List<String> header, List<String> values) {
        return new ImportItemMapper(ImportType.ORGANIZATIONS, ColumnMapping.automatic(ImportType.ORGANIZATIONS, header))
                .toItem(values);
    }
}
