package dev.mosaic.salesforce.emulator.oauth;

import dev.mosaic.salesforce.emulator.http.Ids;
import dev.mosaic.salesforce.emulator.org.OrgUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live access tokens and refresh tokens. Sessions end after the org's session timeout on the injected
 * clock; Salesforce never tells clients that lifetime (no {@code expires_in}), they find out by a 401.
 */
public final class TokenStore {
    private static final String TOKEN_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";

    private final Clock clock;
    private final Duration sessionLifetime;
    private final String orgId15;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();

    public TokenStore(Clock clock, Duration sessionLifetime, String orgId) {
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
        this.orgId15 = orgId.substring(0, Math.min(15, orgId.length()));
    }

    public Session issueSession(OrgUser user, String clientId, String scope, String refreshToken) {
        purgeExpired();
        // Salesforce's access tokens are the 15-character org id, '!', then an opaque part starting "AQ".
        String token = orgId15 + "!AQ" + Ids.random(4) + "." + Ids.random(92, TOKEN_CHARS);
        Session session = new Session(token, user, clientId, scope, clock.instant(), refreshToken);
        sessions.put(token, session);
        return session;
    }

    public RefreshGrant issueRefreshToken(OrgUser user, String clientId, String scope) {
        String token = "5Aep861" + Ids.random(80, TOKEN_CHARS);
        return registerRefreshToken(token, user, clientId, scope);
    }

    /** Registers a refresh token chosen up front (the one the command line or builder hands out). */
    public RefreshGrant registerRefreshToken(String token, OrgUser user, String clientId, String scope) {
        RefreshGrant grant = new RefreshGrant(token, user, clientId, scope);
        refreshTokens.put(token, grant);
        return grant;
    }

    public Optional<RefreshGrant> refreshGrant(String token) {
        return Optional.ofNullable(token).map(refreshTokens::get);
    }

    /** The live session for an access token; expired ones are treated as unknown. */
    public Optional<Session> session(String accessToken) {
        if (accessToken == null) {
            return Optional.empty();
        }
        Session session = sessions.get(accessToken);
        if (session == null) {
            return Optional.empty();
        }
        if (isExpired(session)) {
            sessions.remove(accessToken);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** When a session stops working. */
    public Instant expiresAt(Session session) {
        return session.issuedAt().plus(sessionLifetime);
    }

    /** Revokes an access or refresh token; revoking a refresh token also ends the sessions issued from it. */
    public boolean revoke(String token) {
        if (token == null) {
            return false;
        }
        if (refreshTokens.remove(token) != null) {
            sessions.values().removeIf(s -> token.equals(s.refreshToken()));
            return true;
        }
        return sessions.remove(token) != null;
    }

    public int expireAllSessions() {
        int count = sessions.size();
        sessions.clear();
        return count;
    }

    public int revokeAllRefreshTokens() {
        int count = refreshTokens.size();
        refreshTokens.keySet().forEach(token -> sessions.values().removeIf(s -> token.equals(s.refreshToken())));
        refreshTokens.clear();
        return count;
    }

    private boolean isExpired(Session session) {
        return !clock.instant().isBefore(session.issuedAt().plus(sessionLifetime));
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !now.isBefore(s.issuedAt().plus(sessionLifetime)));
    }
}
