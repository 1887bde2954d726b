package dev.mosaic.salesforce.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmulatorArgumentsTest {

    @Test
    void readsAPemPublicKeyForTheJwtBearerFlow(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PublicKey key = generator.generateKeyPair().getPublic();
        Path pem = dir.resolve("app.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n");

        assertThat(EmulatorArguments.readPublicKey(pem)).isEqualTo(key);
    }

    @Test
    void unreadableOrBogusCertificateIsAUsageError(@TempDir Path dir) throws Exception {
        Path bogus = dir.resolve("bogus.pem");
        Files.writeString(bogus, "-----BEGIN PUBLIC KEY-----\nnot base64 at all!\n-----END PUBLIC KEY-----\n");

        assertThatThrownBy(() -> EmulatorArguments.readPublicKey(bogus)).isInstanceOf(EmulatorArguments.UsageError.class);
        assertThatThrownBy(() -> EmulatorArguments.readPublicKey(dir.resolve("missing.pem")))
                .isInstanceOf(EmulatorArguments.UsageError.class);
    }

    @Test
    void acceptsBothSpaceAndEqualsFormsAndRejectsNonsense() throws Exception {
        assertThat(EmulatorArguments.parse(new String[] {"--port=0", "--seed", "9", "--api-limit=10"})).isNotNull();
        assertThatThrownBy(() -> EmulatorArguments.parse(new String[] {"--port", "70000"}))
                .isInstanceOf(EmulatorArguments.UsageError.class);
        assertThatThrownBy(() -> EmulatorArguments.parse(new String[] {"--accounts", "-1"}))
                .isInstanceOf(EmulatorArguments.UsageError.class);
        assertThatThrownBy(() -> EmulatorArguments.parse(new String[] {"positional"}))
                .isInstanceOf(EmulatorArguments.UsageError.class);
    }

    @Test
    void queryTimeoutIsAPositiveNumberOfSeconds() throws Exception {
        assertThat(EmulatorArguments.parse(new String[] {"--query-timeout-seconds", "30"})).isNotNull();
        assertThat(EmulatorArguments.parse(new String[] {"--query-timeout-seconds=1"})).isNotNull();
        assertThatThrownBy(() -> EmulatorArguments.parse(new String[] {"--query-timeout-seconds", "0"}))
                .isInstanceOf(EmulatorArguments.UsageError.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> EmulatorArguments.parse(new String[] {"--query-timeout-seconds", "soon"}))
                .isInstanceOf(EmulatorArguments.UsageError.class);
    }
}
