package dev.mosaic.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchingKeysTest {

    @ParameterizedTest
    @CsvSource({
            "acme.com, acme.com",
            "https://www.acme.com/about?x=1, acme.com",
            "WWW.ACME.COM., acme.com",
            "eu.shop.acme.co.uk, acme.co.uk",
            "jane@mail.acme.de, acme.de",
            "acme.com:8080/path, acme.com",
            "https://acme.github.io, acme.github.io"})
    void registrableDomainFollowsThePublicSuffixList(String raw, String expected) {
        assertThat(MatchingKeys.registrableDomain(raw)).hasValue(expected);
    }

    @ParameterizedTest
    @CsvSource({"co.uk", "localhost", "192.168.1.10", "not a domain", "''"})
    void junkAndPublicSuffixesGiveNoDomain(String raw) {
        assertThat(MatchingKeys.registrableDomain(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"+1 415 555 0101", "(415) 555-0101", "415.555.0101", "1-415-555-0101"})
    void phonesInAnyFormatGiveOneE164(String raw) {
        assertThat(MatchingKeys.phone(raw, "US")).hasValue("+14155550101");
    }

    @Test
    void emailsAreTrimmedLowerCasedAndChecked() {
        assertThat(MatchingKeys.email("  Jane.Doe@Acme.COM ")).hasValue("jane.doe@acme.com");
        assertThat(MatchingKeys.email("jane.doe@")).isEmpty();
        assertThat(MatchingKeys.email("two words@acme.com")).isEmpty();
        assertThat(MatchingKeys.isRoleMailbox("info@acme.com")).isTrue();
        assertThat(MatchingKeys.isRoleMailbox("jane@acme.com")).isFalse();
    }

    @Test
    void namesAreFoldedAndLegalFormsDropped() {
        assertThat(MatchingKeys.foldName("  José  O'Neil-Müller ")).isEqualTo("jose oneil muller");
        assertThat(MatchingKeys.foldName("王伟")).isEqualTo("王伟");
        assertThat(MatchingKeys.organizationName("Acme, Inc.")).isEqualTo("acme");
        assertThat(MatchingKeys.organizationName("ACME GmbH")).isEqualTo("acme");
        assertThat(MatchingKeys.isFreeMailDomain("gmail.com")).isTrue();
        assertThat(MatchingKeys.isFreeMailDomain("acme.com")).isFalse();
    }

    @Test
    void plainAsciiNamesFoldExactlyAsTheGeneralFoldingDoes() {
        // Letters, digits, apostrophes, every other printable character, tabs, newlines and other controls.
        String alphabet = "aZq09 '-.,&_\t\n\u0000\u001f\u007f/()\"!~";
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                text.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) (0x20 + random.nextInt(0x5f)));
            }
            String raw = text.toString();
            assertThat(MatchingKeys.foldAscii(raw)).as("fold of [%s]", raw).isEqualTo(MatchingKeys.foldAnyScript(raw));
        }
        assertThat(MatchingKeys.foldAscii("Zoë")).isNull();
    }

    @Test
    void aPhoneReadAgainGivesWhatItGaveTheFirstTime() {
        for (int round = 0; round < 2; round++) {
            assertThat(MatchingKeys.phone("+44 20 7946 0958", "US")).hasValue("+442079460958");
            assertThat(MatchingKeys.phone("020 7946 0958", "GB")).hasValue("+442079460958");
            assertThat(MatchingKeys.phone("020 7946 0958", "US")).isEmpty();
            assertThat(MatchingKeys.phone("not a phone", "US")).isEmpty();
        }
    }
}
