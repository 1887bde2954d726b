package dev.mosaic.salesforce.emulator.cdc;

import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.FieldType;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;
import dev.mosaic.salesforce.emulator.org.store.RowChange;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Encodes one record's change as Salesforce's Pub/Sub API sends it: a create or an undelete carries every field that
 * has a value, an update only the fields it changed (and {@code LastModifiedDate}) with the others null, a delete and a
 * gap nothing but the header. {@code changedFields} and {@code nulledFields} are bitmaps over the schema's top-level
 * fields ({@code "0x…"}), with one {@code "<position>-0x…"} entry per compound whose parts changed.
 */
final class ChangeEventEncoder {

    /** Who committed what, when: the header fields every event of a transaction shares, and its own number in it. */
    record Commit(String transactionKey, int sequenceNumber, long commitTimestamp, long commitNumber, String commitUser) {
    }

    private ChangeEventEncoder() {
    }

    static byte[] encode(ChangeEventSchema schema, RecordStore store, RowChange change, Commit commit) {
        ObjectTable table = change.table();
        String id = store.idOf(table, change.row());
        Set<FieldDef> sent = switch (change.kind()) {
            case CREATE, UNDELETE -> null;
            case UPDATE -> updated(table, change.changed());
            case DELETE -> Set.of();
        };
        List<String> changed = new ArrayList<>();
        List<String> nulled = new ArrayList<>();
        if (change.kind() == RowChange.Kind.UPDATE) {
            changed.addAll(bitmap(schema, sent, field -> true));
            nulled.addAll(bitmap(schema, sent, field -> table.get(change.row(), field) == null));
        }
        AvroBinary out = header(schema, List.of(id), change.kind().name(), commit, nulled, changed);
        for (ChangeEventSchema.Field field : schema.fields()) {
            if (field.isCompound()) {
                boolean any = field.parts().stream().anyMatch(part -> sends(sent, part.field())
                        && table.get(change.row(), part.field()) != null);
                if (!any) {
                    out.writeBranch(0);
                    continue;
                }
                out.writeBranch(1);
                for (ChangeEventSchema.Part part : field.parts()) {
                    value(out, store, part.field(), sends(sent, part.field()) ? table.get(change.row(), part.field()) : null);
                }
            } else {
                value(out, store, field.plain(), sends(sent, field.plain()) ? table.get(change.row(), field.plain()) : null);
            }
        }
        return out.bytes();
    }

    /** A gap or an overflow: the header and nothing else, for records whose change Salesforce could not send. */
    static byte[] gap(ChangeEventSchema schema, List<String> recordIds, String changeType, Commit commit) {
        AvroBinary out = header(schema, recordIds, changeType, commit, List.of(), List.of());
        schema.fields().forEach(field -> out.writeBranch(0));
        return out.bytes();
    }

    private static AvroBinary header(ChangeEventSchema schema, List<String> recordIds, String changeType, Commit commit,
                                     List<String> nulled, List<String> changed) {
        return new AvroBinary().writeString(schema.object().name()).writeStrings(recordIds)
                .writeInt(ChangeEventSchema.CHANGE_TYPES.indexOf(changeType)).writeString("")
                .writeString(commit.transactionKey()).writeInt(commit.sequenceNumber()).writeLong(commit.commitTimestamp())
                .writeLong(commit.commitNumber()).writeString(commit.commitUser()).writeStrings(nulled)
                .writeStrings(List.of()).writeStrings(changed);
    }

    /** An update sends the fields it changed, and always LastModifiedDate (stamped to the second, it may not move). */
    private static Set<FieldDef> updated(ObjectTable table, List<FieldDef> changed) {
        Set<FieldDef> sent = new HashSet<>(changed);
        FieldDef lastModified = table.def().field("LastModifiedDate");
        if (lastModified != null) {
            sent.add(lastModified);
        }
        return sent;
    }

    private static boolean sends(Set<FieldDef> sent, FieldDef field) {
        return sent == null || sent.contains(field);
    }

    private static void value(AvroBinary out, RecordStore store, FieldDef field, Object value) {
        if (value == null) {
            out.writeBranch(0);
            return;
        }
        out.writeBranch(1);
        if (field.storage() == FieldType.Storage.REF) {
            out.writeString(store.idOf((Long) value));
            return;
        }
        switch (field.type()) {
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case INT -> out.writeInt(Math.toIntExact((Long) value));
            case DOUBLE, CURRENCY, PERCENT -> out.writeDouble(((Number) value).doubleValue());
            case DATE -> out.writeLong((Long) value * 86_400_000L);
            case DATETIME -> out.writeLong((Long) value);
            default -> out.writeString(value.toString());
        }
    }

    /**
     * The fields {@code sent} that pass {@code test}, as Salesforce's bitmap strings: the top-level one first, then one
     * per compound with parts among them. Empty when none pass.
     */
    private static List<String> bitmap(ChangeEventSchema schema, Set<FieldDef> sent,
                                       java.util.function.Predicate<FieldDef> test) {
        BitSet top = new BitSet();
        List<String> nested = new ArrayList<>();
        List<ChangeEventSchema.Field> fields = schema.fields();
        for (int i = 0; i < fields.size(); i++) {
            ChangeEventSchema.Field field = fields.get(i);
            if (field.isCompound()) {
                BitSet parts = new BitSet();
                for (int p = 0; p < field.parts().size(); p++) {
                    FieldDef part = field.parts().get(p).field();
                    if (sent.contains(part) && test.test(part)) {
                        parts.set(p);
                    }
                }
                if (!parts.isEmpty()) {
                    nested.add((i + 1) + "-" + hex(parts));
                }
            } else if (sent.contains(field.plain()) && test.test(field.plain())) {
                top.set(i + 1);
            }
        }
        if (top.isEmpty() && nested.isEmpty()) {
            return List.of();
        }
        List<String> bitmaps = new ArrayList<>();
        bitmaps.add(top.isEmpty() ? "0x00" : hex(top));
        bitmaps.addAll(nested);
        return bitmaps;
    }

    /** Bit i of the set is bit i of a big-endian number, written in whole bytes of upper-case hex. */
    static String hex(BitSet bits) {
        byte[] littleEndian = bits.toByteArray();
        StringBuilder out = new StringBuilder("0x");
        for (int i = littleEndian.length - 1; i >= 0; i--) {
            out.append(String.format(Locale.ROOT, "%02X", littleEndian[i] & 0xFF));
        }
        return out.toString();
    }
}
