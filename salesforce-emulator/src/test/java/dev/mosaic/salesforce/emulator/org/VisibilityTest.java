package dev.mosaic.salesforce.emulator.org;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class VisibilityTest {
    private final InMemoryOrg org = TestOrgs.shared();

    private int count(String soql, QueryMode mode, OrgUser user) {
        return org.query(soql, mode, user).totalSize();
    }

    @Test
    void queryHidesDeletedRowsAndQueryAllReturnsThem() {
        for (QueryMode[] pair : new QueryMode[][] {{QueryMode.REST_QUERY, QueryMode.REST_QUERY_ALL},
                {QueryMode.BULK_QUERY, QueryMode.BULK_QUERY_ALL}}) {
            int visible = count("SELECT Id FROM Contact", pair[0], org.adminUser());
            int all = count("SELECT Id FROM Contact", pair[1], org.adminUser());
            int deleted = count("SELECT Id FROM Contact WHERE IsDeleted = true", pair[1], org.adminUser());
            assertThat(deleted).isPositive();
            assertThat(visible + deleted).isEqualTo(all);
            assertThat(count("SELECT Id FROM Contact WHERE IsDeleted = true", pair[0], org.adminUser())).isZero();
        }
        assertThat(org.recordCounts().get("Contact").get("deleted"))
                .isEqualTo(count("SELECT Id FROM Contact WHERE IsDeleted = true", QueryMode.REST_QUERY_ALL,
                        org.adminUser()));
    }

    @Test
    void queryHidesArchivedActivitiesAndQueryAllReturnsThem() {
        int archived = count("SELECT Id FROM Event WHERE IsArchived = true", QueryMode.REST_QUERY_ALL, org.adminUser());
        assertThat(archived).isPositive();
        assertThat(count("SELECT Id FROM Event WHERE IsArchived = true", QueryMode.REST_QUERY, org.adminUser())).isZero();
        assertThat(count("SELECT Id FROM Event WHERE IsArchived = true", QueryMode.BULK_QUERY, org.adminUser())).isZero();
    }

    @Test
    void restrictedUserDoesNotSeeSensitiveFieldsInDescribe() {
        List<String> adminFields = fieldNames(org.describe("Contact", org.adminUser(), "59.0"));
        List<String> restrictedFields = fieldNames(org.describe("Contact", org.restrictedUser(), "59.0"));
        assertThat(adminFields).contains("Phone", "MobilePhone", "Birthdate", "Email");
        assertThat(restrictedFields).contains("Email").doesNotContain("Phone", "MobilePhone", "HomePhone", "Birthdate");
        assertThat(fieldNames(org.describe("Account", org.restrictedUser(), "59.0"))).doesNotContain("AnnualRevenue");
    }

    @SuppressWarnings("unchecked")
    private static List<String> fieldNames(Map<String, Object> describe) {
        return ((List<Map<String, Object>>) describe.get("fields")).stream().map(f -> (String) f.get("name")).toList();
    }

    @Test
    void restrictedUserNamingAHiddenFieldGetsInvalidField() {
        SalesforceError e = catchThrowableOfType(() -> org.query("SELECT Id, Phone FROM Contact", QueryMode.REST_QUERY,
                org.restrictedUser()), SalesforceError.class);
        assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(e.getMessage()).contains("No such column 'Phone' on entity 'Contact'.");
        SalesforceError viaParent = catchThrowableOfType(() -> org.query("SELECT Id, Account.AnnualRevenue FROM Contact",
                QueryMode.BULK_QUERY, org.restrictedUser()), SalesforceError.class);
        assertThat(viaParent.getMessage()).contains("No such column 'AnnualRevenue' on entity 'Account'.");
        assertThat(count("SELECT Id, Phone FROM Contact", QueryMode.REST_QUERY, org.adminUser())).isPositive();
    }

    @Test
    void restrictedUserRetrievesWithoutHiddenFields() {
        String id = (String) org.query("SELECT Id FROM Contact LIMIT 1", QueryMode.REST_QUERY, org.adminUser())
                .restRecords(0, 1, "59.0").get(0).get("Id");
        assertThat(org.retrieve("Contact", id, null, org.restrictedUser(), "59.0")).doesNotContainKeys("Phone",
                "Birthdate").containsKey("Email");
        assertThat(org.retrieve("Contact", id, null, org.adminUser(), "59.0")).containsKeys("Phone", "Birthdate");
    }
}
