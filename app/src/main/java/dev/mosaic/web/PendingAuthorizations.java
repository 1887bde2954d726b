package dev.mosaic.web;

import dev.mosaic.connection.SalesforceAuthorization;
import dev.mosaic.tenant.TenantPrincipal;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The "Connect with Salesforce" flows a signed-in person has started, in their session on the server (they hold the
 * consumer secret and the PKCE verifier), by state. An answer is taken once, and only by the person and workspace
 * that started it; a handful are kept, the oldest dropped first. Sessions stay in memory (they are not persisted),
 * so the secret never reaches a disk.
 */
final class PendingAuthorizations {

    private static final String ATTRIBUTE = PendingAuthorizations.class.getName();
    private static final int KEPT = 5;

    private final Map<String, Entry> byState = new LinkedHashMap<>();

    private record Entry(String tenantId, String email, SalesforceAuthorization.Pending pending) {
    }

    static PendingAuthorizations of(HttpSession session) {
        synchronized (session) {
            PendingAuthorizations pending = (PendingAuthorizations) session.getAttribute(ATTRIBUTE);
            if (pending == null) {
                pending = new PendingAuthorizations();
                session.setAttribute(ATTRIBUTE, pending);
            }
            return pending;
        }
    }

    synchronized void put(TenantPrincipal principal, SalesforceAuthorization.Pending pending) {
        byState.put(pending.state(), new Entry(principal.tenantId(), principal.email(), pending));
        while (byState.size() > KEPT) {
            byState.remove(byState.keySet().iterator().next());
        }
    }

    synchronized Optional<SalesforceAuthorization.Pending> take(TenantPrincipal principal, String state) {
        Entry entry = state == null ? null : byState.remove(state);
        if (entry == null || !entry.tenantId().equals(principal.tenantId())
                || !entry.email().equals(principal.email())) {
            return Optional.empty();
        }
        return Optional.of(entry.pending());
    }
}
