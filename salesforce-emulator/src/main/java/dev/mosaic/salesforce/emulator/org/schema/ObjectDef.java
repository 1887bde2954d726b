package dev.mosaic.salesforce.emulator.org.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One sObject: its describe-level facts and its fields in Salesforce's describe order. */
public final class ObjectDef {
    private final String name;
    private final String label;
    private final String labelPlural;
    private final String keyPrefix;
    private final boolean mergeable;
    private final boolean activity;
    private final List<FieldDef> fields = new ArrayList<>();
    private final Map<String, FieldDef> byLowerName = new LinkedHashMap<>();
    private final Map<String, FieldDef> byLowerRelationship = new LinkedHashMap<>();
    private final List<ChildRelationship> childRelationships = new ArrayList<>();
    private int columnCount;

    /** A parent-to-child relationship as describe lists it on the parent. */
    public record ChildRelationship(String childSObject, String field, String relationshipName, boolean cascadeDelete) {
    }

    ObjectDef(String name, String label, String labelPlural, String keyPrefix, boolean mergeable, boolean activity) {
        this.name = name;
        this.label = label;
        this.labelPlural = labelPlural;
        this.keyPrefix = keyPrefix;
        this.mergeable = mergeable;
        this.activity = activity;
    }

    void add(FieldDef field) {
        fields.add(field);
        byLowerName.put(field.name().toLowerCase(Locale.ROOT), field);
        if (field.relationshipName() != null) {
            byLowerRelationship.put(field.relationshipName().toLowerCase(Locale.ROOT), field);
        }
        if (!field.type().isCompound()) {
            field.assignColumn(columnCount++);
        }
    }

    void addChild(ChildRelationship child) {
        childRelationships.add(child);
    }

    public String name() { return name; }
    public String label() { return label; }
    public String labelPlural() { return labelPlural; }
    public String keyPrefix() { return keyPrefix; }
    public boolean mergeable() { return mergeable; }
    /** Tasks and Events: archived after a year, which only queryAll returns. */
    public boolean activity() { return activity; }
    public List<FieldDef> fields() { return Collections.unmodifiableList(fields); }
    public List<ChildRelationship> childRelationships() { return Collections.unmodifiableList(childRelationships); }
    public int columnCount() { return columnCount; }

    /** Case-insensitive field lookup, or null. */
    public FieldDef field(String name) {
        return byLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    /** The reference field behind a relationship name ({@code Account} → {@code AccountId}), or null. */
    public FieldDef relationship(String relationshipName) {
        return byLowerRelationship.get(relationshipName.toLowerCase(Locale.ROOT));
    }

    public ChildRelationship childRelationship(String relationshipName) {
        for (ChildRelationship child : childRelationships) {
            if (child.relationshipName() != null && child.relationshipName().equalsIgnoreCase(relationshipName)) {
                return child;
            }
        }
        return null;
    }

    /** The parts of a compound field, in describe order. */
    public List<FieldDef> compoundParts(FieldDef compound) {
        List<FieldDef> parts = new ArrayList<>();
        for (FieldDef f : fields) {
            if (compound.name().equals(f.compoundFieldName())) {
                parts.add(f);
            }
        }
        return parts;
    }

    @Override
    public String toString() {
        return name;
    }
}
