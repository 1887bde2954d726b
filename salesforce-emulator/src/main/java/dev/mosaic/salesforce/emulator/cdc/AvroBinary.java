package dev.mosaic.salesforce.emulator.cdc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Avro's binary encoding, the little of it change events need: zig-zag varints, strings, doubles, booleans, arrays
 * of strings, and union branches. Written here rather than taken from the Avro library, so that the client, which
 * decodes with that library, checks it.
 */
final class AvroBinary {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    AvroBinary writeLong(long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            out.write((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.write((int) zigzag);
        return this;
    }

    AvroBinary writeInt(int value) {
        return writeLong(value);
    }

    AvroBinary writeString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeLong(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    AvroBinary writeBoolean(boolean value) {
        out.write(value ? 1 : 0);
        return this;
    }

    AvroBinary writeDouble(double value) {
        long bits = Double.doubleToLongBits(value);
        for (int i = 0; i < 8; i++) {
            out.write((int) (bits >>> (8 * i)));
        }
        return this;
    }

    /** An array of strings: one block of all items, then the empty block that ends it. */
    AvroBinary writeStrings(List<String> values) {
        if (!values.isEmpty()) {
            writeLong(values.size());
            values.forEach(this::writeString);
        }
        return writeLong(0);
    }

    /** Which branch of a union follows (0 is {@code null} in every union of a change event). */
    AvroBinary writeBranch(int index) {
        return writeLong(index);
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
