package dev.mosaic.salesforce.emulator.org.write;

import dev.mosaic.salesforce.emulator.org.SalesforceError;
import dev.mosaic.salesforce.emulator.org.generate.OrgGenerator;
import dev.mosaic.salesforce.emulator.org.schema.StandardSchema;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReplicationIdLimitTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void windowsWithMoreIdsThanTheCapFailWithExceededIdLimit() {
        RecordStore store = new RecordStore(StandardSchema.get());
        OrgGenerator.generate(3, 200, store, NOW.toEpochMilli());
        ObjectTable tasks = store.table(StandardSchema.get().object("Task"));
        Instant from = NOW.minus(Duration.ofDays(29));
        int inWindow = store.read(() -> new ReplicationFeeds(store).updated(tasks, from, NOW, NOW)).get("ids")
                .toString().split(",").length;
        assertThat(inWindow).isGreaterThan(3);

        ReplicationFeeds capped = new ReplicationFeeds(store, 3);
        SalesforceError e = catchThrowableOfType(() -> store.read(() -> capped.updated(tasks, from, NOW, NOW)),
                SalesforceError.class);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo("EXCEEDED_ID_LIMIT");
        SalesforceError deleted = catchThrowableOfType(() -> store.read(() -> new ReplicationFeeds(store, 1)
                .deleted(tasks, NOW.minus(Duration.ofDays(14)), NOW, NOW)), SalesforceError.class);
        assertThat(deleted.errorCode()).isEqualTo("EXCEEDED_ID_LIMIT");
    }
}
