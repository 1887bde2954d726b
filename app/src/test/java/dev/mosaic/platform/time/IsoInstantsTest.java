package dev.mosaic.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stored fields and fingerprints hold these texts, so they must be exactly the JDK's, both ways. */
class IsoInstantsTest {

    @Test
    void formatsAndParsesAsTheJdkDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long seconds = switch (i % 4) {
                case 0 -> random.nextLong() % 253_402_300_800L; // years 1 to 9999, either side of 1970
                case 1 -> 1_700_000_000L + random.nextInt(200_000_000);
                case 2 -> random.nextLong() % Instant.MAX.getEpochSecond();
                default -> 253_402_300_799L - random.nextInt(1000); // the end of 9999 and a little past it
            };
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            String text = instant.toString();
            assertThat(IsoInstants.format(instant)).isEqualTo(text);
            assertThat(IsoInstants.parse(text)).isEqualTo(instant);
        }
    }

    @Test
    void oddFormsMeanWhatTheJdkSaysOrFailAsItDoes() {
        for (String text : List.of("2026-11-01T10:00:00.5Z", "2026-11-01T10:00:00.1234Z", "2026-02-28T23:59:59Z",
                "2024-02-29T00:00:00Z", "2026-11-01t10:00:00z", "2026-12-31T23:59:60Z", "+12026-11-01T10:00:00Z",
                "0999-01-01T00:00:00Z", "2026-11-01T10:00:00+01:00", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-11-01T24:00:00Z", "2026-11-01T10:00:00.Z", "2026-11-01T10:00:00.1234567890Z",
                "2026-11-0xT10:00:00Z", "2026-11-01T1-:00:00Z", "2026-11-01 10:00:00Z", "2026-11-01T10:00:00")) {
            Instant expected;
            try {
                expected = Instant.parse(text);
            } catch (DateTimeParseException refused) {
                assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class)
                        .hasMessage(refused.getMessage());
                continue;
            }
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(expected);
        }
    }
}
