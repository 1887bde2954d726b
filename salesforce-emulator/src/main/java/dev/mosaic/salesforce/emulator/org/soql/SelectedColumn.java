package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.store.ObjectTable;

import java.util.List;

/** One bound entry of the SELECT list. */
sealed interface SelectedColumn {

    /** A field, possibly through lookups; compound leaves format as address objects. */
    record Field(FieldPath path) implements SelectedColumn {
    }

    /** TYPEOF: per parent object, the fields to show; {@code otherwise} for objects no branch names. */
    record TypeOf(dev.mosaic.salesforce.emulator.org.schema.FieldDef lookup, String relationshipName,
                  java.util.Map<String, List<FieldPath>> branches, List<FieldPath> otherwise) implements SelectedColumn {
    }

    /** A parent-to-child subquery: the children of each row through {@code parentField}. */
    record Children(String relationshipName, ObjectTable childTable, dev.mosaic.salesforce.emulator.org.schema.FieldDef parentField,
                    List<FieldPath> fields, RowFilter filter, RowOrdering order,
                    Integer limit) implements SelectedColumn {
    }
}
