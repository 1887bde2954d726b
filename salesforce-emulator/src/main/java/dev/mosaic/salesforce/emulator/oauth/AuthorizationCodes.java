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
 * The web-server flow's server-side state: authorization requests waiting for login and approval, and
 * issued codes. Both are single-use and short-lived, so a browser cannot skip the login step.
 */
public final class AuthorizationCodes {
    static final Duration CODE_LIFETIME = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, PendingAuthorization> pending = new ConcurrentHashMap<>();
    private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();

    public AuthorizationCodes(Clock clock) {
        this.clock = clock;
    }

    /** What the client asked for at {@code /authorize}. */
    public record AuthorizationRequest(String clientId, String redirectUri, String scope, String state,
                                       String codeChallenge) {
    }

    /** A request being walked through login and approval; {@code user} is set once the login succeeded. */
    public record PendingAuthorization(String id, AuthorizationRequest request, OrgUser user, Instant createdAt) {
    }

    /** What an issued code stands for. */
    public record CodeGrant(AuthorizationRequest request, OrgUser user, Instant expiresAt) {
    }

    public PendingAuthorization begin(AuthorizationRequest request) {
        purge();
        PendingAuthorization p = new PendingAuthorization(Ids.random(32), request, null, clock.instant());
        pending.put(p.id(), p);
        return p;
    }

    public Optional<PendingAuthorization> pending(String id) {
        if (id == null) {
            return Optional.empty();
        }
        PendingAuthorization p = pending.get(id);
        if (p == null || clock.instant().isAfter(p.createdAt().plus(CODE_LIFETIME))) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    public PendingAuthorization loggedIn(PendingAuthorization p, OrgUser user) {
        PendingAuthorization withUser = new PendingAuthorization(p.id(), p.request(), user, p.createdAt());
        pending.put(p.id(), withUser);
        return withUser;
    }

    public void finish(String pendingId) {
        pending.remove(pendingId);
    }

    public String issueCode(PendingAuthorization p) {
        pending.remove(p.id());
        // Real codes are longer base64 strings ending in "=="; ours stay URL-safe so copy-paste from a URL just works.
        String code = "aPrx" + Ids.random(60);
        codes.put(code, new CodeGrant(p.request(), p.user(), clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** Takes a code out for good: a code is single-use even when the exchange then fails. */
    public Optional<CodeGrant> redeem(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(codes.remove(code));
    }

    public boolean isExpired(CodeGrant grant) {
        return clock.instant().isAfter(grant.expiresAt());
    }

    private void purge() {
        Instant now = clock.instant();
        pending.values().removeIf(p -> now.isAfter(p.createdAt().plus(CODE_LIFETIME)));
        codes.values().removeIf(c -> now.isAfter(c.expiresAt()));
    }
}
