package dev.mosaic.salesforce.emulator.org;

import dev.mosaic.salesforce.emulator.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MergeTest {
    private final MutableClock clock = new MutableClock(TestOrgs.NOW);
    private final InMemoryOrg org = TestOrgs.fresh(clock);
    private final OrgUser admin = org.adminUser();

    private Map<String, Object> row(String soql) {
        return org.query(soql, QueryMode.REST_QUERY_ALL, admin).restRecords(0, 1, "59.0").get(0);
    }

    @Test
    void mergingAccountsDeletesTheLoserAndMovesItsChildrenToTheMaster() {
        String master = org.create("Account", Map.of("Name", "Acme"), admin);
        String loser = org.create("Account", Map.of("Name", "ACME Inc"), admin);
        String contact = org.create("Contact", Map.of("LastName", "Moved", "AccountId", loser), admin);
        String opp = org.create("Opportunity", Map.of("Name", "Deal", "StageName", "Prospecting", "CloseDate",
                "2026-12-01", "AccountId", loser), admin);
        String task = org.create("Task", Map.of("Subject", "Call", "WhatId", loser), admin);
        clock.advance(Duration.ofMinutes(10));

        org.merge("Account", master, List.of(loser));

        assertThat(row("SELECT IsDeleted, MasterRecordId, SystemModstamp FROM Account WHERE Id = '" + loser + "'"))
                .containsEntry("IsDeleted", true).containsEntry("MasterRecordId", master)
                .containsEntry("SystemModstamp", "2026-11-29T12:10:00.000+0000");
        assertThat(row("SELECT AccountId, SystemModstamp FROM Contact WHERE Id = '" + contact + "'"))
                .containsEntry("AccountId", master).containsEntry("SystemModstamp", "2026-11-29T12:10:00.000+0000");
        assertThat(row("SELECT AccountId FROM Opportunity WHERE Id = '" + opp + "'")).containsEntry("AccountId", master);
        assertThat(row("SELECT WhatId FROM Task WHERE Id = '" + task + "'")).containsEntry("WhatId", master);
        // Found the way connectors look for merges.
        assertThat(org.query("SELECT Id FROM Account WHERE IsDeleted = true AND MasterRecordId != null",
                QueryMode.REST_QUERY_ALL, admin).restRecords(0, 10_000, "59.0")).extracting(r -> r.get("Id"))
                .contains(loser);
        clock.advance(Duration.ofMinutes(1));
        assertThat(org.deleted("Account", TestOrgs.NOW, TestOrgs.NOW.plus(Duration.ofHours(1))).get("deletedRecords")
                .toString()).contains(loser);
    }

    @Test
    void mergingContactsMovesRolesAndActivities() {
        String master = org.create("Contact", Map.of("LastName", "Keeper"), admin);
        String loser = org.create("Contact", Map.of("LastName", "Keepr"), admin);
        String opp = org.create("Opportunity", Map.of("Name", "D", "StageName", "Prospecting", "CloseDate",
                "2026-12-01"), admin);
        String role = org.create("OpportunityContactRole", Map.of("OpportunityId", opp, "ContactId", loser), admin);
        String task = org.create("Task", Map.of("Subject", "Call", "WhoId", loser), admin);
        org.merge("Contact", master, List.of(loser));
        assertThat(row("SELECT ContactId FROM OpportunityContactRole WHERE Id = '" + role + "'"))
                .containsEntry("ContactId", master);
        assertThat(row("SELECT WhoId FROM Task WHERE Id = '" + task + "'")).containsEntry("WhoId", master);
        assertThat(row("SELECT MasterRecordId FROM Contact WHERE Id = '" + loser + "'"))
                .containsEntry("MasterRecordId", master);
    }

    @Test
    void onlyAccountsContactsAndLeadsMerge() {
        String a = org.create("Opportunity", Map.of("Name", "A", "StageName", "Prospecting", "CloseDate", "2026-12-01"),
                admin);
        String b = org.create("Opportunity", Map.of("Name", "B", "StageName", "Prospecting", "CloseDate", "2026-12-01"),
                admin);
        SalesforceError e = catchThrowableOfType(() -> org.merge("Opportunity", a, List.of(b)), SalesforceError.class);
        assertThat(e.httpStatus()).isEqualTo(400);
        String lead = org.create("Lead", Map.of("LastName", "L", "Company", "C"), admin);
        String dup = org.create("Lead", Map.of("LastName", "L", "Company", "C"), admin);
        org.merge("Lead", lead, List.of(dup));
        assertThat(row("SELECT IsDeleted FROM Lead WHERE Id = '" + dup + "'")).containsEntry("IsDeleted", true);
    }
}
