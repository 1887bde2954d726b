package dev.mosaic.graph;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant's trusted sources, most trusted first: the middle rule of survivorship. */
@Service
public class SourcePriorities {

    private final DSLContext db;

    public SourcePriorities(DSLContext db) {
        this.db = db;
    }

    public List<String> get(String tenantId) {
        return db.fetch("select system from source_priority where tenant_id = ? order by position", tenantId)
                .getValues("system", String.class);
    }

    /** Replaces the list. Entities keep their golden values until their next change or a recompute. */
    @Transactional
    public void set(String tenantId, List<String> systems) {
        if (systems.stream().distinct().count() != systems.size()) {
            throw new IllegalArgumentException("Each source may appear once in the trusted-sources list");
        }
        db.execute("delete from source_priority where tenant_id = ?", tenantId);
        for (int position = 0; position < systems.size(); position++) {
            db.execute("insert into source_priority (tenant_id, system, position) values (?, ?, ?)",
                    tenantId, systems.get(position), position);
        }
    }
}
