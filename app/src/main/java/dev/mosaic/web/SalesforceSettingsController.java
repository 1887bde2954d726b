package dev.mosaic.web;

import dev.mosaic.connection.ConnectionRequest;
import dev.mosaic.connection.Disconnection;
import dev.mosaic.connection.SalesforceAuthorization;
import dev.mosaic.connection.SalesforceConnection;
import dev.mosaic.connection.SalesforceConnections;
import dev.mosaic.connection.SalesforceOrg;
import dev.mosaic.connection.SalesforceOrgs;
import dev.mosaic.connection.SalesforceRefs;
import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.sync.SyncService;
import dev.mosaic.tenant.TenantPrincipal;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Settings → Integrations → Salesforce: the guide's three values pasted into a form, each connected org's status and
 * live per-object progress, and sync now, reconnect, disconnect (keeping or purging the data). Secrets go in and are
 * never shown again. Everyone in the workspace sees the status; only admins change anything.
 */
@Controller
@RequestMapping("/settings/integrations")
class SalesforceSettingsController {

    private static final String PAGE = "/settings/integrations";
    private static final int QUARANTINE_PAGE = 25;

    private final SalesforceConnections connections;
    private final SalesforceOrgs orgs;
    private final SalesforceAuthorization authorization;
    private final SyncService sync;
    private final Clock clock;

    SalesforceSettingsController(SalesforceConnections connections, SalesforceOrgs orgs,
                                 SalesforceAuthorization authorization, SyncService sync, Clock clock) {
        this.authorization = authorization;
        this.connections = connections;
        this.orgs = orgs;
        this.sync = sync;
        this.clock = clock;
    }

    @GetMapping
    String page(@AuthenticationPrincipal TenantPrincipal principal, Model model) {
        return page(principal, model, ConnectForm.EMPTY, null);
    }

    /** One connection's card, which the page fetches again every two seconds while that org is syncing. */
    @GetMapping("/salesforce/{id}/card")
    String card(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id, Model model) {
        model.addAttribute("connection", card(connections.get(principal.tenantId(), id)));
        model.addAttribute("admin", principal.isAdmin());
        return "settings/integrations :: connection";
    }

    @PostMapping("/salesforce")
    String connect(@AuthenticationPrincipal TenantPrincipal principal, ConnectForm form, Model model,
                   RedirectAttributes redirect) {
        principal.requireAdmin("connect an org");
        try {
            SalesforceConnection connection = connections.connect(principal.tenantId(), form.request());
            redirect.addFlashAttribute("notice", "Connected to org " + connection.orgId() + ". The first sync has started.");
            return "redirect:" + PAGE;
        } catch (IllegalArgumentException | ConflictException e) {
            // The form comes back with what was typed, but never the secret or the token.
            return page(principal, model, form.withoutSecrets(), e.getMessage());
        }
    }

    /** The records the sync of one org could not map, with why and what Salesforce sent, newest first. */
    @GetMapping("/salesforce/{id}/quarantine")
    String quarantine(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
                      @RequestParam(defaultValue = "0") int offset, Model model) {
        SalesforceConnection connection = connections.get(principal.tenantId(), id);
        int from = Math.max(0, offset);
        int total = sync.quarantined(principal.tenantId(), id);
        model.addAttribute("principal", principal);
        model.addAttribute("connection", connection);
        model.addAttribute("records", sync.quarantine(principal.tenantId(), id, QUARANTINE_PAGE, from).stream()
                .map(record -> new QuarantineRow(record.object(), record.recordId(), record.reason(),
                        Ago.of(record.quarantinedAt(), clock.instant(), ""), record.payload().toPrettyString(),
                        SalesforceRefs.deepLink(connection.instanceUrl(), record.object(), record.recordId()))).toList());
        model.addAttribute("total", total);
        model.addAttribute("next", from + QUARANTINE_PAGE < total ? from + QUARANTINE_PAGE : null);
        model.addAttribute("previous", from == 0 ? null : Math.max(0, from - QUARANTINE_PAGE));
        return "settings/quarantine";
    }

    /** "Connect with Salesforce": off to Salesforce's login and approval pages, with state and PKCE kept here. */
    @PostMapping("/salesforce/authorize")
    String authorize(@AuthenticationPrincipal TenantPrincipal principal, ConnectForm form, HttpSession session, Model model) {
        principal.requireAdmin("connect an org");
        try {
            SalesforceAuthorization.Pending pending = authorization.start(form.loginUrl(), form.clientId(),
                    form.clientSecret(), callbackUrl(), form.pubsubEndpoint());
            PendingAuthorizations.of(session).put(principal, pending);
            return "redirect:" + pending.authorizeUrl();
        } catch (IllegalArgumentException e) {
            return page(principal, model, form.withoutSecrets(), e.getMessage());
        }
    }

