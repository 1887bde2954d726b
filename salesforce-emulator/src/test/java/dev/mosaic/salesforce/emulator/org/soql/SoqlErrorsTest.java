package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.InMemoryOrg;
import dev.mosaic.salesforce.emulator.org.QueryMode;
import dev.mosaic.salesforce.emulator.org.SalesforceError;
import dev.mosaic.salesforce.emulator.org.SharedOrg;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SoqlErrorsTest {
    private static final String FIELD_HINT = "If you are attempting to use a custom field, be sure to append the "
            + "'__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate "
            + "names.";
    private final InMemoryOrg org = SharedOrg.get();

    private SalesforceError error(String soql, QueryMode mode) {
        return catchThrowableOfType(() -> org.query(soql, mode, org.adminUser()), SalesforceError.class);
    }

    private SalesforceError error(String soql) {
        return error(soql, QueryMode.REST_QUERY);
    }

    @Test
    void misspelledKeywordIsAnUnexpectedToken() {
        SalesforceError e = error("SELECT Id FORM Contact");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(e.getMessage()).isEqualTo("\nSELECT Id FORM Contact\n          ^\nERROR at Row:1:Column:11\n"
                + "unexpected token: 'FORM'");
    }

    @Test
    void pathologicallyNestedConditionsAreMalformedNotAStackOverflow() {
        String deepParens = "(".repeat(20_000) + "Name = 'a'" + ")".repeat(20_000);
        String deepNots = "NOT ".repeat(20_000) + "Name = 'a'";
        String allowed = "(".repeat(SoqlParser.MAX_NESTING) + "Name = 'a'" + ")".repeat(SoqlParser.MAX_NESTING);

        assertThat(error("SELECT Id FROM Account WHERE " + deepParens).errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(error("SELECT Id FROM Account WHERE " + deepNots, QueryMode.BULK_QUERY).errorCode())
                .isEqualTo("MALFORMED_QUERY");
        assertThat(org.query("SELECT Id FROM Account WHERE " + allowed, QueryMode.REST_QUERY, org.adminUser()).totalSize())
                .isZero();
    }

    @Test
    void tooLargeDateLiteralNumbersAndBadUnicodeEscapesAreMalformedNotA500() {
        assertThat(error("SELECT Id FROM Account WHERE CreatedDate > LAST_N_DAYS:99999999999").errorCode())
                .isEqualTo("MALFORMED_QUERY");
        // The largest N still names dates a LocalDate can hold, so it is a valid (empty-handed) filter.
        assertThat(org.query("SELECT Id FROM Account WHERE CreatedDate > NEXT_N_MONTHS:2147483647",
                QueryMode.REST_QUERY, org.adminUser()).totalSize()).isZero();
        assertThat(error("SELECT Id FROM Account WHERE Name = '\\uZZZZ'").errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(error("SELECT Id FROM Account WHERE Name = '\\u12'").errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(org.query("SELECT Id FROM Account WHERE Name = '\\u0041cme' AND CreatedDate > LAST_N_DAYS:36500",
                QueryMode.REST_QUERY, org.adminUser()).totalSize()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void semiJoinsCannotNest() {
        SalesforceError e = error("SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact "
                + "WHERE Id IN (SELECT ContactId FROM OpportunityContactRole))");

        assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(e.getMessage()).endsWith("Nesting of semi join sub-selects is not supported");
        // Two side by side are fine.
        assertThat(org.query("SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact) "
                + "AND Id NOT IN (SELECT AccountId FROM Opportunity)", QueryMode.REST_QUERY, org.adminUser())
                .totalSize()).isNotNegative();
    }

    @Test
    void missingObjectNameIsAnUnexpectedEndOfInput() {
        assertThat(error("SELECT Id FROM").getMessage()).endsWith("unexpected token: '<EOF>'");
        assertThat(error("SELECT Id FROM Contact WHERE").errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(error("SELECT Id FROM Contact LIMIT 'x'").errorCode()).isEqualTo("MALFORMED_QUERY");
    }

    @Test
    void unknownFieldNamesTheColumnWithCaretAndPosition() {
        SalesforceError e = error("SELECT Id, SF_date__c FROM Lead");
        assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(e.getMessage()).isEqualTo("\nSELECT Id, SF_date__c FROM Lead\n           ^\n"
                + "ERROR at Row:1:Column:12\nNo such column 'SF_date__c' on entity 'Lead'. " + FIELD_HINT);
    }

    @Test
    void errorRowAndColumnCountLines() {
        SalesforceError e = error("SELECT Id\nFROM Contact\nWHERE Nope = 1");
        assertThat(e.getMessage()).isEqualTo("\nWHERE Nope = 1\n      ^\nERROR at Row:3:Column:7\n"
                + "No such column 'Nope' on entity 'Contact'. " + FIELD_HINT);
    }

    @Test
    void unknownObjectIsInvalidType() {
        SalesforceError e = error("SELECT Id FROM Contacts");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo("INVALID_TYPE");
        assertThat(e.getMessage()).endsWith("sObject type 'Contacts' is not supported. If you are attempting to use a "
                + "custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the "
                + "describe call for the appropriate names.");
    }

    @Test
    void unknownRelationshipIsNotUnderstood() {
        SalesforceError e = error("SELECT Id, Acount.Name FROM Contact");
        assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(e.getMessage()).endsWith("Didn't understand relationship 'Acount' in field path. If you are "
                + "attempting to use a custom relationship, be sure to append the '__r' after the custom relationship "
                + "name. Please reference your WSDL or the describe call for the appropriate names.");
    }

    @Test
    void unknownFieldOnAParentNamesTheParentEntity() {
        assertThat(error("SELECT Account.Nope FROM Contact").getMessage())
                .endsWith("No such column 'Nope' on entity 'Account'. " + FIELD_HINT);
    }

    @Test
    void wronglyTypedFilterValuesAreRefused() {
        SalesforceError quoted = error("SELECT Id FROM Account WHERE NumberOfEmployees = '5'");
        assertThat(quoted.errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(quoted.getMessage()).endsWith("value of filter criterion for field 'NumberOfEmployees' must be of "
                + "type integer and should not be enclosed in quotes");
        assertThat(error("SELECT Id FROM Account WHERE Name = 5").getMessage())
                .endsWith("value of filter criterion for field 'Name' must be of type string and should be enclosed "
                        + "in quotes");
        assertThat(error("SELECT Id FROM Account WHERE CreatedDate > 2024-01-01").getMessage())
                .endsWith("must be of type dateTime and should not be enclosed in quotes");
    }

    @Test
    void malformedIdInFilterIsAnInvalidIdField() {
        SalesforceError e = error("SELECT Id FROM Account WHERE Id = 'abc'");
        assertThat(e.errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
        assertThat(e.getMessage()).endsWith("invalid ID field: abc");
    }

    @Test
    void longTextCannotBeFilteredOrSorted() {
        assertThat(error("SELECT Id FROM Contact WHERE Description = 'x'").getMessage())
                .endsWith("field 'Description' can not be filtered in a query call");
        assertThat(error("SELECT Id FROM Contact ORDER BY Description").getMessage())
                .endsWith("field 'Description' can not be sorted in a query call");
    }

    @Test
    void offsetAboveTwoThousandIsOutOfRange() {
        SalesforceError e = error("SELECT Id FROM Task LIMIT 10 OFFSET 2001");
        assertThat(e.errorCode()).isEqualTo("NUMBER_OUTSIDE_VALID_RANGE");
        assertThat(e.getMessage()).isEqualTo("Maximum SOQL offset allowed is 2000");
    }

    @Test
    void bulkRefusesCompoundFieldsSubqueriesAndAggregates() {
        SalesforceError compound = error("SELECT Id, MailingAddress FROM Contact", QueryMode.BULK_QUERY);
        assertThat(compound.httpStatus()).isEqualTo(400);
        assertThat(compound.errorCode()).isEqualTo("API_ERROR");
        assertThat(compound.getMessage()).isEqualTo("Selecting compound data not supported in Bulk Query");
        assertThat(error("SELECT Id, Account.BillingAddress FROM Contact", QueryMode.BULK_QUERY_ALL).getMessage())
                .isEqualTo("Selecting compound data not supported in Bulk Query");
        assertThat(error("SELECT Id, (SELECT Id FROM Contacts) FROM Account", QueryMode.BULK_QUERY).getMessage())
                .isEqualTo("Aggregate Relationships not supported in Bulk Query");
        assertThat(error("SELECT COUNT() FROM Account", QueryMode.BULK_QUERY).errorCode()).isEqualTo("API_ERROR");
        // REST serves all of them.
        assertThat(org.query("SELECT Id, MailingAddress FROM Contact", QueryMode.REST_QUERY, org.adminUser())
                .totalSize()).isPositive();
    }

    @Test
    void mixingAndWithOrNeedsParentheses() {
        SalesforceError e = error("SELECT Id FROM Lead WHERE Rating = 'Hot' AND Status = 'x' OR Rating = 'Cold'");
        assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(e.getMessage()).endsWith("unexpected token: 'OR'");
        assertThat(org.query("SELECT Id FROM Lead WHERE Rating = 'Hot' AND (Status = 'x' OR Rating = 'Cold')",
                QueryMode.REST_QUERY, org.adminUser()).totalSize()).isZero();
    }

    @Test
    void aFieldSelectedTwiceIsRefused() {
        SalesforceError e = error("SELECT Id, Name, id FROM Account");
        assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(e.getMessage()).isEqualTo("duplicate field selected: Id");
    }

    @Test
    void aggregatesNeedGroupingForPlainFieldsAndNumbersForSums() {
        SalesforceError mixed = error("SELECT Name, COUNT(Id) FROM Account");
        assertThat(mixed.errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(mixed.getMessage()).endsWith("Field must be grouped or aggregated: Name");
        assertThat(error("SELECT SUM(Name) FROM Account").getMessage())
                .endsWith("field Name does not support aggregate operator SUM");
        assertThat(error("SELECT MAX(SystemModstamp) FROM Account", QueryMode.BULK_QUERY).errorCode())
                .isEqualTo("API_ERROR");
    }

    @Test
    void fieldsAllNeedsASmallLimitAndCannotRepeatAField() {
        assertThat(error("SELECT FIELDS(ALL) FROM Contact").getMessage())
                .endsWith("The SOQL FIELDS function must have a LIMIT of at most 200");
        assertThat(error("SELECT Id, FIELDS(ALL) FROM User LIMIT 200").getMessage())
                .isEqualTo("duplicate field selected: Id");
    }

    @Test
    void groupByNeedsSelectedFieldsGroupedAndIsRestOnly() {
        assertThat(error("SELECT StageName, Name, COUNT(Id) FROM Opportunity GROUP BY StageName").getMessage())
                .endsWith("Field must be grouped or aggregated: Name");
        assertThat(error("SELECT StageName FROM Opportunity GROUP BY StageName", QueryMode.BULK_QUERY).errorCode())
                .isEqualTo("API_ERROR");
        assertThat(error("SELECT Description, COUNT(Id) FROM Account GROUP BY Description").getMessage())
                .endsWith("field 'Description' can not be grouped in a query call");
    }

    @Test
    void polymorphicLookupsReachOnlyTheNameEntity() {
        assertThat(error("SELECT Who.AccountId FROM Task").getMessage())
                .endsWith("No such column 'AccountId' on entity 'Name'. " + FIELD_HINT);
        assertThat(error("SELECT What.Owner.Email FROM Task").errorCode()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void typeOfNeedsAPolymorphicLookupAndIsRestOnly() {
        assertThat(error("SELECT TYPEOF Account WHEN Account THEN Name END FROM Contact").errorCode())
                .isEqualTo("MALFORMED_QUERY");
        assertThat(error("SELECT TYPEOF What WHEN Contact THEN Name END FROM Task").errorCode())
                .isEqualTo("MALFORMED_QUERY");
        assertThat(error("SELECT TYPEOF What WHEN Account THEN Name END FROM Task", QueryMode.BULK_QUERY).errorCode())
                .isEqualTo("API_ERROR");
    }
}
