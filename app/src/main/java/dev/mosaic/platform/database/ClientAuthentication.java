package dev.mosaic.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Who may connect to the embedded PostgreSQL ({@code pg_hba.conf}): whoever proves, by SCRAM, that they know
 * the password in {@code db-password}; on the loopback addresses and the local socket only. Nothing is trusted,
 * since every local user can reach those, and a superuser session can run shell commands.
 */
final class ClientAuthentication {

    static final String PASSWORD_ONLY = """
            # Written by Mosaic. Every client must prove it knows the password kept in ../db-password;
            # no method here trusts a client, because every local user can reach these addresses.
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            local   all       all                  scram-sha-256
            host    all       all   127.0.0.1/32   scram-sha-256
            host    all       all   ::1/128        scram-sha-256
            """;

    private ClientAuthentication() {
    }

    private static Path hbaFile(Path postgresData) {
        return postgresData.resolve("pg_hba.conf");
    }

    /** True for a data directory from before Mosaic set a password: some client gets in without one. */
    static boolean trustsSomeClient(Path postgresData) {
        Path file = hbaFile(postgresData);
        if (!Files.exists(file)) {
            return false;
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(line -> line.replaceAll("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .map(line -> line.split("\\s+"))
                    // Over-eager on purpose (a database named "trust"): a false alarm only sets the password again.
                    .anyMatch(fields -> Arrays.stream(fields).skip(3)
                            .anyMatch(field -> field.toLowerCase(Locale.ROOT).equals("trust")));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    static boolean isPasswordOnly(Path postgresData) {
        try {
            Path file = hbaFile(postgresData);
            return Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(PASSWORD_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + hbaFile(postgresData), e);
        }
    }

    /** Takes effect when the server (re)starts or reloads its configuration. */
    static void requirePassword(Path postgresData) {
        Path file = hbaFile(postgresData);
        try {
            Path temporary = Files.createTempFile(postgresData, "pg_hba.conf.", ".tmp");
            try {
                Files.writeString(temporary, PASSWORD_ONLY, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + " to require a password of every client", e);
        }
    }
}
