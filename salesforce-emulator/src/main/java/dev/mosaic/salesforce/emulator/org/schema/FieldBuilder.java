package dev.mosaic.salesforce.emulator.org.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Fluent construction of a {@link FieldDef} with Salesforce's defaults for each type. */
public final class FieldBuilder {
    final String name;
    final FieldType type;
    String label;
    int length;
    int precision;
    int scale;
    boolean nillable = true;
    boolean createable = true;
    boolean updateable = true;
    boolean defaultedOnCreate;
    boolean calculated;
    boolean externalId;
    boolean idLookup;
    boolean unique;
    boolean nameField;
    List<String> referenceTo = new ArrayList<>();
    String relationshipName;
    String compoundFieldName;
    List<String> picklistValues = new ArrayList<>();
    String defaultPicklistValue;
    boolean hiddenFromRestricted;
    String childRelationshipName;

    FieldBuilder(String name, FieldType type, String label) {
        this.name = name;
        this.type = type;
        this.label = label;
        switch (type) {
            case ID -> { length = 18; nillable = false; createable = false; updateable = false;
                defaultedOnCreate = true; idLookup = true; }
            case REFERENCE -> length = 18;
            case STRING, PHONE, URL, COMBOBOX -> length = 255;
            case EMAIL -> { length = 80; idLookup = true; }
            case PICKLIST, MULTIPICKLIST -> length = 255;
            case TEXTAREA -> length = 255;
            case BOOLEAN -> { nillable = false; defaultedOnCreate = true; }
            case INT -> precision = 0;
            case DOUBLE -> { precision = 18; scale = 0; }
            case CURRENCY -> { precision = 18; scale = 2; }
            case PERCENT -> { precision = 3; scale = 0; }
            case ADDRESS, LOCATION -> { createable = false; updateable = false; }
            default -> { }
        }
    }

    public FieldBuilder length(int length) { this.length = length; return this; }
    public FieldBuilder precision(int precision, int scale) { this.precision = precision; this.scale = scale; return this; }
    public FieldBuilder required() { this.nillable = false; return this; }
    public FieldBuilder readOnly() { this.createable = false; this.updateable = false; return this; }
    public FieldBuilder createOnly() { this.updateable = false; return this; }
    public FieldBuilder defaulted() { this.defaultedOnCreate = true; return this; }
    public FieldBuilder calculated() { this.calculated = true; return readOnly(); }
    public FieldBuilder externalId() { this.externalId = true; this.idLookup = true; return this; }
    public FieldBuilder idLookup() { this.idLookup = true; return this; }
    public FieldBuilder unique() { this.unique = true; return this; }
    public FieldBuilder nameField() { this.nameField = true; this.idLookup = true; return this; }
    public FieldBuilder hiddenFromRestricted() { this.hiddenFromRestricted = true; return this; }
    public FieldBuilder compoundOf(String compound) { this.compoundFieldName = compound; return this; }
    public FieldBuilder system() {
        this.createable = false;
        this.updateable = false;
        this.nillable = false;
        this.defaultedOnCreate = true;
        return this;
    }

    public FieldBuilder references(String relationshipName, String... objects) {
        this.relationshipName = relationshipName;
        this.referenceTo = new ArrayList<>(Arrays.asList(objects));
        return this;
    }

    public FieldBuilder children(String childRelationshipName) {
        this.childRelationshipName = childRelationshipName;
        return this;
    }

    public FieldBuilder picklist(String... values) {
        this.picklistValues = new ArrayList<>(Arrays.asList(values));
        return this;
    }

    public FieldBuilder defaultValue(String value) {
        this.defaultPicklistValue = value;
        this.defaultedOnCreate = true;
        return this;
    }

    FieldDef build() {
        return new FieldDef(this);
    }
}
