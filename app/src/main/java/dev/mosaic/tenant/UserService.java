package dev.mosaic.tenant;

import static dev.mosaic.tenant.TenantTables.API_TOKEN;
import static dev.mosaic.tenant.TenantTables.APP_USER;
import static dev.mosaic.tenant.TenantTables.TOKEN_TENANT_ID;
import static dev.mosaic.tenant.TenantTables.TOKEN_USER_ID;
import static dev.mosaic.tenant.TenantTables.USER_CREATED_AT;
import static dev.mosaic.tenant.TenantTables.USER_EMAIL;
import static dev.mosaic.tenant.TenantTables.USER_ID;
import static dev.mosaic.tenant.TenantTables.USER_PASSWORD_HASH;
import static dev.mosaic.tenant.TenantTables.USER_ROLE;
import static dev.mosaic.tenant.TenantTables.USER_TENANT_ID;

import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.platform.errors.InvalidInputException;
import dev.mosaic.platform.errors.NotFoundException;
import dev.mosaic.tenant.TenantPrincipal.Role;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    /**
     * A person an admin adds to the workspace, with a first password they change later.
     *
     * @throws InvalidInputException for an address that is none, or a password under 10 characters
     * @throws ConflictException when the workspace has a user with that email already
     */
    public TenantPrincipal add(String tenantId, String email, String rawPassword, Role role) {
        String normalized = email == null ? "" : normalize(email);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || normalized.length() > 254) {
            throw new InvalidInputException("'" + email + "' is not an email address");
        }
        if (rawPassword == null || rawPassword.length() < 10) {
            throw new InvalidInputException("A password needs at least 10 characters");
        }
        if (db.fetchExists(db.selectOne().from(APP_USER).where(USER_TENANT_ID.eq(tenantId), USER_EMAIL.eq(normalized)))) {
            throw new ConflictException(normalized + " is a user of this workspace already");
        }
        return create(tenantId, normalized, rawPassword, role);
    }

    /** The workspace's users, admins first, then by email. */
    public List<UserInfo> list(String tenantId) {
        return db.select(USER_ID, USER_EMAIL, USER_ROLE, USER_CREATED_AT)
                .from(APP_USER)
                .where(USER_TENANT_ID.eq(tenantId))
                .orderBy(USER_ROLE, USER_EMAIL)
                .fetch(row -> new UserInfo(row.get(USER_ID), row.get(USER_EMAIL), Role.valueOf(row.get(USER_ROLE)),
                        row.get(USER_CREATED_AT).toInstant()));
    }

    /**
     * Removes a user and their API tokens. The workspace keeps at least one admin.
     *
     * @throws ConflictException for the last admin
     */
    @Transactional
    public void remove(String tenantId, UUID userId) {
        UserInfo user = list(tenantId).stream().filter(u -> u.id().equals(userId)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no user " + userId + " in this workspace"));
        long admins = list(tenantId).stream().filter(u -> u.role() == Role.ADMIN).count();
        if (user.role() == Role.ADMIN && admins == 1) {
            throw new ConflictException(user.email() + " is the workspace's only admin; make another admin first");
        }
        db.deleteFrom(API_TOKEN).where(TOKEN_TENANT_ID.eq(tenantId), TOKEN_USER_ID.eq(userId)).execute();
        db.deleteFrom(APP_USER).where(USER_TENANT_ID.eq(tenantId), USER_ID.eq(userId)).execute();
    }

    /** A user as Settings lists them. */
    public record UserInfo(UUID id, String email, Role role, Instant createdAt) {
    }

    /** Whether the user still belongs to the workspace (a removed user's open sessions end). */
    public boolean isActive(String tenantId, UUID userId) {
        return find(tenantId, userId).isPresent();
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
