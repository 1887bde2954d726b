package dev.mosaic.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvImportRequestTest {

    @Test
    void defaultsToSourceCsvAndARealRun() {
        CsvImportRequest request = CsvImportRequest.fromParameters("Contacts", null, null, null);

        assertThat(request.type()).isEqualTo(ImportType.CONTACTS);
        assertThat(request.source()).isEqualTo("csv");
        assertThat(request.dryRun()).isFalse();
        assertThat(request.mapping()).isNull();
    }

    @Test
    void readsAMappingWhereNullAndEmptyMeanIgnore() {
        CsvImportRequest request = CsvImportRequest.fromParameters("contacts", "trade-show-2026",
                "{\"Courriel\":\"email\",\"Notes\":\"\",\"Misc\":null}", "true");

        assertThat(request.mapping()).containsEntry("Courriel", "email").containsEntry("Notes", "").containsEntry("Misc", "");
        assertThat(request.source()).isEqualTo("trade-show-2026");
        assertThat(request.dryRun()).isTrue();
    }

    @Test
    void refusesWhatItCannotDoNamingTheField() {
        assertField(() -> CsvImportRequest.fromParameters(null, null, null, null), "type");
        assertField(() -> CsvImportRequest.fromParameters("deals", null, null, null), "type");
        assertField(() -> CsvImportRequest.fromParameters("contacts", "salesforce", null, null), "source");
        assertField(() -> CsvImportRequest.fromParameters("contacts", "mosaic", null, null), "source");
        assertField(() -> CsvImportRequest.fromParameters("contacts", "My Source", null, null), "source");
        assertField(() -> CsvImportRequest.fromParameters("contacts", "x".repeat(41), null, null), "source");
        assertField(() -> CsvImportRequest.fromParameters("contacts", null, "[\"email\"]", null), "mapping");
        assertField(() -> CsvImportRequest.fromParameters("contacts", null, "{\"a\":1}", null), "mapping");
        assertField(() -> CsvImportRequest.fromParameters("contacts", null, "{\"a\":\"name\"}", null), "mapping");
        assertField(() -> CsvImportRequest.fromParameters("contacts", null, null, "yes"), "dryRun");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(InvalidImportException.class)
                .satisfies(e -> assertThat(((InvalidImportException) e).field()).isEqualTo(field));
    }
}
