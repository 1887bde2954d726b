package dev.mosaic.salesforce.emulator.org.schema;

import java.util.List;

/**
 * One field of an sObject as describe reports it, plus what the emulator needs to store it:
 * its column slot and whether field-level security hides it from the restricted user.
 */
public final class FieldDef {
    private final String name;
    private final FieldType type;
    private final String label;
    private final int length;
    private final int precision;
    private final int scale;
    private final boolean nillable;
    private final boolean createable;
    private final boolean updateable;
    private final boolean defaultedOnCreate;
    private final boolean calculated;
    private final boolean externalId;
    private final boolean idLookup;
    private final boolean unique;
    private final boolean nameField;
    private final List<String> referenceTo;
    private final String relationshipName;
    private final String compoundFieldName;
    private final List<String> picklistValues;
    private final String defaultPicklistValue;
    private final boolean hiddenFromRestricted;
    private final String childRelationshipName;
    private int column = -1;
    private FieldType.Storage storage;

    FieldDef(FieldBuilder b) {
        this.name = b.name;
        this.type = b.type;
        this.label = b.label;
        this.length = b.length;
        this.precision = b.precision;
        this.scale = b.scale;
        this.nillable = b.nillable;
        this.createable = b.createable;
        this.updateable = b.updateable;
        this.defaultedOnCreate = b.defaultedOnCreate;
        this.calculated = b.calculated;
        this.externalId = b.externalId;
        this.idLookup = b.idLookup;
        this.unique = b.unique;
        this.nameField = b.nameField;
        this.referenceTo = List.copyOf(b.referenceTo);
        this.relationshipName = b.relationshipName;
        this.compoundFieldName = b.compoundFieldName;
        this.picklistValues = List.copyOf(b.picklistValues);
        this.defaultPicklistValue = b.defaultPicklistValue;
        this.hiddenFromRestricted = b.hiddenFromRestricted;
        this.childRelationshipName = b.childRelationshipName;
        this.storage = b.type.storage();
    }

    public String name() { return name; }
    public FieldType type() { return type; }
    public String label() { return label; }
    public int length() { return length; }
    public int precision() { return precision; }
    public int scale() { return scale; }
    public boolean nillable() { return nillable; }
    public boolean createable() { return createable; }
    public boolean updateable() { return updateable; }
    public boolean defaultedOnCreate() { return defaultedOnCreate; }
    public boolean calculated() { return calculated; }
    public boolean externalId() { return externalId; }
    public boolean idLookup() { return idLookup; }
    public boolean unique() { return unique; }
    public boolean nameField() { return nameField; }
    public List<String> referenceTo() { return referenceTo; }
    public String relationshipName() { return relationshipName; }
    public String compoundFieldName() { return compoundFieldName; }
    public List<String> picklistValues() { return picklistValues; }
    public String defaultPicklistValue() { return defaultPicklistValue; }
    public boolean hiddenFromRestricted() { return hiddenFromRestricted; }
    /** The relationship name the referenced object lists this field under ({@code Contacts}), or null. */
    public String childRelationshipName() { return childRelationshipName; }

    /** How the store keeps values; references to objects the emulator does not model are kept as text. */
    public FieldType.Storage storage() { return storage; }

    void storeAsText() { this.storage = FieldType.Storage.TEXT; }

    public boolean polymorphic() { return referenceTo.size() > 1; }

    /** Required on create: the API refuses a create without it. */
    public boolean requiredOnCreate() {
        return createable && !nillable && !defaultedOnCreate && type != FieldType.BOOLEAN;
    }

    public boolean visibleTo(boolean restrictedUser) {
        return !(restrictedUser && hiddenFromRestricted);
    }

    /** Long text areas cannot be filtered, sorted or grouped on. */
    public boolean filterable() {
        return !type.isCompound() && !(type == FieldType.TEXTAREA && length > 255) && type != FieldType.BASE64;
    }

    public boolean sortable() {
        return filterable() && type != FieldType.MULTIPICKLIST;
    }

    public boolean groupable() {
        return sortable() && type != FieldType.DOUBLE && type != FieldType.CURRENCY && type != FieldType.PERCENT
                && type != FieldType.DATETIME;
    }

    public boolean aggregatable() {
        return filterable();
    }

    /** The store column holding this field, or -1 for compound fields (assembled from their parts). */
    public int column() { return column; }

    void assignColumn(int column) { this.column = column; }

    @Override
    public String toString() {
        return name + ":" + type.apiName();
    }
}
