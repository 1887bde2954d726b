package dev.mosaic.salesforce.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses the command line into a builder; a {@link UsageError} carries what was wrong. */
final class EmulatorArguments {
    static final String USAGE = String.join("\n",
            "Usage: java -jar salesforce-emulator.jar [options]",
            "  --host H             address to listen on (default 127.0.0.1)",
            "  --port N             port, 0 picks a free one (default 0)",
            "  --pubsub-port N      port of the Pub/Sub API (gRPC, Change Data Capture), 0 picks a free one (default 0)",
            "  --seed S             seed of the generated org (default 42)",
            "  --accounts N         accounts to generate, with their contacts, deals and activities (default 100)",
            "  --client-id ID       Connected App consumer key (default: generated)",
            "  --client-secret S    Connected App consumer secret (default: generated)",
            "  --refresh-token T    a refresh token valid for the admin user (default: generated)",
            "  --username U         the admin user's login name (default: the org's admin username)",
            "  --password P         password of the admin and of the restricted user (default: generated)",
            "  --api-limit N        daily API request limit (default 15000)",
            "  --session-minutes N  session timeout in minutes (default 120)",
            "  --query-timeout-seconds N  a query still working after N seconds fails with QUERY_TIMEOUT (default 120)",
            "  --jwt-cert FILE      PEM certificate or public key that JWT bearer assertions are signed for",
            "  --rotate-refresh-tokens  each refresh answers with a new refresh token; the one used stops working",
            "  --help               this text",
            "When listening it prints one line: EMULATOR READY {\"baseUrl\":…,\"clientId\":…,…}");

    private static final List<String> OPTIONS = List.of("--host", "--port", "--pubsub-port", "--seed", "--accounts", "--client-id",
            "--client-secret", "--refresh-token", "--username", "--password", "--api-limit", "--session-minutes",
            "--query-timeout-seconds", "--jwt-cert");
    /** Options that take no value. */
    private static final List<String> FLAGS = List.of("--rotate-refresh-tokens");

    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    private EmulatorArguments() {
    }

    static SalesforceEmulator.Builder parse(String[] args) throws UsageError {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (FLAGS.contains(arg)) {
                values.put(arg, "true");
                continue;
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else {
                if (!OPTIONS.contains(arg)) {
                    throw new UsageError("Unknown option: " + arg);
                }
                if (i + 1 >= args.length) {
                    throw new UsageError("Missing value for " + arg);
                }
                value = args[++i];
            }
            if (!OPTIONS.contains(name)) {
                throw new UsageError("Unknown option: " + name);
            }
            values.put(name, value);
        }
        SalesforceEmulator.Builder builder = SalesforceEmulator.builder();
        try {
            if (values.containsKey("--host")) {
                builder.host(values.get("--host"));
            }
            if (values.containsKey("--port")) {
                builder.port(integer(values, "--port"));
            }
            if (values.containsKey("--pubsub-port")) {
                builder.pubsubPort(integer(values, "--pubsub-port"));
            }
            if (values.containsKey("--seed")) {
                builder.seed(number(values, "--seed"));
            }
            builder.rotateRefreshTokens(values.containsKey("--rotate-refresh-tokens"));
            if (values.containsKey("--accounts")) {
                builder.accounts(integer(values, "--accounts"));
            }
            if (values.containsKey("--api-limit")) {
                builder.apiLimit(number(values, "--api-limit"));
            }
            if (values.containsKey("--session-minutes")) {
                long minutes = number(values, "--session-minutes");
                if (minutes < 1) {
                    throw new UsageError("--session-minutes must be at least 1");
                }
                builder.sessionLifetime(java.time.Duration.ofMinutes(minutes));
            }
            if (values.containsKey("--query-timeout-seconds")) {
                long seconds = number(values, "--query-timeout-seconds");
                if (seconds < 1) {
                    throw new UsageError("--query-timeout-seconds must be at least 1");
                }
                builder.queryTimeout(java.time.Duration.ofSeconds(seconds));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        builder.clientId(values.get("--client-id"))
                .clientSecret(values.get("--client-secret"))
                .refreshToken(values.get("--refresh-token"))
                .username(values.get("--username"))
                .password(values.get("--password"));
        if (values.containsKey("--jwt-cert")) {
            builder.jwtPublicKey(readPublicKey(Path.of(values.get("--jwt-cert"))));
        }
        return builder;
    }

    /** Reads a PEM X.509 certificate or a PEM "PUBLIC KEY" (RSA). */
    static PublicKey readPublicKey(Path file) throws UsageError {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            if (pem.contains("BEGIN CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                        .getPublicKey();
            }
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UsageError("Cannot read --jwt-cert " + file + ": " + e.getMessage());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UsageError("--jwt-cert " + file + " is not a PEM certificate or RSA public key");
        }
    }

    private static int integer(Map<String, String> values, String name) throws UsageError {
        long value = number(values, name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new UsageError(name + " is out of range: " + value);
        }
        return (int) value;
    }

    private static long number(Map<String, String> values, String name) throws UsageError {
        try {
            return Long.parseLong(values.get(name));
        } catch (NumberFormatException e) {
            throw new UsageError(name + " needs a number, got: " + values.get(name));
        }
    }
}
