package dev.mosaic.tenant;

import static dev.mosaic.tenant.TenantTables.APP_USER;
import static dev.mosaic.tenant.TenantTables.USER_EMAIL;
import static dev.mosaic.tenant.TenantTables.USER_ID;
import static dev.mosaic.tenant.TenantTables.USER_PASSWORD_HASH;
import static dev.mosaic.tenant.TenantTables.USER_ROLE;
import static dev.mosaic.tenant.TenantTables.USER_TENANT_ID;

import dev.mosaic.tenant.TenantPrincipal.Role;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** The people who sign in to a tenant. Emails are kept lower-case: one mailbox, one user. */
@Service
public class UserService {

    private final DSLContext db;
    private final PasswordEncoder passwords;
    private final String unknownUserHash;

    public UserService(DSLContext db, PasswordEncoder passwords) {
        this.db = db;
        this.passwords = passwords;
        this.unknownUserHash = passwords.encode("no such user: " + UUID.randomUUID());
    }

    public TenantPrincipal create(String tenantId, String email, String rawPassword, Role role) {
        UUID userId = UUID.randomUUID();
        String normalized = normalize(email);
        db.insertInto(APP_USER, USER_TENANT_ID, USER_ID, USER_EMAIL, USER_PASSWORD_HASH, USER_ROLE)
                .values(tenantId, userId, normalized, passwords.encode(rawPassword), role.name())
                .execute();
        return new TenantPrincipal(tenantId, userId, normalized, role);
    }

    /**
     * The user when the password matches; empty for an unknown user or a wrong password alike. An unknown
     * user costs the same hash check as a known one, so timing does not tell which emails exist.
     */
    public Optional<TenantPrincipal> verifyPassword(String tenantId, String email, String rawPassword) {
        Optional<Record4<UUID, String, String, String>> user = db.select(USER_ID, USER_EMAIL, USER_PASSWORD_HASH, USER_ROLE)
                .from(APP_USER)
                .where(USER_TENANT_ID.eq(tenantId), USER_EMAIL.eq(normalize(email)))
                .fetchOptional();
        if (user.isEmpty()) {
            passwords.matches(rawPassword, unknownUserHash);
            return Optional.empty();
        }
        return user
                .filter(row -> passwords.matches(rawPassword, row.get(USER_PASSWORD_HASH)))
                .map(row -> new TenantPrincipal(tenantId, row.get(USER_ID), row.get(USER_EMAIL),
                        Role.valueOf(row.get(USER_ROLE))));
    }

    Optional<TenantPrincipal> find(String tenantId, UUID userId) {
        return db.select(USER_EMAIL, USER_ROLE)
                .from(APP_USER)
                .where(USER_TENANT_ID.eq(tenantId), USER_ID.eq(userId))
                .fetchOptional()
                .map(row -> new TenantPrincipal(tenantId, userId, row.get(USER_EMAIL), Role.valueOf(row.get(USER_ROLE))));
    }

    private static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
