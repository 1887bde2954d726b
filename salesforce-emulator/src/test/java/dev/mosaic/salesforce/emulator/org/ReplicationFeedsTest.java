package dev.mosaic.salesforce.emulator.org;

import dev.mosaic.salesforce.emulator.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReplicationFeedsTest {
    private final MutableClock clock = new MutableClock(TestOrgs.NOW);
    private final InMemoryOrg org = TestOrgs.fresh(clock);
    private final OrgUser admin = org.adminUser();

    @Test
    @SuppressWarnings("unchecked")
    void updatedListsIdsStampedInTheWindowAndCoversUpToTheMinute() {
        clock.advance(Duration.ofMinutes(1));
        String id = org.create("Contact", Map.of("LastName", "New"), admin);
        clock.advance(Duration.ofSeconds(95));
        Map<String, Object> updated = org.updated("Contact", TestOrgs.NOW, clock.instant().plus(Duration.ofHours(1)));
        assertThat((List<Object>) updated.get("ids")).contains(id);
        // Seconds are ignored, and the window never reaches past now.
        assertThat(updated.get("latestDateCovered")).isEqualTo("2026-11-29T12:02:00.000+0000");
        Map<String, Object> before = org.updated("Contact", TestOrgs.NOW.minus(Duration.ofDays(1)), TestOrgs.NOW);
        assertThat((List<Object>) before.get("ids")).doesNotContain(id);
    }

    @Test
    void deletedListsRecycleBinEntriesWithTheirDeletionDate() {
        String id = org.create("Contact", Map.of("LastName", "Doomed"), admin);
        clock.advance(Duration.ofMinutes(3));
        org.delete("Contact", id, admin);
        clock.advance(Duration.ofMinutes(3));
        Map<String, Object> deleted = org.deleted("Contact", TestOrgs.NOW, clock.instant());
        assertThat(deleted.keySet()).containsExactly("deletedRecords", "earliestDateAvailable", "latestDateCovered");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> records = (List<Map<String, Object>>) deleted.get("deletedRecords");
        assertThat(records).contains(Map.of("id", id, "deletedDate", "2026-11-29T12:03:00.000+0000"));
        assertThat(org.updated("Contact", TestOrgs.NOW, clock.instant()).get("ids").toString()).doesNotContain(id);
    }

    @Test
    void windowsAreBoundedBySalesforcesReach() {
        Instant now = clock.instant();
        SalesforceError tooOld = catchThrowableOfType(() -> org.updated("Contact", now.minus(Duration.ofDays(31)), now),
                SalesforceError.class);
        assertThat(tooOld.errorCode()).isEqualTo("INVALID_REPLICATION_DATE");
        assertThat(org.updated("Contact", now.minus(Duration.ofDays(29)), now)).containsKey("ids");
        assertThat(catchThrowableOfType(() -> org.deleted("Contact", now.minus(Duration.ofDays(16)), now),
                SalesforceError.class).errorCode()).isEqualTo("INVALID_REPLICATION_DATE");
        assertThat(org.deleted("Contact", now.minus(Duration.ofDays(14)), now)).containsKey("deletedRecords");
        SalesforceError reversed = catchThrowableOfType(() -> org.deleted("Contact", now, now.minus(Duration.ofHours(1))),
                SalesforceError.class);
        assertThat(reversed.getMessage()).isEqualTo("startDate must chronologically precede endDate by more than one "
                + "minute");
        SalesforceError updatedReversed = catchThrowableOfType(
                () -> org.updated("Contact", now, now.minus(Duration.ofHours(1))), SalesforceError.class);
        assertThat(updatedReversed.getMessage()).isEqualTo("startDate must chronologically precede endDate");
        assertThat(catchThrowableOfType(() -> org.deleted("Contact", now.minusSeconds(30), now),
                SalesforceError.class).errorCode()).isEqualTo("INVALID_REPLICATION_DATE");
    }

    @Test
    void generatedOrgHasRecentDeletesInTheFeed() {
        Instant now = clock.instant();
        Map<String, Object> deleted = org.deleted("Task", now.minus(Duration.ofDays(14)), now);
        assertThat((List<?>) deleted.get("deletedRecords")).isNotEmpty();
    }
}
