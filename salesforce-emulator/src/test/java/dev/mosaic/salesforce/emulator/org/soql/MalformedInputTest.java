package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.InMemoryOrg;
import dev.mosaic.salesforce.emulator.org.QueryMode;
import dev.mosaic.salesforce.emulator.org.SalesforceError;
import dev.mosaic.salesforce.emulator.org.SharedOrg;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Whatever a client sends, the engine answers with a Salesforce error, never a Java exception. */
class MalformedInputTest {
    private final InMemoryOrg org = SharedOrg.get();

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "SELECT", "SELECT FROM Contact", "SELECT Id,", "SELECT Id, FROM Contact",
            "SELECT Id FROM Contact WHERE", "SELECT Id FROM Contact WHERE Name", "SELECT Id FROM Contact WHERE Name =",
            "SELECT Id FROM Contact WHERE Name = 'unterminated", "SELECT Id FROM Contact WHERE (Name = 'x'",
            "SELECT Id FROM Contact WHERE Name = 'x')", "SELECT Id FROM Contact ORDER", "SELECT Id FROM Contact ORDER BY",
            "SELECT Id FROM Contact LIMIT", "SELECT Id FROM Contact LIMIT -1", "SELECT Id FROM Contact LIMIT 1.5",
            "SELECT Id FROM Contact OFFSET x", "SELECT Id FROM Contact WHERE Name IN ()", "SELECT Id FROM Contact WHERE Name IN 'x'",
            "SELECT Id FROM Contact WHERE CreatedDate = LAST_N_DAYS", "SELECT Id FROM Contact WHERE CreatedDate = LAST_N_DAYS:x",
            "SELECT Id FROM Contact WHERE CreatedDate = NOT_A_LITERAL", "SELECT Id FROM Contact WHERE CreatedDate > 2024-13-45T99:99:99Z",
            "SELECT Id FROM Contact WHERE Name = 'a\\q'", "SELECT Id FROM Contact WHERE Name LIKE 5",
            "SELECT Id FROM Contact WHERE IsDeleted > true", "SELECT Id FROM Contact WHERE Account. = 'x'",
            "SELECT .Name FROM Contact", "SELECT Account..Name FROM Contact", "SELECT Id FROM Contact GROUP BY", "SELECT Name FROM Account GROUP BY Name HAVING COUNT(Id) > 1",
            "SELECT Id FROM Contact; DROP TABLE", "SELECT Id FROM Contact WHERE Name = \"x\"", "SELECT COUNT( FROM Contact",
            "SELECT (SELECT Id FROM Nope) FROM Account", "SELECT Id, (SELECT Id FROM Contacts FROM Account",
            "SELECT MAX() FROM Contact", "SELECT Id FROM Contact WHERE Id IN ('003', 5)", "SELECT Id FROM 123",
            "SELECT Id FROM Contact WHERE NOT", "SELECT Id FROM Contact WHERE AccountId = '001xyz'"})
    void malformedStatementsFailAsSalesforceErrors(String soql) {
        Throwable t = catchThrowable(() -> org.query(soql, QueryMode.REST_QUERY, org.adminUser()));
        assertThat(t).isInstanceOf(SalesforceError.class);
        assertThat(((SalesforceError) t).httpStatus()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomTokenSoupNeverEscapesAsAJavaException(long seed) {
        String[] tokens = {"SELECT", "Id", "Name", "FROM", "Contact", "WHERE", "=", "!=", "<", "(", ")", ",", "'x'",
                "AND", "OR", "NOT", "IN", "LIKE", "LIMIT", "5", "ORDER", "BY", "DESC", "NULLS", "LAST", "null", "true",
                "2024-01-01", "2024-01-01T00:00:00Z", "TODAY", "LAST_N_DAYS", ":", "Account.Name", "COUNT", "OFFSET"};
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            StringBuilder soql = new StringBuilder("SELECT Id FROM Contact");
            if (random.nextBoolean()) {
                soql.setLength(0);
            }
            int n = 1 + random.nextInt(12);
            for (int k = 0; k < n; k++) {
                soql.append(' ').append(tokens[random.nextInt(tokens.length)]);
            }
            String statement = soql.toString();
            Throwable t = catchThrowable(() -> org.query(statement, QueryMode.REST_QUERY, org.adminUser())
                    .restRecords(0, 5, "59.0"));
            assertThat(t).as(statement).satisfiesAnyOf(x -> assertThat(x).isNull(),
                    x -> assertThat(x).isInstanceOf(SalesforceError.class));
        }
    }
}
