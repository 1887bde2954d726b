package dev.mosaic.identity;

import dev.mosaic.platform.errors.InvalidInputException;
import dev.mosaic.platform.time.IsoInstants;
import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's matching settings: above which score Mosaic merges a scored pair without asking ({@code null}, the
 * default, asks a person every time). Exact keys merge at once whatever this says.
 */
@Service
public class MatchingSettings {

    /** Below this, most pairs merged would be two customers. */
    public static final double LOWEST_AUTO_MERGE = 0.5;

    private final DSLContext db;
    private final Clock clock;

    MatchingSettings(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Optional<Double> autoMergeAbove(String tenantId) {
        return db.fetchOptional("select auto_merge_above from matching_setting where tenant_id = ?", tenantId)
                .map(row -> row.get(0, Double.class));
    }

    @Transactional
    public void setAutoMergeAbove(String tenantId, Double threshold, String by) {
        if (threshold != null && (threshold.isNaN() || threshold < LOWEST_AUTO_MERGE || threshold > 1)) {
            throw new InvalidInputException("autoMergeAbove must be null (ask every time) or a score from "
                    + LOWEST_AUTO_MERGE + " to 1, such as 0.97");
        }
        db.execute("""
                insert into matching_setting (tenant_id, auto_merge_above, updated_by, updated_at) values (?, ?, ?, ?::timestamptz)
                on conflict (tenant_id) do update set auto_merge_above = excluded.auto_merge_above,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """, tenantId, threshold, by, IsoInstants.format(clock.instant()));
    }
}
