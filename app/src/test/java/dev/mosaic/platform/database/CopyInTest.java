package dev.mosaic.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.testing.MosaicIntegrationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Rows sent with COPY arrive exactly as given, however many blocks they fill. */
class CopyInTest extends MosaicIntegrationTest {

    @Autowired
    private DSLContext db;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void everyValueArrivesAsGivenAcrossManyBlocks() {
        Random random = new Random(7);
        List<Object[]> sent = new ArrayList<>();
        // Enough rows for several blocks, with ids of every bit pattern, times to the microsecond PostgreSQL keeps, and
        // text COPY must escape.
        for (int i = 0; i < 3_000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000) * 1_000L);
            String text = switch (i % 5) {
                case 0 -> "tab\there, newline\nthere, back\\slash, return\r";
                case 1 -> "Zoë, 東京, 😀 " + i;
                case 2 -> "";
                case 3 -> "x".repeat(random.nextInt(2_000));
                default -> "plain " + i;
            };
            sent.add(new Object[] {i, id, at, text, i % 3 == 0 ? null : i % 2 == 0});
        }
        sent.add(new Object[] {-1, new UUID(0, 0), Instant.EPOCH, "\\N", true});
        sent.add(new Object[] {-2, new UUID(-1, -1), Instant.parse("2024-02-29T23:59:59.999999Z"), "\\.", false});

        List<Record> received = transactions.execute(status -> {
            db.execute("create temporary table copy_in_probe (n int, id uuid, at timestamptz, body text, flag boolean) "
                    + "on commit drop");
            CopyIn rows = CopyIn.into("copy_in_probe", "n", "id", "at", "body", "flag");
            sent.forEach(rows::row);
            assertThat(rows.copy(db)).isEqualTo(sent.size());
            return db.fetch("select n, id, at, body, flag from copy_in_probe");
        });

        assertThat(received).hasSize(sent.size());
        for (Record row : received) {
            Object[] expected = sent.stream().filter(values -> values[0].equals(row.get("n", Integer.class))).findFirst()
                    .orElseThrow();
            assertThat(row.get("id", UUID.class)).isEqualTo(expected[1]);
            assertThat(row.get("at", OffsetDateTime.class).toInstant()).isEqualTo(expected[2]);
            assertThat(row.get("body", String.class)).isEqualTo(expected[3]);
            assertThat(row.get("flag", Boolean.class)).isEqualTo(expected[4]);
        }
    }
}
