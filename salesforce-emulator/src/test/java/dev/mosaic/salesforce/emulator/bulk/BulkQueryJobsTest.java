package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.MutableClock;
import dev.mosaic.salesforce.emulator.org.InMemoryOrg;
import dev.mosaic.salesforce.emulator.org.QueryMode;
import dev.mosaic.salesforce.emulator.org.QueryResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BulkQueryJobsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryOrg org = InMemoryOrg.generate(4, 3, clock);

    @Test
    void theOldestJobsGoWhenAllJobsTogetherHoldTooManyRows() {
        QueryResult accounts = org.query("SELECT Id FROM Account", QueryMode.BULK_QUERY, org.adminUser());
        int rows = accounts.totalSize();
        BulkQueryJobs jobs = new BulkQueryJobs(Runnable::run, org, 2L * rows);

        BulkQueryJob first = job("750000000000001AAA", accounts);
        jobs.submit(first);
        clock.advance(Duration.ofSeconds(1));
        BulkQueryJob second = job("750000000000002AAA", accounts);
        jobs.submit(second);
        clock.advance(Duration.ofSeconds(1));
        BulkQueryJob third = job("750000000000003AAA", accounts);
        jobs.submit(third);

        assertThat(rows).isPositive();
        assertThat(jobs.find(first.id())).isEmpty();
        assertThat(jobs.find(second.id())).isPresent();
        assertThat(jobs.find(third.id())).isPresent();
        assertThat(third.state()).isEqualTo(JobState.JobComplete);
    }

    private BulkQueryJob job(String id, QueryResult result) {
        return new BulkQueryJob(id, "query", org.adminUser().id(), clock.instant(), "59.0", "COMMA", "LF", result);
    }
}
