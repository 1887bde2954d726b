package dev.mosaic.salesforce.emulator.org.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceIdsTest {

    @Test
    void checksumMatchesSalesforcesPublishedExample() {
        // The example from Salesforce's documentation of 15- and 18-character ids.
        assertThat(SalesforceIds.to18("001D000000IqhSL")).isEqualTo("001D000000IqhSLIAZ");
    }

    @Test
    void generatedIdsCarryPrefixAndValidChecksumAndRoundTripToTheirRow() {
        for (int row : new int[] {0, 1, 61, 62, 12_345, 999_999}) {
            String id = SalesforceIds.id18("003", row);
            assertThat(id).hasSize(18).startsWith("003");
            assertThat(SalesforceIds.hasValidChecksum(id)).isTrue();
            assertThat(SalesforceIds.row("003", id)).isEqualTo(row);
            assertThat(SalesforceIds.row("003", id.substring(0, 15))).isEqualTo(row);
        }
    }

    @Test
    void fifteenCharacterIdsAreCaseSensitive() {
        String id15 = SalesforceIds.id18("003", 1234).substring(0, 15);
        String flipped = id15.substring(0, 10) + swapCase(id15.substring(10));
        assertThat(flipped).isNotEqualTo(id15);
        assertThat(SalesforceIds.row("003", flipped)).isNotEqualTo(1234);
    }

    @Test
    void eighteenCharacterIdsAreRepairedFromTheirChecksumWhateverTheCase() {
        String id = SalesforceIds.id18("001", 777);
        assertThat(SalesforceIds.row("001", id.toLowerCase())).isEqualTo(777);
        assertThat(SalesforceIds.row("001", id.toUpperCase())).isEqualTo(777);
    }

    @Test
    void rejectsNonIds() {
        assertThat(SalesforceIds.canonical15("abc")).isNull();
        assertThat(SalesforceIds.canonical15("003-00000000000")).isNull();
        assertThat(SalesforceIds.row("001", SalesforceIds.id18("003", 5))).isEqualTo(-1);
    }

    private static String swapCase(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return sb.toString();
    }
}
