package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.InMemoryOrg;
import dev.mosaic.salesforce.emulator.org.OrgUser;
import dev.mosaic.salesforce.emulator.org.QueryMode;
import dev.mosaic.salesforce.emulator.org.QueryResult;
import dev.mosaic.salesforce.emulator.org.SharedOrg;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SoqlQueryTest {
    private final InMemoryOrg org = SharedOrg.get();
    private final OrgUser admin = org.adminUser();

    private List<Map<String, Object>> rest(String soql) {
        QueryResult r = org.query(soql, QueryMode.REST_QUERY, admin);
        return r.restRecords(0, r.totalSize(), "59.0");
    }

    private List<List<String>> csv(String soql) {
        QueryResult r = org.query(soql, QueryMode.BULK_QUERY, admin);
        return r.csvRows(0, r.totalSize());
    }

    private int count(String soql) {
        return org.query(soql, QueryMode.REST_QUERY, admin).totalSize();
    }

    @Test
    void everySelectedFieldIsPresentWithExplicitNullsAndAttributesFirst() {
        Map<String, Object> record = rest("SELECT Id, Email, Title FROM Contact WHERE Email = null LIMIT 1").get(0);
        assertThat(record.keySet()).containsExactly("attributes", "Id", "Email", "Title");
        assertThat(record.get("Email")).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) record.get("attributes");
        assertThat(attributes).containsEntry("type", "Contact")
                .containsEntry("url", "/services/data/v59.0/sobjects/Contact/" + record.get("Id"));
    }

    @Test
    void keywordsAndFieldNamesAreCaseInsensitiveAndOutputUsesCanonicalNames() {
        Map<String, Object> record = rest("select id, lastname, account.name from CONTACT where accountid != null "
                + "limit 1").get(0);
        assertThat(record.keySet()).containsExactly("attributes", "Id", "LastName", "Account");
        assertThat(new ArrayList<Object>(((Map<?, ?>) record.get("Account")).keySet())).containsExactly("attributes", "Name");
    }

    @Test
    void nullParentIsAnExplicitNullAndTwoLevelPathsNest() {
        Map<String, Object> orphan = rest("SELECT Id, Account.Name, Account.Owner.Email FROM Contact "
                + "WHERE AccountId = null LIMIT 1").get(0);
        assertThat(orphan).containsEntry("Account", null);
        Map<String, Object> withAccount = rest("SELECT Id, Account.Name, Account.Owner.Email FROM Contact "
                + "WHERE AccountId != null LIMIT 1").get(0);
        Map<?, ?> account = (Map<?, ?>) withAccount.get("Account");
        Map<?, ?> owner = (Map<?, ?>) account.get("Owner");
        assertThat(((Map<?, ?>) owner.get("attributes")).get("type")).isEqualTo("User");
        assertThat((String) owner.get("Email")).contains("@");
    }

    @Test
    void polymorphicWhoResolvesToTheActualObject() {
        Map<String, Object> task = rest("SELECT Id, Who.Name FROM Task WHERE WhoId != null LIMIT 1").get(0);
        Map<?, ?> who = (Map<?, ?>) task.get("Who");
        assertThat(((Map<?, ?>) who.get("attributes")).get("type")).isEqualTo("Contact");
        assertThat(who.get("Name")).isNotNull();
    }

    @Test
    void whereSupportsAndOrNotAndParentheses() {
        int all = count("SELECT COUNT() FROM Opportunity");
        int won = count("SELECT COUNT() FROM Opportunity WHERE IsWon = true");
        int notWon = count("SELECT COUNT() FROM Opportunity WHERE NOT IsWon = true");
        assertThat(won + notWon).isEqualTo(all);
        int lost = count("SELECT COUNT() FROM Opportunity WHERE StageName = 'Closed Lost'");
        assertThat(count("SELECT COUNT() FROM Opportunity WHERE (IsWon = true OR StageName = 'Closed Lost') "
                + "AND IsClosed = true")).isEqualTo(won + lost);
    }

    @Test
    void comparisonOperatorsOnNumbersDatesAndText() {
        int all = count("SELECT COUNT() FROM Opportunity WHERE Amount != null");
        int small = count("SELECT COUNT() FROM Opportunity WHERE Amount < 50000");
        int large = count("SELECT COUNT() FROM Opportunity WHERE Amount >= 50000");
        assertThat(small + large).isEqualTo(all);
        assertThat(count("SELECT COUNT() FROM Opportunity WHERE Amount <> 50000"))
                .isEqualTo(count("SELECT COUNT() FROM Opportunity") - count("SELECT COUNT() FROM Opportunity "
                        + "WHERE Amount = 50000"));
        for (List<String> row : csv("SELECT CloseDate FROM Opportunity WHERE CloseDate > 2025-06-30 "
                + "AND CloseDate <= 2026-01-01")) {
            assertThat(row.get(0)).isGreaterThan("2025-06-30").isLessThanOrEqualTo("2026-01-01");
        }
        for (List<String> row : csv("SELECT Name FROM Account WHERE Name >= 'M'")) {
            assertThat(row.get(0).toUpperCase()).isGreaterThanOrEqualTo("M");
        }
    }

    @Test
    void inAndNotInPartitionTheRows() {
        int all = count("SELECT COUNT() FROM Lead");
        int in = count("SELECT COUNT() FROM Lead WHERE Status IN ('Open - Not Contacted', 'Working - Contacted')");
        int notIn = count("SELECT COUNT() FROM Lead WHERE Status NOT IN ('Open - Not Contacted', "
                + "'Working - Contacted')");
        assertThat(in).isPositive();
        assertThat(in + notIn).isEqualTo(all);
    }

    @Test
    void likeIsCaseInsensitiveWithPercentAndUnderscore() {
        List<List<String>> gmail = csv("SELECT Email FROM Contact WHERE Email LIKE '%@GMAIL.com'");
        assertThat(gmail).isNotEmpty().allMatch(r -> r.get(0).toLowerCase().endsWith("@gmail.com"));
        List<List<String>> prefixed = csv("SELECT Name FROM Account WHERE Name LIKE 'a%'");
        assertThat(prefixed).allMatch(r -> r.get(0).toLowerCase().startsWith("a"));
        List<List<String>> underscore = csv("SELECT Status FROM Lead WHERE Status LIKE 'Open - Not Contacte_'");
        assertThat(underscore).isNotEmpty().allMatch(r -> r.get(0).equals("Open - Not Contacted"));
    }

    @Test
    void equalsOnTextIgnoresCase() {
        assertThat(count("SELECT COUNT() FROM Lead WHERE Status = 'open - not contacted'"))
                .isEqualTo(count("SELECT COUNT() FROM Lead WHERE Status = 'Open - Not Contacted'"));
    }

    @Test
    void stringLiteralsHonourEscapes() {
        InMemoryOrg fresh = SharedOrg.fresh();
        String id = fresh.create("Account", Map.of("Name", "O'Brien \\ Sons\nLtd"), fresh.adminUser());
        assertThat(ids(fresh, "SELECT Id FROM Account WHERE Name = 'O\\'Brien \\\\ Sons\\nLtd'")).containsExactly(id);
    }

    @Test
    void dateTimeLiteralsAcceptZeroToSixFractionDigitsAndOffsets() {
        int base = count("SELECT COUNT() FROM Contact WHERE SystemModstamp >= 2025-01-01T00:00:00Z");
        assertThat(base).isPositive();
        assertThat(count("SELECT COUNT() FROM Contact WHERE SystemModstamp >= 2025-01-01T00:00:00.1Z")).isEqualTo(base);
        assertThat(count("SELECT COUNT() FROM Contact WHERE SystemModstamp >= 2025-01-01T00:00:00.123+00:00"))
                .isEqualTo(base);
        assertThat(count("SELECT COUNT() FROM Contact WHERE SystemModstamp >= 2025-01-01T00:00:00.000000Z"))
                .isEqualTo(base);
        assertThat(count("SELECT COUNT() FROM Contact WHERE SystemModstamp >= 2025-01-01T02:00:00+02:00"))
                .isEqualTo(base);
    }

    @Test
    void relativeDateLiteralsFollowTheOrgClock() {
        // The shared org's clock is 2026-11-29T12:00Z; a contact created now falls in TODAY, not YESTERDAY.
        InMemoryOrg fresh = dev.mosaic.salesforce.emulator.org.SharedOrg.fresh();
        String id = fresh.create("Contact", Map.of("LastName", "Today"), fresh.adminUser());
        assertThat(ids(fresh, "SELECT Id FROM Contact WHERE CreatedDate = TODAY")).contains(id);
        assertThat(ids(fresh, "SELECT Id FROM Contact WHERE CreatedDate = YESTERDAY")).doesNotContain(id);
        assertThat(ids(fresh, "SELECT Id FROM Contact WHERE CreatedDate = LAST_N_DAYS:3")).contains(id);
        assertThat(ids(fresh, "SELECT Id FROM Contact WHERE CreatedDate = NEXT_N_DAYS:3")).doesNotContain(id);
        assertThat(ids(fresh, "SELECT Id FROM Contact WHERE CreatedDate < LAST_N_DAYS:30")).doesNotContain(id)
                .isNotEmpty();
        String due = fresh.create("Task", Map.of("Subject", "x", "ActivityDate", "2026-12-01"), fresh.adminUser());
        assertThat(ids(fresh, "SELECT Id FROM Task WHERE ActivityDate = NEXT_N_DAYS:5")).contains(due);
    }

    private static List<Object> ids(InMemoryOrg org, String soql) {
        QueryResult r = org.query(soql, QueryMode.REST_QUERY, org.adminUser());
        return r.restRecords(0, r.totalSize(), "59.0").stream().map(m -> m.get("Id")).toList();
    }

    @Test
    void orderByMultipleFieldsWithDirectionsAndNulls() {
        List<List<String>> rows = csv("SELECT Title, LastName FROM Contact ORDER BY Title DESC NULLS LAST, "
                + "LastName ASC");
        List<List<String>> expected = new ArrayList<>(rows);
        Comparator<List<String>> byTitleDescNullsLast = Comparator.comparing((List<String> r) -> r.get(0).isEmpty())
                .thenComparing(r -> r.get(0), String.CASE_INSENSITIVE_ORDER.reversed());
        expected.sort(byTitleDescNullsLast.thenComparing(r -> r.get(1), String.CASE_INSENSITIVE_ORDER));
        assertThat(rows.stream().map(r -> r.get(0)).toList()).isEqualTo(expected.stream().map(r -> r.get(0)).toList());
        assertThat(rows.get(rows.size() - 1).get(0)).isEmpty();
        List<List<String>> nullsFirst = csv("SELECT Title FROM Contact ORDER BY Title ASC");
        assertThat(nullsFirst.get(0).get(0)).isEmpty();
    }

    @Test
    void limitAndOffsetPage() {
        List<List<String>> all = csv("SELECT Id FROM Contact ORDER BY Id");
        QueryResult page = org.query("SELECT Id FROM Contact ORDER BY Id LIMIT 5 OFFSET 10", QueryMode.REST_QUERY, admin);
        assertThat(page.totalSize()).isEqualTo(5);
        assertThat(page.restRecords(0, 5, "59.0")).extracting(r -> r.get("Id"))
                .containsExactlyElementsOf(all.subList(10, 15).stream().map(r -> (Object) r.get(0)).toList());
    }

    @Test
    void incrementalWindowReturnsRowsInStampThenIdOrder() {
        String soql = "SELECT Id, SystemModstamp FROM Contact WHERE SystemModstamp >= 2024-01-01T00:00:00Z "
                + "AND SystemModstamp < 2026-01-01T00:00:00Z ORDER BY SystemModstamp, Id LIMIT 2000";
        List<List<String>> rows = org.query(soql, QueryMode.BULK_QUERY_ALL, admin).csvRows(0, 2000);
        assertThat(rows).isNotEmpty();
        for (int i = 1; i < rows.size(); i++) {
            int c = rows.get(i - 1).get(1).compareTo(rows.get(i).get(1));
            assertThat(c <= 0).isTrue();
            if (c == 0) {
                assertThat(rows.get(i - 1).get(0).compareTo(rows.get(i).get(0))).isNegative();
            }
        }
        assertThat(rows.get(0).get(1)).isGreaterThanOrEqualTo("2024-01-01");
        assertThat(rows.get(rows.size() - 1).get(1)).isLessThan("2026-01-01");
        // Same answer as a plain scan with a sort.
        List<List<String>> scanned = org.query("SELECT Id, SystemModstamp FROM Contact WHERE "
                + "SystemModstamp >= 2024-01-01T00:00:00Z AND SystemModstamp < 2026-01-01T00:00:00Z AND Id != null "
                + "ORDER BY SystemModstamp, LastName NULLS FIRST, Id", QueryMode.BULK_QUERY_ALL, admin)
                .csvRows(0, 100_000);
        assertThat(scanned).hasSizeGreaterThanOrEqualTo(rows.size());
    }

    @Test
    void idEqualityAcceptsFifteenAndEighteenCharacterIds() {
        String id = (String) rest("SELECT Id FROM Account LIMIT 1").get(0).get("Id");
        assertThat(count("SELECT COUNT() FROM Account WHERE Id = '" + id + "'")).isEqualTo(1);
        assertThat(count("SELECT COUNT() FROM Account WHERE Id = '" + id.substring(0, 15) + "'")).isEqualTo(1);
        assertThat(count("SELECT COUNT() FROM Account WHERE Id IN ('" + id + "', '001000000000000')")).isEqualTo(1);
        assertThat(count("SELECT COUNT() FROM Contact WHERE AccountId = '" + id.substring(0, 15) + "'")).isPositive();
    }

    @Test
    void countReturnsTotalSizeWithNoRows() {
        QueryResult r = org.query("SELECT COUNT() FROM Contact", QueryMode.REST_QUERY, admin);
        assertThat(r.isCount()).isTrue();
        assertThat(r.totalSize()).isPositive();
        assertThat(r.restRecords(0, 2000, "59.0")).isEmpty();
    }

    @Test
    void childSubqueryNestsRecordsUnderTheRelationshipName() {
        Map<String, Object> account = rest("SELECT Id, Name, (SELECT Id, LastName FROM Contacts ORDER BY LastName) "
                + "FROM Account LIMIT 1").get(0);
        Map<?, ?> contacts = (Map<?, ?>) account.get("Contacts");
        assertThat(new ArrayList<Object>(contacts.keySet())).containsExactly("totalSize", "done", "records");
        assertThat((List<?>) contacts.get("records")).isNotEmpty();
    }

    @Test
    void datetimesDatesNumbersAndBooleansFormatLikeSalesforce() {
        Map<String, Object> opp = rest("SELECT CloseDate, CreatedDate, Amount, IsWon, Probability FROM Opportunity "
                + "WHERE Amount != null LIMIT 1").get(0);
        assertThat((String) opp.get("CloseDate")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat((String) opp.get("CreatedDate")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.000\\+0000");
        assertThat(opp.get("Amount")).isInstanceOf(Double.class);
        assertThat(opp.get("IsWon")).isInstanceOf(Boolean.class);
        List<String> row = csv("SELECT CreatedDate, IsWon, Amount FROM Opportunity WHERE Amount != null LIMIT 1").get(0);
        assertThat(row.get(0)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.000Z");
        assertThat(row.get(1)).isIn("true", "false");
        assertThat(row.get(2)).matches("\\d+\\.\\d+");
        Map<String, Object> account = rest("SELECT NumberOfEmployees FROM Account WHERE NumberOfEmployees != null "
                + "LIMIT 1").get(0);
        assertThat(account.get("NumberOfEmployees")).isInstanceOf(Integer.class);
    }

    @Test
    void csvHeaderIsTheSelectedPathsInSelectOrder() {
        QueryResult r = org.query("SELECT LastName, Id, Account.Name, Owner.Email FROM Contact",
                QueryMode.BULK_QUERY, admin);
        assertThat(r.csvHeader()).containsExactly("LastName", "Id", "Account.Name", "Owner.Email");
        assertThat(r.csvRows(0, r.totalSize())).anyMatch(row -> row.get(2).isEmpty());
    }

    @Test
    void resultsAreLazyAndPageable() {
        QueryResult r = org.query("SELECT Id FROM Task", QueryMode.REST_QUERY_ALL, admin);
        List<Map<String, Object>> first = r.restRecords(0, 200, "59.0");
        List<Map<String, Object>> second = r.restRecords(200, 400, "59.0");
        assertThat(first).hasSize(200);
        assertThat(second).hasSize(200);
        assertThat(first.get(199).get("Id")).isNotEqualTo(second.get(0).get("Id"));
        assertThat(r.restRecords(r.totalSize(), r.totalSize() + 10, "59.0")).isEmpty();
    }

    @Test
    void aggregatesWithoutGroupByReturnOneAggregateResult() {
        List<Map<String, Object>> rows = rest("SELECT COUNT(Id), MAX(SystemModstamp) latest, MIN(CreatedDate), "
                + "COUNT_DISTINCT(AccountId) FROM Contact LIMIT 1");
        assertThat(rows).hasSize(1);
        Map<String, Object> result = rows.get(0);
        assertThat(result.keySet()).containsExactly("attributes", "expr0", "latest", "expr1", "expr2");
        assertThat(result.get("attributes")).isEqualTo(Map.of("type", "AggregateResult"));
        assertThat(result.get("expr0")).isEqualTo(count("SELECT COUNT() FROM Contact"));
        String latest = (String) rest("SELECT SystemModstamp FROM Contact ORDER BY SystemModstamp DESC LIMIT 1")
                .get(0).get("SystemModstamp");
        assertThat(result.get("latest")).isEqualTo(latest);
        Map<String, Object> sums = rest("SELECT SUM(Amount), AVG(Amount) FROM Opportunity WHERE Amount != null").get(0);
        assertThat((Double) sums.get("expr0")).isPositive();
        assertThat((Double) sums.get("expr1")).isPositive();
    }

    @Test
    void semiJoinsFilterByAnotherObjectsIds() {
        int withOpps = count("SELECT COUNT() FROM Account WHERE Id IN (SELECT AccountId FROM Opportunity)");
        int withoutOpps = count("SELECT COUNT() FROM Account WHERE Id NOT IN (SELECT AccountId FROM Opportunity)");
        assertThat(withOpps).isPositive();
        assertThat(withOpps + withoutOpps).isEqualTo(count("SELECT COUNT() FROM Account"));
        List<List<String>> won = csv("SELECT Id, AccountId FROM Contact WHERE AccountId IN "
                + "(SELECT AccountId FROM Opportunity WHERE IsWon = true)");
        List<Object> wonAccounts = rest("SELECT AccountId FROM Opportunity WHERE IsWon = true").stream()
                .map(r -> r.get("AccountId")).toList();
        assertThat(won).isNotEmpty().allMatch(r -> wonAccounts.contains(r.get(1)));
    }

    @Test
    void emptyStringMatchesNullTextAsSalesforceStoresIt() {
        assertThat(count("SELECT COUNT() FROM Contact WHERE Email = ''"))
                .isEqualTo(count("SELECT COUNT() FROM Contact WHERE Email = null")).isPositive();
        assertThat(count("SELECT COUNT() FROM Contact WHERE Email != ''"))
                .isEqualTo(count("SELECT COUNT() FROM Contact WHERE Email != null"));
    }

    @Test
    void idRangesChunkTheTableInIdOrder() {
        List<List<String>> all = csv("SELECT Id FROM Task ORDER BY Id");
        String lower = all.get(100).get(0);
        String upper = all.get(250).get(0);
        List<List<String>> chunk = csv("SELECT Id FROM Task WHERE Id > '" + lower + "' AND Id <= '" + upper
                + "' ORDER BY Id");
        assertThat(chunk).isEqualTo(all.subList(101, 251));
        assertThat(csv("SELECT Id FROM Task WHERE Id >= '" + lower + "' ORDER BY Id LIMIT 3"))
                .isEqualTo(all.subList(100, 103));
    }

    @Test
    void fieldsFunctionExpandsToEveryReadableField() {
        Map<String, Object> record = rest("SELECT FIELDS(STANDARD) FROM Contact LIMIT 1").get(0);
        assertThat(record).containsKeys("Id", "Name", "Email", "MailingAddress", "SystemModstamp", "Phone");
        Map<String, Object> restricted = org.query("SELECT FIELDS(ALL) FROM Contact LIMIT 200", QueryMode.REST_QUERY,
                org.restrictedUser()).restRecords(0, 1, "59.0").get(0);
        assertThat(restricted).containsKey("Email").doesNotContainKey("Phone");
    }

    @Test
    void groupByReturnsOneAggregateResultPerGroup() {
        List<Map<String, Object>> rows = rest("SELECT StageName, COUNT(Id) total, SUM(Amount) FROM Opportunity "
                + "GROUP BY StageName ORDER BY StageName");
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).keySet()).containsExactly("attributes", "StageName", "total", "expr0");
        int sum = rows.stream().mapToInt(r -> (Integer) r.get("total")).sum();
        assertThat(sum).isEqualTo(count("SELECT COUNT() FROM Opportunity"));
        List<String> stages = rows.stream().map(r -> (String) r.get("StageName")).toList();
        assertThat(stages).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).doesNotHaveDuplicates();
        Map<String, Object> won = rows.stream().filter(r -> "Closed Won".equals(r.get("StageName"))).findFirst()
                .orElseThrow();
        assertThat(won.get("total")).isEqualTo(count("SELECT COUNT() FROM Opportunity WHERE StageName = 'Closed Won'"));
        List<Map<String, Object>> byParent = rest("SELECT Account.Name, COUNT(Id) FROM Contact WHERE AccountId != null "
                + "GROUP BY Account.Name LIMIT 5");
        assertThat(byParent).hasSize(5);
        assertThat(byParent.get(0).keySet()).containsExactly("attributes", "Name", "expr0");
    }

    @Test
    void polymorphicTypeNamesTheObjectALookupPointsAt() {
        List<Map<String, Object>> tasks = rest("SELECT Id, What.Type, What.Name FROM Task WHERE What.Type = "
                + "'Opportunity' LIMIT 3");
        assertThat(tasks).isNotEmpty();
        Map<?, ?> what = (Map<?, ?>) tasks.get(0).get("What");
        assertThat(what.get("Type")).isEqualTo("Opportunity");
        assertThat(((Map<?, ?>) what.get("attributes")).get("type")).isEqualTo("Opportunity");
        QueryResult bulk = org.query("SELECT Id, Who.Type FROM Task WHERE WhoId != null LIMIT 5",
                QueryMode.BULK_QUERY, admin);
        assertThat(bulk.csvHeader()).containsExactly("Id", "Who.Type");
        assertThat(bulk.csvRows(0, 5)).allMatch(r -> r.get(1).equals("Contact") || r.get(1).equals("Lead"));
    }

    @Test
    void typeOfPicksFieldsByTheParentsObject() {
        List<Map<String, Object>> tasks = rest("SELECT Id, TYPEOF What WHEN Account THEN Name, Industry "
                + "WHEN Opportunity THEN Name, StageName, Amount END FROM Task WHERE WhatId != null LIMIT 200");
        assertThat(tasks).isNotEmpty();
        for (Map<String, Object> task : tasks) {
            Map<?, ?> what = (Map<?, ?>) task.get("What");
            String type = (String) ((Map<?, ?>) what.get("attributes")).get("type");
            if (type.equals("Account")) {
                assertThat(new ArrayList<Object>(what.keySet())).containsExactly("attributes", "Name", "Industry");
            } else {
                assertThat(new ArrayList<Object>(what.keySet()))
                        .containsExactly("attributes", "Name", "StageName", "Amount");
            }
        }
        Map<String, Object> withElse = rest("SELECT TYPEOF What WHEN Account THEN Phone ELSE Name END FROM Task "
                + "WHERE What.Type = 'Opportunity' LIMIT 1").get(0);
        Map<?, ?> what = (Map<?, ?>) withElse.get("What");
        assertThat(new ArrayList<Object>(what.keySet())).containsExactly("attributes", "Name");
    }
}
