package dev.mosaic.salesforce.emulator.org;

import dev.mosaic.salesforce.emulator.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicallyTest {
    private final MutableClock clock = new MutableClock(TestOrgs.NOW);
    private final InMemoryOrg org = TestOrgs.fresh(clock);
    private final OrgUser admin = org.adminUser();

    private List<Object> ids(String soql) {
        QueryResult result = org.query(soql, QueryMode.REST_QUERY_ALL, admin);
        List<Object> ids = new ArrayList<>();
        result.restRecords(0, result.totalSize(), "59.0").forEach(r -> ids.add(r.get("Id")));
        return ids;
    }

    @Test
    void aFailedUnitLeavesNoRowsStampsFeedsOrCounts() {
        String account = org.create("Account", Map.of("Name", "Before"), admin);
        String contact = org.create("Contact", Map.of("LastName", "Kept", "AccountId", account), admin);
        clock.advance(Duration.ofMinutes(5));
        Map<String, Object> before = org.retrieve("Account", account, null, admin, "59.0");
        Map<String, Map<String, Long>> counts = org.recordCounts();
        Instant from = TestOrgs.NOW.minus(Duration.ofDays(1));
        Instant to = clock.instant().plus(Duration.ofHours(1));
        Map<String, Object> updated = org.updated("Account", from, to);
        Map<String, Object> deleted = org.deleted("Contact", from, to);
        List<Object> allAccounts = ids("SELECT Id FROM Account ORDER BY SystemModstamp, Id");

        assertThatThrownBy(() -> org.atomically(() -> {
            String created = org.create("Account", Map.of("Name", "Ghost"), admin);
            org.create("Contact", Map.of("LastName", "Ghost", "AccountId", created), admin);
            org.update("Account", account, Map.of("Name", "After", "Phone", "555"), admin);
            org.delete("Account", account, admin); // cascades to the contact and its relation
            throw new IllegalStateException("fail");
        })).hasMessage("fail");

        assertThat(org.retrieve("Account", account, null, admin, "59.0")).isEqualTo(before);
        assertThat(org.retrieve("Contact", contact, null, admin, "59.0")).containsEntry("IsDeleted", false);
        assertThat(org.recordCounts()).isEqualTo(counts);
        assertThat(org.updated("Account", from, to)).isEqualTo(updated);
        assertThat(org.deleted("Contact", from, to)).isEqualTo(deleted);
        assertThat(ids("SELECT Id FROM Account ORDER BY SystemModstamp, Id")).isEqualTo(allAccounts);

        // The rows given back are clean: the next create gets an empty row under the same id.
        String next = org.create("Account", Map.of("Name", "Next"), admin);
        assertThat(org.retrieve("Account", next, null, admin, "59.0"))
                .containsEntry("Phone", null).containsEntry("IsDeleted", false).containsEntry("Name", "Next");
    }

    @Test
    void rowsReusedAfterARollbackInTheSameSecondAppearOnceInStampOrder() {
        clock.advance(Duration.ofHours(1));
        String since = clock.instant().toString();
        assertThatThrownBy(() -> org.atomically(() -> {
            org.create("Account", Map.of("Name", "Gone 1"), admin);
            org.create("Account", Map.of("Name", "Gone 2"), admin);
            throw new IllegalStateException("fail");
        }));

        String a = org.create("Account", Map.of("Name", "Kept 1"), admin);
        String b = org.create("Account", Map.of("Name", "Kept 2"), admin);

        String window = "SELECT Id FROM Account WHERE SystemModstamp >= " + since + " ORDER BY SystemModstamp, Id";
        assertThat(ids(window)).containsExactly(a, b);
        clock.advance(Duration.ofMinutes(2)); // the feed covers whole minutes up to now
        assertThat(org.updated("Account", clock.instant().minus(Duration.ofMinutes(5)), clock.instant())
                .get("ids")).isEqualTo(List.of(a, b));
    }

    @Test
    void aCheckedExceptionThrownSneakilyAlsoUndoesTheWork() {
        Map<String, Map<String, Long>> counts = org.recordCounts();

        assertThatThrownBy(() -> org.atomically(() -> {
            org.create("Account", Map.of("Name", "Sneaky"), admin);
            return AtomicallyTest.<RuntimeException>sneakyThrow(new java.io.IOException("checked"));
        })).isInstanceOf(java.io.IOException.class);

        assertThat(org.recordCounts()).isEqualTo(counts);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> Void sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void aSuccessfulUnitKeepsItsWritesAndNestedUnitsJoinTheOuterOne() {
        String id = org.atomically(() -> org.atomically(() -> org.create("Account", Map.of("Name", "Kept"), admin)));

        assertThat(org.retrieve("Account", id, List.of("Name"), admin, "59.0")).containsEntry("Name", "Kept");
        assertThatThrownBy(() -> org.atomically(() -> {
            org.atomically(() -> org.create("Account", Map.of("Name", "Inner"), admin));
            throw new IllegalStateException("outer fails");
        }));
        assertThat(ids("SELECT Id FROM Account WHERE Name = 'Inner'")).isEmpty();
    }
}
