package dev.mosaic.salesforce.client.pubsub;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes a change event's Avro payload with the schema it was written with, and expands its field bitmaps: the first
 * entry, {@code 0x…}, is a big-endian bit set over the schema's top-level fields; each {@code <position>-0x…} entry one
 * over the fields of the compound at that position. A compound's parts come out under their REST names: the
 * compound's name without {@code Address}, then the part ({@code BillingAddress.City} → {@code BillingCity}); a name's
 * parts keep theirs ({@code Name.LastName} → {@code LastName}).
 */
final class ChangeEventDecoder {

    private static final String HEADER = "ChangeEventHeader";

    private ChangeEventDecoder() {
    }

    static ChangeEvent decode(Schema schema, byte[] payload, ReplayId replayId) {
        GenericRecord event;
        try {
            event = new GenericDatumReader<GenericRecord>(schema).read(null, DecoderFactory.get().binaryDecoder(payload, null));
        } catch (IOException e) {
            throw new UncheckedIOException("A change event does not match its schema " + schema.getFullName(), e);
        }
        GenericRecord header = (GenericRecord) event.get(HEADER);
        Set<String> changed = fieldNames(schema, (List<?>) header.get("changedFields"));
        Set<String> nulled = fieldNames(schema, (List<?>) header.get("nulledFields"));
        Map<String, Object> values = new LinkedHashMap<>();
        for (Schema.Field field : schema.getFields()) {
            if (field.name().equals(HEADER)) {
                continue;
            }
            Object value = event.get(field.pos());
            if (value instanceof GenericRecord compound) {
                for (Schema.Field part : compound.getSchema().getFields()) {
                    put(values, partName(field.name(), part.name()), compound.get(part.pos()));
                }
            } else {
                put(values, field.name(), value);
            }
        }
        nulled.forEach(name -> values.put(name, null));
        List<String> recordIds = new ArrayList<>();
        ((List<?>) header.get("recordIds")).forEach(id -> recordIds.add(id.toString()));
        return new ChangeEvent(header.get("entityName").toString(), header.get("changeType").toString(), recordIds,
                header.get("transactionKey").toString(), (Integer) header.get("sequenceNumber"),
                Instant.ofEpochMilli((Long) header.get("commitTimestamp")), header.get("commitUser").toString(),
                changed, nulled, values, replayId);
    }

    private static void put(Map<String, Object> values, String name, Object value) {
        if (value != null) {
            values.put(name, value instanceof Utf8 || value instanceof CharSequence ? value.toString() : value);
        }
    }

    /** The REST name of a compound's part. */
    static String partName(String compound, String part) {
        return compound.endsWith("Address") ? compound.substring(0, compound.length() - "Address".length()) + part : part;
    }

    /** The REST names of the fields a list of bitmaps marks. */
    static Set<String> fieldNames(Schema schema, List<?> bitmaps) {
        Set<String> names = new LinkedHashSet<>();
        for (Object entry : bitmaps) {
            String bitmap = entry.toString();
            int dash = bitmap.indexOf('-');
            BigInteger bits = new BigInteger(bitmap.substring(dash + 3), 16);
            if (dash < 0) {
                for (int i = bits.getLowestSetBit(); i >= 0 && i < bits.bitLength(); i++) {
                    if (bits.testBit(i)) {
                        names.addAll(topLevel(schema.getFields().get(i)));
                    }
                }
            } else {
                Schema.Field compound = schema.getFields().get(Integer.parseInt(bitmap.substring(0, dash)));
                List<Schema.Field> parts = recordOf(compound.schema()).getFields();
                for (int i = 0; i < bits.bitLength(); i++) {
                    if (bits.testBit(i)) {
                        names.add(partName(compound.name(), parts.get(i).name()));
                    }
                }
            }
        }
        return names;
    }

    /** A top-level field's REST names: itself, or every part of a compound. */
    private static List<String> topLevel(Schema.Field field) {
        Schema record = recordOf(field.schema());
        if (record == null) {
            return List.of(field.name());
        }
        return record.getFields().stream().map(part -> partName(field.name(), part.name())).toList();
    }

    /** The record type of a field (inside its union with null), or null when it is no record. */
    private static Schema recordOf(Schema type) {
        if (type.getType() == Schema.Type.RECORD) {
            return type;
        }
        if (type.getType() == Schema.Type.UNION) {
            return type.getTypes().stream().filter(t -> t.getType() == Schema.Type.RECORD).findFirst().orElse(null);
        }
        return null;
    }
}
