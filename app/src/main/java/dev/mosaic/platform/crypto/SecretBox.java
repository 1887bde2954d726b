package dev.mosaic.platform.crypto;

import dev.mosaic.platform.config.MosaicProperties;
import dev.mosaic.platform.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals secrets at rest (a Connected App's consumer secret, a refresh token) with AES-256-GCM. The key comes
 * from {@code MOSAIC_SECRET_KEY} (32 random bytes in base64, e.g. {@code openssl rand -base64 32}); without it,
 * a key is generated once into {@value #KEY_FILE} in the data directory, readable by its owner only.
 *
 * <p>Each sealed value is bound to a context (its tenant and row): a sealed value copied into another row does
 * not open there. Layout: a version byte, the 12-byte nonce, then ciphertext and tag.
 */
@Component
public class SecretBox {

    static final String KEY_FILE = "secret.key";
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;
    private final String keySource;

    public SecretBox(MosaicProperties properties) {
        String configured = properties.secretKey();
        if (configured != null && !configured.isBlank()) {
            this.key = new SecretKeySpec(decode(configured.trim(), "MOSAIC_SECRET_KEY"), "AES");
            this.keySource = "MOSAIC_SECRET_KEY";
        } else {
            Path file = properties.dataDir().resolve(KEY_FILE);
            this.key = new SecretKeySpec(keyFile(file), "AES");
            this.keySource = file.toString();
        }
    }

    /** Encrypts {@code secret}, bound to {@code context} (e.g. {@code "salesforce_connection/<tenant>/<id>"}). */
    public byte[] seal(String secret, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, context).doFinal(secret.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    }

    /** The secret {@link #seal} sealed with the same context; throws when the key or the context differ. */
    public String open(byte[] sealed, String context) {
        if (sealed.length <= 1 + NONCE_BYTES || sealed[0] != VERSION) {
            throw new IllegalStateException("A sealed secret of " + context + " is not in a form this version reads");
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
        return new String(cipher(Cipher.DECRYPT_MODE, nonce, context).doFinal(sealed, 1 + NONCE_BYTES,
                sealed.length - 1 - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM, key from " + keySource + "]";
    }

    private Sealing cipher(int mode, byte[] nonce, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new Sealing(cipher, context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** One encryption or decryption; a wrong key or context is named, never shown. */
    private record Sealing(Cipher cipher, String context) {
        byte[] doFinal(byte[] input) {
            return doFinal(input, 0, input.length);
        }

        byte[] doFinal(byte[] input, int offset, int length) {
            try {
                return cipher.doFinal(input, offset, length);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("A sealed secret of " + context + " does not open with this key: "
                        + "was MOSAIC_SECRET_KEY or the key file changed since it was stored?");
            }
        }
    }

    private static byte[] decode(String base64, String from) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notStandard) {
            try {
                bytes = Base64.getUrlDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(from + " is not base64; make one with: openssl rand -base64 32");
            }
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(from + " holds " + bytes.length + " bytes; it must be " + KEY_BYTES
                    + " random bytes in base64, e.g. from: openssl rand -base64 32");
        }
        return bytes;
    }

    /**
     * Reads the key file, or creates it when there is none: owner-only and on disk before any secret is sealed with
     * it, and never replacing a key another start wrote meanwhile.
     */
    private byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(OwnerOnlyFiles.readFirstLine(file), file.toString());
            }
            Files.createDirectories(file.getParent());
            byte[] fresh = new byte[KEY_BYTES];
            random.nextBytes(fresh);
            try {
                OwnerOnlyFiles.write(file, Base64.getEncoder().encodeToString(fresh), false);
            } catch (FileAlreadyExistsException lostTheRace) {
                return keyFile(file);
            }
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file
                    + "; set MOSAIC_SECRET_KEY instead, or make the data directory writable", e);
        }
    }

}
