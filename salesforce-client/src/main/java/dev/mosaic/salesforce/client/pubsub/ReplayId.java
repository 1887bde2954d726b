package dev.mosaic.salesforce.client.pubsub;

import java.util.Arrays;
import java.util.Base64;

/**
 * A position in a Pub/Sub topic: opaque bytes, kept and given back exactly as received (never a number: a replay id
 * rebuilt from a number is refused as corrupted). Stored as base64.
 */
public final class ReplayId {

    private final byte[] bytes;

    private ReplayId(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public static ReplayId of(byte[] bytes) {
        return new ReplayId(bytes);
    }

    public static ReplayId fromBase64(String base64) {
        return new ReplayId(Base64.getDecoder().decode(base64));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReplayId that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return base64();
    }
}
