package dev.mosaic.salesforce.emulator.org;

import dev.mosaic.salesforce.emulator.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CrudTest {
    private final MutableClock clock = new MutableClock(TestOrgs.NOW);
    private final InMemoryOrg org = TestOrgs.fresh(clock);
    private final OrgUser admin = org.adminUser();

    private SalesforceError failure(Runnable r) {
        return catchThrowableOfType(r::run, SalesforceError.class);
    }

    @Test
    void createThenRetrieveStampsAuditFieldsFromTheClock() {
        String id = org.create("Contact", Map.of("LastName", "Lovelace", "FirstName", "Ada", "Email",
                "ada@example.com"), admin);
        assertThat(id).startsWith("003").hasSize(18);
        Map<String, Object> record = org.retrieve("Contact", id, null, admin, "59.0");
        assertThat(record).containsEntry("Name", "Ada Lovelace").containsEntry("Email", "ada@example.com")
                .containsEntry("CreatedDate", "2026-11-29T12:00:00.000+0000")
                .containsEntry("SystemModstamp", "2026-11-29T12:00:00.000+0000")
                .containsEntry("CreatedById", admin.id()).containsEntry("OwnerId", admin.id())
                .containsEntry("IsDeleted", false);
    }

    @Test
    void numbersPastTheirTypesRangeAreRefused() {
        SalesforceError infinite = failure(() -> org.create("Account",
                Map.of("Name", "X", "AnnualRevenue", Double.POSITIVE_INFINITY), admin));
        SalesforceError huge = failure(() -> org.create("Account", Map.of("Name", "X", "AnnualRevenue", "1e400"), admin));

        assertThat(infinite.errorCode()).isEqualTo("JSON_PARSER_ERROR");
        assertThat(huge.errorCode()).isEqualTo("JSON_PARSER_ERROR");
        SalesforceError pastInt = failure(() -> org.create("Account",
                Map.of("Name", "X", "NumberOfEmployees", 99_999_999_999L), admin));
        assertThat(pastInt.errorCode()).isEqualTo("NUMBER_OUTSIDE_VALID_RANGE");
        assertThat(pastInt.fields()).containsExactly("NumberOfEmployees");
    }

    @Test
    void usersCannotBeDeleted() {
        SalesforceError e = failure(() -> org.delete("User", org.restrictedUser().id(), admin));

        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo("INVALID_TYPE_FOR_OPERATION");
        assertThat(org.retrieve("User", org.restrictedUser().id(), List.of("Id"), admin, "59.0")).containsKey("Id");
    }

    @Test
    void retrieveWithFieldsReturnsOnlyThoseInTheirOrder() {
        String id = org.create("Account", Map.of("Name", "Acme"), admin);
        Map<String, Object> record = org.retrieve("Account", id, List.of("Name", "Id"), admin, "v59.0");
        assertThat(record.keySet()).containsExactly("attributes", "Name", "Id");
        assertThat(failure(() -> org.retrieve("Account", id, List.of("Nope"), admin, "59.0")).getMessage())
                .startsWith("No such column 'Nope' on entity 'Account'.");
    }

    @Test
    void requiredFieldsAreListed() {
        SalesforceError e = failure(() -> org.create("Contact", Map.of("FirstName", "Ada"), admin));
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(e.getMessage()).isEqualTo("Required fields are missing: [LastName]");
        assertThat(e.fields()).containsExactly("LastName");
        SalesforceError opp = failure(() -> org.create("Opportunity", Map.of("Amount", 5), admin));
        assertThat(opp.getMessage()).isEqualTo("Required fields are missing: [Name, StageName, CloseDate]");
    }

    @Test
    void unknownFieldsAndWrongTypesAreRefused() {
        SalesforceError unknown = failure(() -> org.create("Contact", Map.of("LastName", "X", "Foo", 1), admin));
        assertThat(unknown.errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(unknown.getMessage()).isEqualTo("No such column 'Foo' on sobject of type Contact");
        SalesforceError wrongType = failure(() -> org.create("Contact", Map.of("LastName", "X", "DoNotCall", "maybe"),
                admin));
        assertThat(wrongType.errorCode()).isEqualTo("JSON_PARSER_ERROR");
        assertThat(wrongType.getMessage()).startsWith("Cannot deserialize instance of boolean from VALUE_STRING value "
                + "maybe");
        SalesforceError readOnly = failure(() -> org.create("Contact", Map.of("LastName", "X", "Name", "Y"), admin));
        assertThat(readOnly.errorCode()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
        SalesforceError badRef = failure(() -> org.create("Contact", Map.of("LastName", "X", "AccountId", admin.id()),
                admin));
        assertThat(badRef.errorCode()).isEqualTo("FIELD_INTEGRITY_EXCEPTION");
        SalesforceError badEmail = failure(() -> org.create("Contact", Map.of("LastName", "X", "Email", "not-an-email"),
                admin));
        assertThat(badEmail.errorCode()).isEqualTo("INVALID_EMAIL_ADDRESS");
        SalesforceError hidden = failure(() -> org.create("Contact", Map.of("LastName", "X", "Phone", "1"),
                org.restrictedUser()));
        assertThat(hidden.getMessage()).isEqualTo("No such column 'Phone' on sobject of type Contact");
    }

    @Test
    void unknownIdsAreNotFoundAndDeletedOnesAreEntityIsDeleted() {
        SalesforceError unknown = failure(() -> org.retrieve("Contact", "003000000000000AAA", null, admin, "59.0"));
        assertThat(unknown.httpStatus()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(unknown.getMessage()).isEqualTo("The requested resource does not exist");
        String accountId = org.create("Account", Map.of("Name", "A"), admin);
        assertThat(failure(() -> org.retrieve("Contact", accountId, null, admin, "59.0")).errorCode())
                .isEqualTo("NOT_FOUND");
        assertThat(failure(() -> org.retrieve("Nope", accountId, null, admin, "59.0")).httpStatus()).isEqualTo(404);
        String id = org.create("Contact", Map.of("LastName", "Gone"), admin);
        org.delete("Contact", id, admin);
        SalesforceError deleted = failure(() -> org.retrieve("Contact", id, null, admin, "59.0"));
        assertThat(deleted.httpStatus()).isEqualTo(404);
        assertThat(deleted.errorCode()).isEqualTo("ENTITY_IS_DELETED");
        assertThat(deleted.getMessage()).isEqualTo("entity is deleted");
        assertThat(failure(() -> org.delete("Contact", id, admin)).errorCode()).isEqualTo("ENTITY_IS_DELETED");
    }

    @Test
    void updateChangesValuesAndRestampsSystemModstamp() {
        String id = org.create("Opportunity", Map.of("Name", "Deal", "StageName", "Prospecting", "CloseDate",
                "2026-12-31"), admin);
        clock.advance(Duration.ofMinutes(5));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("StageName", "Closed Won");
        change.put("Amount", 1234.5);
        org.update("Opportunity", id, change, admin);
        Map<String, Object> record = org.retrieve("Opportunity", id, null, admin, "59.0");
        assertThat(record).containsEntry("StageName", "Closed Won").containsEntry("IsWon", true)
                .containsEntry("IsClosed", true).containsEntry("Amount", 1234.5)
                .containsEntry("CreatedDate", "2026-11-29T12:00:00.000+0000")
                .containsEntry("SystemModstamp", "2026-11-29T12:05:00.000+0000")
                .containsEntry("LastModifiedDate", "2026-11-29T12:05:00.000+0000");
        assertThat(failure(() -> org.update("Opportunity", id, Map.of("Name", ""), admin)).errorCode())
                .isEqualTo("REQUIRED_FIELD_MISSING");
    }

    @Test
    void updatedRecordMovesToTheEndOfTheIncrementalWindow() {
        QueryResult before = org.query("SELECT Id FROM Contact ORDER BY SystemModstamp, Id", QueryMode.REST_QUERY_ALL,
                admin);
        String first = (String) before.restRecords(0, 1, "59.0").get(0).get("Id");
        clock.advance(Duration.ofSeconds(30));
        org.update("Contact", first, Map.of("Title", "Chief Tester"), admin);
        List<Map<String, Object>> window = org.query("SELECT Id, Title FROM Contact WHERE SystemModstamp >= "
                + "2026-11-29T12:00:00Z ORDER BY SystemModstamp, Id LIMIT 10", QueryMode.REST_QUERY_ALL, admin)
                .restRecords(0, 10, "59.0");
        assertThat(window).extracting(r -> r.get("Id")).containsExactly(first);
        assertThat(org.query("SELECT Id FROM Contact ORDER BY SystemModstamp, Id", QueryMode.REST_QUERY_ALL, admin)
                .restRecords(0, 1, "59.0").get(0).get("Id")).isNotEqualTo(first);
    }

    @Test
    void deleteIsSoftAndCascadesToDependents() {
        String account = org.create("Account", Map.of("Name", "Parent"), admin);
        String contact = org.create("Contact", Map.of("LastName", "Child", "AccountId", account), admin);
        String task = org.create("Task", Map.of("Subject", "Call", "WhoId", contact), admin);
        clock.advance(Duration.ofMinutes(2));
        org.delete("Account", account, admin);
        for (String[] gone : new String[][] {{"Account", account}, {"Contact", contact}, {"Task", task}}) {
            Map<String, Object> row = org.query("SELECT Id, IsDeleted, SystemModstamp FROM " + gone[0] + " WHERE Id = '"
                    + gone[1] + "'", QueryMode.REST_QUERY_ALL, admin).restRecords(0, 1, "59.0").get(0);
            assertThat(row).containsEntry("IsDeleted", true).containsEntry("SystemModstamp",
                    "2026-11-29T12:02:00.000+0000");
        }
        assertThat(org.query("SELECT Id FROM Contact WHERE Id = '" + contact + "'", QueryMode.REST_QUERY, admin)
                .totalSize()).isZero();
    }

    @Test
    void newContactWithAnAccountGetsADirectAccountContactRelation() {
        String account = org.create("Account", Map.of("Name", "Parent"), admin);
        String contact = org.create("Contact", Map.of("LastName", "Child", "AccountId", account), admin);
        List<Map<String, Object>> relations = org.query("SELECT Id, IsDirect, Account.Name FROM AccountContactRelation "
                + "WHERE ContactId = '" + contact + "'", QueryMode.REST_QUERY, admin).restRecords(0, 5, "59.0");
        assertThat(relations).hasSize(1);
        assertThat(relations.get(0)).containsEntry("IsDirect", true);
    }

    @Test
    void movingAContactToAnotherAccountMovesItsDirectRelation() {
        String first = org.create("Account", Map.of("Name", "First"), admin);
        String second = org.create("Account", Map.of("Name", "Second"), admin);
        String contact = org.create("Contact", Map.of("LastName", "Mover", "AccountId", first), admin);
        org.update("Contact", contact, Map.of("AccountId", second), admin);
        List<Map<String, Object>> relations = org.query("SELECT AccountId, IsDirect FROM AccountContactRelation "
                + "WHERE ContactId = '" + contact + "'", QueryMode.REST_QUERY, admin).restRecords(0, 5, "59.0");
        assertThat(relations).hasSize(1);
        assertThat(relations.get(0)).containsEntry("AccountId", second).containsEntry("IsDirect", true);
    }

    @Test
    void mutateMakesStampedChangesAndReportsThem() {
        clock.advance(Duration.ofHours(1));
        Map<String, Object> done = org.mutate(9, 20, 15, 5);
        assertThat(done.get("created")).isEqualTo(20);
        assertThat((Integer) done.get("updated")).isEqualTo(15);
        assertThat((Integer) done.get("deleted")).isGreaterThanOrEqualTo(5);
        int changed = org.query("SELECT COUNT() FROM Contact WHERE SystemModstamp >= 2026-11-29T13:00:00Z",
                QueryMode.REST_QUERY_ALL, admin).totalSize();
        assertThat(changed).isPositive();
        @SuppressWarnings("unchecked")
        Map<String, List<String>> created = (Map<String, List<String>>) done.get("createdIds");
        assertThat(created.get("Contact")).allMatch(id -> id.startsWith("003"));
    }

    @Test
    void recordCountsSplitLiveAndDeleted() {
        long before = org.recordCounts().get("Lead").get("deleted");
        String id = org.create("Lead", Map.of("LastName", "L", "Company", "C"), admin);
        org.delete("Lead", id, admin);
        assertThat(org.recordCounts().get("Lead").get("deleted")).isEqualTo(before + 1);
    }

    @Test
    void recycleBinKeepsDeletedRecordsFifteenDaysThenTheyAreGoneEvenFromQueryAll() {
        String id = org.create("Contact", Map.of("LastName", "Bin"), admin);
        org.delete("Contact", id, admin);
        String byId = "SELECT Id FROM Contact WHERE Id = '" + id + "'";
        clock.advance(Duration.ofDays(14));
        assertThat(org.query(byId, QueryMode.REST_QUERY_ALL, admin).totalSize()).isEqualTo(1);
        assertThat(failure(() -> org.retrieve("Contact", id, null, admin, "59.0")).errorCode())
                .isEqualTo("ENTITY_IS_DELETED");
        clock.advance(Duration.ofDays(2));
        assertThat(org.query(byId, QueryMode.REST_QUERY_ALL, admin).totalSize()).isZero();
        assertThat(failure(() -> org.retrieve("Contact", id, null, admin, "59.0")).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(org.recordCounts().get("Contact").get("purged")).isPositive();
    }

    @Test
    void commitLagStampsWritesBeforeNowSoAHighWaterCursorMissesThem() {
        clock.advance(Duration.ofHours(1));
        String early = org.create("Contact", Map.of("LastName", "Seen"), admin);
        Map<String, Object> seen = org.retrieve("Contact", early, List.of("SystemModstamp"), admin, "59.0");
        org.setCommitLag(Duration.ofMinutes(5), 1);
        clock.advance(Duration.ofSeconds(1));
        List<String> lagged = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lagged.add(org.create("Contact", Map.of("LastName", "Late" + i), admin));
        }
        String highWater = (String) seen.get("SystemModstamp");
        long behind = lagged.stream().map(id -> (String) org.retrieve("Contact", id, List.of("SystemModstamp"), admin,
                "59.0").get("SystemModstamp")).filter(stamp -> stamp.compareTo(highWater) < 0).count();
        assertThat(behind).isPositive();
        // The index still answers windows correctly for out-of-order stamps.
        List<Map<String, Object>> window = org.query("SELECT Id FROM Contact WHERE SystemModstamp >= "
                + "2026-11-29T12:54:00Z ORDER BY SystemModstamp, Id", QueryMode.REST_QUERY_ALL, admin)
                .restRecords(0, 1000, "59.0");
        assertThat(window).extracting(r -> r.get("Id")).containsAll(lagged).contains(early);
    }

    @Test
    void derivedFieldsFollowWhatTheClientWrote() {
        String event = org.create("Event", Map.of("Subject", "Demo", "StartDateTime", "2026-12-01T15:00:00.000+0000",
                "DurationInMinutes", 90), admin);
        assertThat(org.retrieve("Event", event, List.of("EndDateTime", "ActivityDate"), admin, "59.0"))
                .containsEntry("EndDateTime", "2026-12-01T16:30:00.000+0000").containsEntry("ActivityDate", "2026-12-01");
        String opp = org.create("Opportunity", Map.of("Name", "D", "StageName", "Prospecting", "CloseDate", "2026-12-31",
                "Amount", 1000, "Probability", 25), admin);
        assertThat(org.retrieve("Opportunity", opp, List.of("ExpectedRevenue", "IsClosed"), admin, "59.0"))
                .containsEntry("ExpectedRevenue", 250.0).containsEntry("IsClosed", false);
        assertThat(failure(() -> org.update("Opportunity", opp, Map.of("ExpectedRevenue", 5), admin)).errorCode())
                .isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
    }
}