    /** Where Salesforce sends the person back, with a code (or a refusal) and the state it was given. */
    @GetMapping("/salesforce/callback")
    String callback(@AuthenticationPrincipal TenantPrincipal principal, @RequestParam(required = false) String code,
                    @RequestParam(required = false) String state, @RequestParam(required = false) String error,
                    @RequestParam(name = "error_description", required = false) String errorDescription,
                    HttpSession session, RedirectAttributes redirect) {
        principal.requireAdmin("connect an org");
        Optional<SalesforceAuthorization.Pending> pending = PendingAuthorizations.of(session).take(principal, state);
        if (pending.isEmpty()) {
            redirect.addFlashAttribute("error", "This answer from Salesforce does not belong to a connection started "
                    + "here, or it was used already. Click \"Connect with Salesforce\" again.");
        } else if (error != null || code == null) {
            redirect.addFlashAttribute("error", "Salesforce did not grant access" + (errorDescription == null ? ""
                    : ": " + errorDescription) + ". Nothing was connected.");
        } else {
            Forms.report(redirect, () -> "Connected to org " + connections.connect(principal.tenantId(),
                    authorization.finish(pending.get(), code)).orgId() + ". The first sync has started.");
        }
        return "redirect:" + PAGE;
    }

    @PostMapping("/salesforce/{id}/sync")
    String syncNow(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id, RedirectAttributes redirect) {
        connections.get(principal.tenantId(), id);
        boolean started = sync.syncNow(principal.tenantId(), id);
        redirect.addFlashAttribute("notice", started ? "A sync round has started." : "A sync round is running already.");
        return "redirect:" + PAGE;
    }

    @PostMapping("/salesforce/{id}/reconnect")
    String reconnect(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id, ConnectForm form,
                     RedirectAttributes redirect) {
        principal.requireAdmin("reconnect an org");
        Forms.report(redirect, () -> {
            connections.reconnect(principal.tenantId(), id, form.request());
            return "Reconnected. Syncing goes on with the new values.";
        });
        return "redirect:" + PAGE;
    }

    @PostMapping("/salesforce/{id}/disconnect")
    String disconnect(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
                      @RequestParam(defaultValue = "keep") String data, RedirectAttributes redirect) {
        principal.requireAdmin("disconnect an org");
        boolean purge = data.equals("purge");
        Disconnection done = connections.disconnect(principal.tenantId(), id, purge ? principal.email() : null);
        redirect.addFlashAttribute("notice", "Disconnected org " + done.orgId() + "."
                + (done.tokenRevoked() ? "" : " Salesforce did not confirm that the token was revoked; revoke it in Setup too.")
                + (purge ? " Its records are being purged." : " Its records stay in Mosaic."));
        return "redirect:" + PAGE;
    }

    @PostMapping("/salesforce/orgs/{orgId}/purge")
    String purge(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String orgId, RedirectAttributes redirect) {
        principal.requireAdmin("purge an org's records");
        orgs.purge(principal.tenantId(), orgId, principal.email());
        redirect.addFlashAttribute("notice", "The records of org " + orgId + " are being purged.");
        return "redirect:" + PAGE;
    }

    private String page(TenantPrincipal principal, Model model, ConnectForm form, String error) {
        List<ConnectionCard> cards = connections.list(principal.tenantId()).stream().map(this::card).toList();
        List<SalesforceOrg> disconnected = orgs.list(principal.tenantId()).stream()
                .filter(org -> org.connectionId() == null).toList();
        model.addAttribute("principal", principal);
        model.addAttribute("admin", principal.isAdmin());
        model.addAttribute("connections", cards);
        model.addAttribute("disconnected", disconnected);
        model.addAttribute("form", form);
        model.addAttribute("formError", error);
        model.addAttribute("callbackUrl", callbackUrl());
        return "settings/integrations";
    }

    private static URI callbackUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(PAGE + "/salesforce/callback").build().toUri();
    }

    private ConnectionCard card(SalesforceConnection connection) {
        return ConnectionCard.of(connection, sync.progress(connection.tenantId(), connection.connectionId()),
                sync.quarantined(connection.tenantId(), connection.connectionId()),
                sync.changeStream(connection.tenantId(), connection.connectionId()), clock.instant());
    }

    /** A quarantined record as the page lists it, with a link to it in Salesforce, where it can be fixed. */
    record QuarantineRow(String object, String recordId, String reason, String when, String payload, String url) {
    }

    /**
     * What the connect and reconnect forms send: the guide's three values, the login URL and, for an org whose changes
     * stream from elsewhere than Salesforce's own Pub/Sub API, its endpoint (blank: Salesforce's own, or kept).
     */
    record ConnectForm(String loginUrl, String clientId, String clientSecret, String refreshToken, String pubsubEndpoint) {

        static final ConnectForm EMPTY = new ConnectForm("https://login.salesforce.com", "", "", "", "");

        ConnectionRequest request() {
            return new ConnectionRequest(loginUrl, clientId, clientSecret, refreshToken, pubsubEndpoint);
        }

        ConnectForm withoutSecrets() {
            return new ConnectForm(loginUrl, clientId, "", "", pubsubEndpoint);
        }

        @Override
        public String toString() {
            return "ConnectForm[loginUrl=" + loginUrl + ", clientId=" + clientId + ", clientSecret=***, refreshToken=***, "
                    + "pubsubEndpoint=" + pubsubEndpoint + "]";
        }
    }
}
