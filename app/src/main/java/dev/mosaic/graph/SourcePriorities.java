package dev.mosaic.graph;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** A tenant's trusted sources, most trusted first: the middle rule of survivorship. */
@Component
class SourcePriorities {

    private final DSLContext db;

    SourcePriorities(DSLContext db) {
        this.db = db;
    }

    List<String> get(String tenantId) {
        return db.fetch("select system from source_priority where tenant_id = ? order by position", tenantId)
                .getValues("system", String.class);
    }

    void set(String tenantId, List<String> systems) {
        db.execute("delete from source_priority where tenant_id = ?", tenantId);
        for (int position = 0; position < systems.size(); position++) {
            db.execute("insert into source_priority (tenant_id, system, position) values (?, ?, ?)",
                    tenantId, systems.get(position), position);
        }
    }
}
