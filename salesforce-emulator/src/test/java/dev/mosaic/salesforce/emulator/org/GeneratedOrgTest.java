package dev.mosaic.salesforce.emulator.org;

import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;
import dev.mosaic.salesforce.emulator.org.schema.StandardSchema;
import dev.mosaic.salesforce.emulator.org.store.SalesforceIds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedOrgTest {
    private final InMemoryOrg org = TestOrgs.shared();

    @Test
    void sameSeedGivesTheSameOrgAndAnotherSeedDoesNot() {
        String first = dump(InMemoryOrg.generate(7, 30, TestOrgs.CLOCK));
        String again = dump(InMemoryOrg.generate(7, 30, TestOrgs.CLOCK));
        String other = dump(InMemoryOrg.generate(8, 30, TestOrgs.CLOCK));
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    /** Every object, every field, every row (queryAll), as Bulk CSV. */
    private static String dump(InMemoryOrg org) {
        StringBuilder sb = new StringBuilder(org.orgId());
        for (ObjectDef def : StandardSchema.get().objects()) {
            String fields = def.fields().stream().filter(f -> !f.type().isCompound()).map(f -> f.name())
                    .collect(Collectors.joining(", "));
            QueryResult r = org.query("SELECT " + fields + " FROM " + def.name(), QueryMode.BULK_QUERY_ALL,
                    org.adminUser());
            sb.append(r.csvHeader()).append(r.csvRows(0, r.totalSize()));
        }
        return sb.toString();
    }

    @Test
    void aHundredAccountsMakeAFewThousandRecordsInRealisticRatios() {
        Map<String, Map<String, Long>> counts = org.recordCounts();
        long total = counts.values().stream().mapToLong(c -> c.get("live") + c.get("deleted")).sum();
        assertThat(total).isBetween(2_500L, 5_000L);
        assertThat(all(counts, "Account")).isBetween(100L, 105L);
        assertThat(all(counts, "Contact")).isBetween(350L, 700L);
        assertThat(all(counts, "Opportunity")).isBetween(120L, 300L);
        assertThat(all(counts, "Task")).isGreaterThan(all(counts, "Contact"));
        assertThat(all(counts, "User")).isBetween(10L, 20L);
        assertThat(counts.get("Contact").get("deleted")).isPositive();
        assertThat(counts.get("Task").get("deleted")).isPositive();
    }

    private static long all(Map<String, Map<String, Long>> counts, String object) {
        return counts.get(object).get("live") + counts.get(object).get("deleted");
    }

    @Test
    void everyIdHasItsObjectsKeyPrefixAndAValidChecksum() {
        Map<String, String> prefixes = Map.ofEntries(Map.entry("Account", "001"), Map.entry("Contact", "003"),
                Map.entry("Lead", "00Q"), Map.entry("Opportunity", "006"), Map.entry("OpportunityContactRole", "00K"),
                Map.entry("AccountContactRelation", "07k"), Map.entry("Task", "00T"), Map.entry("Event", "00U"),
                Map.entry("EmailMessage", "02s"), Map.entry("Note", "002"), Map.entry("User", "005"));
        prefixes.forEach((object, prefix) -> {
            QueryResult r = org.query("SELECT Id FROM " + object, QueryMode.BULK_QUERY_ALL, org.adminUser());
            assertThat(r.totalSize()).as(object).isPositive();
            for (List<String> row : r.csvRows(0, r.totalSize())) {
                assertThat(row.get(0)).startsWith(prefix).hasSize(18);
                assertThat(SalesforceIds.hasValidChecksum(row.get(0))).isTrue();
            }
        });
        assertThat(org.orgId()).startsWith("00D").hasSize(18);
        assertThat(SalesforceIds.hasValidChecksum(org.orgId())).isTrue();
    }

    @Test
    void dataIsMessyLikeARealOrg() {
        List<List<String>> contacts = rows("SELECT Id, FirstName, LastName, Email, AccountId, Phone, MailingStreet "
                + "FROM Contact");
        assertThat(contacts).anyMatch(r -> r.get(3).endsWith("@gmail.com") || r.get(3).endsWith("@yahoo.com"));
        assertThat(contacts).anyMatch(r -> r.get(3).isEmpty());
        assertThat(contacts).anyMatch(r -> r.get(4).isEmpty());
        assertThat(contacts).anyMatch(r -> !r.get(2).chars().allMatch(c -> c < 128));
        assertThat(contacts).anyMatch(r -> r.get(6).contains("\n"));
        List<String> phones = contacts.stream().map(r -> r.get(5)).filter(p -> !p.isEmpty()).toList();
        assertThat(phones).anyMatch(p -> p.startsWith("(")).anyMatch(p -> p.startsWith("+"))
                .anyMatch(p -> p.contains("."));
        // Duplicates: the same address in another case.
        Map<String, List<String>> byLowerEmail = contacts.stream().map(r -> r.get(3)).filter(e -> !e.isEmpty())
                .collect(Collectors.groupingBy(String::toLowerCase));
        assertThat(byLowerEmail.values()).anyMatch(v -> v.size() > 1 && !v.get(0).equals(v.get(1)));
    }

    @Test
    void someRecordsAreMergedLosersAndSomeActivitiesArchived() {
        assertThat(org.query("SELECT COUNT() FROM Contact WHERE IsDeleted = true AND MasterRecordId != null",
                QueryMode.REST_QUERY_ALL, org.adminUser()).totalSize()).isPositive();
        assertThat(org.query("SELECT COUNT() FROM Task WHERE IsArchived = true", QueryMode.REST_QUERY_ALL,
                org.adminUser()).totalSize()).isPositive();
    }

    @Test
    void manyRecordsShareOneSystemModstampAsImportsDo() {
        List<List<String>> stamps = rows("SELECT SystemModstamp FROM Contact");
        Map<String, Long> perStamp = stamps.stream().collect(Collectors.groupingBy(r -> r.get(0),
                Collectors.counting()));
        assertThat(perStamp.values().stream().mapToLong(Long::longValue).max().orElse(0)).isGreaterThan(2);
        List<String> sorted = new ArrayList<>(perStamp.keySet());
        sorted.sort(String::compareTo);
        assertThat(sorted.get(0)).isGreaterThan("2023-11-28");
        assertThat(sorted.get(sorted.size() - 1)).isLessThan("2026-11-29T12:00:00");
    }

    @Test
    void idsGrowWithCreationTimeAsInARealOrg() {
        List<List<String>> accounts = rows("SELECT Id, CreatedDate FROM Account ORDER BY Id");
        int tenth = accounts.size() / 10;
        String earlyMax = accounts.subList(0, tenth).stream().map(r -> r.get(1)).max(String::compareTo).orElseThrow();
        String lateMin = accounts.subList(accounts.size() - tenth, accounts.size()).stream().map(r -> r.get(1))
                .min(String::compareTo).orElseThrow();
        assertThat(earlyMax).isLessThan(lateMin);
    }

    @Test
    void theAdminAndTheRestrictedUserAreRealUsers() {
        OrgUser admin = org.adminUser();
        OrgUser restricted = org.restrictedUser();
        assertThat(admin.id()).startsWith("005").hasSize(18);
        assertThat(admin.restricted()).isFalse();
        assertThat(restricted.restricted()).isTrue();
        QueryResult r = org.query("SELECT Username FROM User WHERE Id = '" + restricted.id() + "'",
                QueryMode.REST_QUERY, admin);
        assertThat(r.restRecords(0, 1, "59.0").get(0).get("Username")).isEqualTo(restricted.username());
    }

    private List<List<String>> rows(String soql) {
        QueryResult r = org.query(soql, QueryMode.BULK_QUERY_ALL, org.adminUser());
        return r.csvRows(0, r.totalSize());
    }
}
