package dev.mosaic.salesforce.emulator.org.store;

import dev.mosaic.salesforce.emulator.org.schema.FieldDef;

import java.util.List;

/**
 * What one unit of work did to one record, as Change Data Capture tells it: made it, changed some of its fields,
 * deleted it or brought it back from the recycle bin. A record the unit changed several times is one change with its
 * end state.
 *
 * @param changed for an update, the fields whose value is not what it was (in schema order); empty otherwise
 */
public record RowChange(ObjectTable table, int row, Kind kind, List<FieldDef> changed) {

    public enum Kind { CREATE, UPDATE, DELETE, UNDELETE }
}
