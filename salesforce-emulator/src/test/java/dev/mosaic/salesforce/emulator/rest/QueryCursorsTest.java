package dev.mosaic.salesforce.emulator.rest;

import dev.mosaic.salesforce.emulator.MutableClock;
import dev.mosaic.salesforce.emulator.org.OrgUser;
import dev.mosaic.salesforce.emulator.org.QueryResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueryCursorsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final OrgUser user = new OrgUser("005000000000001AAA", "u@example.com", "u@example.com", "U", false);

    @Test
    void theLeastRecentlyUsedCursorsGoWhenOpenCursorsHoldTooManyRows() {
        QueryCursors cursors = new QueryCursors(clock, 1000, 100);
        String first = cursors.open(rows(40), user, 200).id();
        String second = cursors.open(rows(40), user, 200).id();
        cursors.find(first, user); // now the most recently used
        String third = cursors.open(rows(40), user, 200).id();

        assertThat(cursors.find(second, user)).isEmpty();
        assertThat(cursors.find(first, user)).isPresent();
        assertThat(cursors.find(third, user)).isPresent();

        String huge = cursors.open(rows(500), user, 200).id();
        assertThat(cursors.find(huge, user)).as("a new cursor is kept even alone over budget").isPresent();
        assertThat(cursors.size()).isEqualTo(1);
    }

    @Test
    void expiredCursorsAreDroppedWhenTheNextOneOpens() {
        QueryCursors cursors = new QueryCursors(clock, 1000, 1_000_000);
        cursors.open(rows(10), user, 200);
        clock.advance(QueryCursors.LIFETIME.plus(Duration.ofSeconds(1)));

        String fresh = cursors.open(rows(10), user, 200).id();

        assertThat(cursors.size()).isEqualTo(1);
        assertThat(cursors.find(fresh, user)).isPresent();
    }

    private static QueryResult rows(int total) {
        return new QueryResult() {
            @Override
            public String objectName() {
                return "Account";
            }

            @Override
            public int totalSize() {
                return total;
            }

            @Override
            public boolean isCount() {
                return false;
            }

            @Override
            public List<Map<String, Object>> restRecords(int from, int to, String apiVersion) {
                return List.of();
            }

            @Override
            public List<String> csvHeader() {
                return List.of();
            }

            @Override
            public List<List<String>> csvRows(int from, int to) {
                return List.of();
            }
        };
    }
}
