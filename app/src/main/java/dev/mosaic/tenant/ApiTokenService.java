package dev.mosaic.tenant;

import static dev.mosaic.tenant.TenantTables.API_TOKEN;
import static dev.mosaic.tenant.TenantTables.TOKEN_CREATED_AT;
import static dev.mosaic.tenant.TenantTables.TOKEN_HASH;
import static dev.mosaic.tenant.TenantTables.TOKEN_ID;
import static dev.mosaic.tenant.TenantTables.TOKEN_LAST_USED_AT;
import static dev.mosaic.tenant.TenantTables.TOKEN_NAME;
import static dev.mosaic.tenant.TenantTables.TOKEN_TENANT_ID;
import static dev.mosaic.tenant.TenantTables.TOKEN_USER_ID;

import dev.mosaic.platform.crypto.Hashes;
import dev.mosaic.platform.database.Rows;
import dev.mosaic.platform.database.SqlTimes;
import dev.mosaic.platform.errors.InvalidInputException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * API tokens for {@code Authorization: Bearer}. A token names its tenant ({@code mosaic_<tenant>_<secret>}),
 * so finding it is a query within one tenant, like every other query; a token without that prefix (one an
 * operator chose through {@code MOSAIC_ADMIN_TOKEN}) belongs to the {@code default} tenant. Only a SHA-256
 * hash is stored: tokens are long random strings, so a slow password hash would add nothing.
 */
@Service
public class ApiTokenService {

    private static final String PREFIX = "mosaic_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How precisely a token's last use is kept. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    private final DSLContext db;
    private final Map<UUID, Instant> lastUseWritten = new ConcurrentHashMap<>();

    public ApiTokenService(DSLContext db) {
        this.db = db;
    }

    /** A new random token for the user; the caller shows it once, it cannot be read back. */
    public IssuedToken issue(TenantPrincipal owner, String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + owner.tenantId() + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        register(owner, name, token);
        return new IssuedToken(token);
    }

    /** Stores a token chosen by an operator. It must name the owner's tenant, or be unprefixed for {@code default}. */
    public void register(TenantPrincipal owner, String name, String token) {
        if (!tenantOf(token).equals(owner.tenantId())) {
            throw new InvalidInputException("This token does not belong to tenant " + owner.tenantId()
                    + ": a token names its tenant as mosaic_<tenant>_<secret>");
        }
        db.insertInto(API_TOKEN, TOKEN_TENANT_ID, TOKEN_ID, TOKEN_USER_ID, TOKEN_HASH, TOKEN_NAME)
                .values(owner.tenantId(), UUID.randomUUID(), owner.userId(), hash(token), name)
                .execute();
    }

    /** The token's user, or empty when the token is unknown in the tenant it names (or was revoked). */
    public Optional<TenantPrincipal> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String tenantId = tenantOf(token);
        // The token and its user in one statement, written out: it runs before every API call, and rendering jOOQ's
        // query objects cost more than the lookup itself.
        return Rows.fetch(db, "select t.token_id, t.user_id, u.email, u.role from api_token t join app_user u "
                        + "on u.tenant_id = t.tenant_id and u.user_id = t.user_id where t.tenant_id = ? and t.token_hash = ?",
                        tenantId, hash(token)).first()
                .map(row -> {
                    recordUse(tenantId, row.get("token_id", UUID.class));
                    return new TenantPrincipal(tenantId, row.get("user_id", UUID.class), row.get("email", String.class),
                            TenantPrincipal.Role.valueOf(row.get("role", String.class)));
                });
    }

    /** The user's tokens, newest first: names and times only, never a value. */
    public List<TokenInfo> list(TenantPrincipal owner) {
        return db.select(TOKEN_ID, TOKEN_NAME, TOKEN_CREATED_AT, TOKEN_LAST_USED_AT)
                .from(API_TOKEN)
                .where(TOKEN_TENANT_ID.eq(owner.tenantId()), TOKEN_USER_ID.eq(owner.userId()))
                .orderBy(TOKEN_CREATED_AT.desc(), TOKEN_ID)
                .fetch(row -> new TokenInfo(row.get(TOKEN_ID), row.get(TOKEN_NAME), SqlTimes.instant(row.get(TOKEN_CREATED_AT)),
                        SqlTimes.instant(row.get(TOKEN_LAST_USED_AT))));
    }

    /** Revokes one of the user's tokens: it stops working at once. Returns whether there was such a token. */
    public boolean revoke(TenantPrincipal owner, UUID tokenId) {
        return db.deleteFrom(API_TOKEN)
                .where(TOKEN_TENANT_ID.eq(owner.tenantId()), TOKEN_USER_ID.eq(owner.userId()), TOKEN_ID.eq(tokenId))
                .execute() > 0;
    }

    /** A token's last use, written at most once a minute per token: a busy client costs no write per request. */
    private void recordUse(String tenantId, UUID tokenId) {
        Instant now = Instant.now();
        Instant written = lastUseWritten.get(tokenId);
        if (written != null && written.isAfter(now.minus(USE_RESOLUTION))) {
            return;
        }
        lastUseWritten.put(tokenId, now);
        db.update(API_TOKEN).set(TOKEN_LAST_USED_AT, now.atOffset(ZoneOffset.UTC))
                .where(TOKEN_TENANT_ID.eq(tenantId), TOKEN_ID.eq(tokenId))
                .execute();
    }

    /** A token as its owner sees it in Settings. */
    public record TokenInfo(UUID id, String name, Instant createdAt, Instant lastUsedAt) {
    }

    static String tenantOf(String token) {
        if (token.startsWith(PREFIX)) {
            int end = token.indexOf('_', PREFIX.length());
            if (end > PREFIX.length()) {
                return token.substring(PREFIX.length(), end);
            }
        }
        return TenantService.DEFAULT_TENANT;
    }

    private static String hash(String token) {
        return Hashes.sha256Hex(token);
    }

    /** A freshly issued token. Its {@code toString} hides the value so it cannot leak into a log. */
    public record IssuedToken(String value) {
        @Override
        public String toString() {
            return "IssuedToken[***]";
        }
    }
}
