package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.FieldType;

import java.util.Comparator;

/** Equality and order over stored values, as SOQL compares them (text case-insensitively). */
final class StoredValues {
    private StoredValues() {
    }

    /** Compares two non-null stored values of the field's kind; numbers compare numerically across int/double. */
    static Comparator<Object> comparator(FieldDef field) {
        if (field.storage() == FieldType.Storage.TEXT) {
            return (a, b) -> {
                int c = ((String) a).compareToIgnoreCase((String) b);
                return c != 0 ? c : ((String) a).compareTo((String) b);
            };
        }
        if (field.type().isNumeric()) {
            return (a, b) -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        if (field.storage() == FieldType.Storage.BOOLEAN) {
            return (a, b) -> Boolean.compare((Boolean) a, (Boolean) b);
        }
        return (a, b) -> Long.compare(((Number) a).longValue(), ((Number) b).longValue());
    }

    static boolean equal(FieldDef field, Object stored, Object literal) {
        if (field.storage() == FieldType.Storage.TEXT) {
            return ((String) stored).equalsIgnoreCase((String) literal);
        }
        if (field.type().isNumeric()) {
            return ((Number) stored).doubleValue() == ((Number) literal).doubleValue();
        }
        return stored.equals(literal);
    }

    /** The key a value has in an IN-set: lower-cased text, doubles for numbers. */
    static Object setKey(FieldDef field, Object value) {
        if (value == null) {
            return null;
        }
        if (field.storage() == FieldType.Storage.TEXT) {
            return ((String) value).toLowerCase(java.util.Locale.ROOT);
        }
        if (field.type().isNumeric()) {
            return ((Number) value).doubleValue();
        }
        return value;
    }
}
