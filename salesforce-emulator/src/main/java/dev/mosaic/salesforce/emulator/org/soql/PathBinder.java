package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;
import dev.mosaic.salesforce.emulator.org.schema.StandardSchema;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Resolves dotted field names against the schema, as the user is allowed to see it. */
final class PathBinder {
    private final String soql;
    private final RecordStore store;
    private final boolean restrictedUser;

    PathBinder(String soql, RecordStore store, boolean restrictedUser) {
        this.soql = soql;
        this.store = store;
        this.restrictedUser = restrictedUser;
    }

    FieldPath bind(ObjectDef root, String dotted, int offset) {
        String[] parts = dotted.split("\\.", -1);
        int tables = store.tables().size();
        List<ObjectDef> current = List.of(root);
        // A path may start with the object's own name: SELECT Contact.Email FROM Contact.
        int start = 0;
        if (parts.length > 1 && parts[0].equalsIgnoreCase(root.name()) && root.relationship(parts[0]) == null) {
            start = 1;
        }
        List<String> relationships = new ArrayList<>();
        FieldDef[][] levels = new FieldDef[parts.length - start][];
        StringBuilder canonical = new StringBuilder();
        for (int i = start; i < parts.length; i++) {
            String part = parts[i];
            int level = i - start;
            boolean last = i == parts.length - 1;
            FieldDef[] byCode = new FieldDef[tables];
            FieldDef example = null;
            List<ObjectDef> next = new ArrayList<>();
            if (current.size() > 1) {
                // After a polymorphic lookup only the Name entity's fields are reachable, and no lookups.
                if (!last) {
                    throw SoqlErrors.badRelationship(soql, offset, part);
                }
                if (!StandardSchema.NAME_ENTITY_FIELDS.contains(part.toLowerCase(Locale.ROOT))) {
                    throw SoqlErrors.noSuchColumn(soql, offset, part, "Name");
                }
                if (part.equalsIgnoreCase("Type")) {
                    for (ObjectDef obj : current) {
                        byCode[store.table(obj).code()] = StandardSchema.OBJECT_TYPE;
                    }
                    levels[level] = byCode;
                    canonical.append('.').append("Type");
                    return new FieldPath(canonical.toString(), List.copyOf(relationships), levels,
                            StandardSchema.OBJECT_TYPE, store);
                }
            }
            for (ObjectDef obj : current) {
                FieldDef f = last ? obj.field(part) : obj.relationship(part);
                if (f == null || !f.visibleTo(restrictedUser)) {
                    continue;
                }
                byCode[store.table(obj).code()] = f;
                if (example == null) {
                    example = f;
                }
                if (!last) {
                    for (String target : f.referenceTo()) {
                        ObjectDef t = store.schema().object(target);
                        if (t != null && !next.contains(t)) {
                            next.add(t);
                        }
                    }
                }
            }
            if (example == null) {
                String entity = current.size() == 1 ? current.get(0).name() : "Name";
                if (last) {
                    throw SoqlErrors.noSuchColumn(soql, offset, part, entity);
                }
                throw SoqlErrors.badRelationship(soql, offset, part);
            }
            if (!last && next.isEmpty()) {
                throw SoqlErrors.badRelationship(soql, offset, part);
            }
            levels[level] = byCode;
            if (canonical.length() > 0) {
                canonical.append('.');
            }
            if (last) {
                canonical.append(example.name());
                return new FieldPath(canonical.toString(), List.copyOf(relationships), levels, example, store);
            }
            canonical.append(example.relationshipName());
            relationships.add(example.relationshipName());
            current = next;
        }
        throw SoqlErrors.noSuchColumn(soql, offset, dotted, root.name());
    }
}
