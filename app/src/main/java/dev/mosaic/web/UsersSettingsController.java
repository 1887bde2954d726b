package dev.mosaic.web;

import dev.mosaic.graph.GraphReader;
import dev.mosaic.graph.TrustedSources;
import dev.mosaic.tenant.ApiTokenService;
import dev.mosaic.tenant.TenantPrincipal;
import dev.mosaic.tenant.UserService;
import dev.mosaic.tenant.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

/**
 * Settings → Users and API tokens: an admin adds people (admin or member) and removes them, and orders the trusted
 * sources; everyone makes named API tokens for themselves, sees when each was last used, and revokes them. A new
 * token is shown once, right after it is made, and never again.
 */
@Controller
@RequestMapping("/settings/users")
class UsersSettingsController {

    private static final String PAGE = "/settings/users";

    private final UserService users;
    private final ApiTokenService tokens;
    private final TrustedSources trustedSources;
    private final GraphReader graph;
    private final Workspaces workspaces;
    private final Clock clock;

    UsersSettingsController(UserService users, ApiTokenService tokens, TrustedSources trustedSources, GraphReader graph,
                            Workspaces workspaces, Clock clock) {
        this.workspaces = workspaces;
        this.trustedSources = trustedSources;
        this.graph = graph;
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping
    String page(@AuthenticationPrincipal TenantPrincipal principal, Model model) {
        Instant now = clock.instant();
        model.addAttribute("principal", principal);
        model.addAttribute("admin", principal.isAdmin());
        model.addAttribute("users", users.list(principal.tenantId()).stream().map(user -> new UserRow(user.id(),
                user.email(), user.role().name().toLowerCase(), Ago.of(user.createdAt(), now, ""),
                user.id().equals(principal.userId()))).toList());
        model.addAttribute("trusted", trustedOrder(principal.tenantId()));
        model.addAttribute("operator", principal.isOperator());
        model.addAttribute("tokens", tokens.list(principal).stream().map(token -> new TokenRow(token.id(), token.name(),
                Ago.of(token.createdAt(), now, ""), Ago.of(token.lastUsedAt(), now, "never"))).toList());
        return "settings/users";
    }

    @PostMapping
    String add(@AuthenticationPrincipal TenantPrincipal principal, @RequestParam String email, @RequestParam String role,
               @RequestParam String password, RedirectAttributes redirect) {
        principal.requireAdmin("add people");
        Forms.report(redirect, () -> users.add(principal.tenantId(), email, password,
                role.equals("admin") ? TenantPrincipal.Role.ADMIN : TenantPrincipal.Role.MEMBER).email()
                + " can sign in to workspace " + principal.tenantId() + " now, with the password you gave.");
        return "redirect:" + PAGE;
    }

    @PostMapping("/{id}/remove")
    String remove(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id, RedirectAttributes redirect) {
        principal.requireAdmin("remove people");
        Forms.report(redirect, () -> {
            users.remove(principal.tenantId(), id);
            return "Removed. Their API tokens no longer work.";
        });
        return "redirect:" + PAGE;
    }

    @PostMapping("/tokens")
    String createToken(@AuthenticationPrincipal TenantPrincipal principal, @RequestParam String name,
                       RedirectAttributes redirect) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100 || trimmed.chars().anyMatch(Character::isISOControl)) {
            redirect.addFlashAttribute("error", "Give the token a name of 1 to 100 characters, such as what will use it.");
            return "redirect:" + PAGE;
        }
        redirect.addFlashAttribute("newToken", new NewToken(trimmed, tokens.issue(principal, trimmed).value()));
        return "redirect:" + PAGE;
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id, RedirectAttributes redirect) {
        if (tokens.revoke(principal, id)) {
            redirect.addFlashAttribute("notice", "Revoked: the token no longer works.");
        } else {
            redirect.addFlashAttribute("error", "You have no such token; it may have been revoked already.");
        }
        return "redirect:" + PAGE;
    }

    /** The operator makes a workspace with its first admin. */
    @PostMapping("/workspaces")
    String createWorkspace(@AuthenticationPrincipal TenantPrincipal principal, @RequestParam String id,
                           @RequestParam(required = false) String name, @RequestParam String email,
                           @RequestParam String password, RedirectAttributes redirect) {
        Forms.report(redirect, () -> {
            TenantPrincipal admin = workspaces.create(principal, id, name, email, password);
            return "Workspace " + admin.tenantId() + " is ready: " + admin.email()
                    + " signs in to it with the password you gave.";
        });
        return "redirect:" + PAGE;
    }

    /** Moves a source one place up (more trusted) or down in the trusted-sources order. */
    @PostMapping("/trusted-sources")
    String moveSource(@AuthenticationPrincipal TenantPrincipal principal, @RequestParam String source,
                      @RequestParam String direction, RedirectAttributes redirect) {
        principal.requireAdmin("change the trusted sources");
        List<String> order = new ArrayList<>(trustedOrder(principal.tenantId()));
        int at = order.indexOf(source);
        int to = direction.equals("up") ? at - 1 : at + 1;
        if (at >= 0 && to >= 0 && to < order.size()) {
            Collections.swap(order, at, to);
            trustedSources.set(principal.tenantId(), order);
            redirect.addFlashAttribute("notice", "Trusted sources: " + String.join(" › ", order)
                    + ". Every customer that several sources describe shows the new order's values now.");
        }
        return "redirect:" + PAGE;
    }

    /** The order set, then every other source the records come from (an unlisted source is trusted least). */
    private List<String> trustedOrder(String tenantId) {
        List<String> order = new ArrayList<>(trustedSources.get(tenantId));
        graph.systems(tenantId).stream().filter(system -> !system.equals("mosaic") && !order.contains(system))
                .forEach(order::add);
        return order;
    }

    record UserRow(UUID id, String email, String role, String added, boolean you) {
    }

    record TokenRow(UUID id, String name, String created, String lastUsed) {
    }

    /** A token just made: its value is on this one page, once. */
    record NewToken(String name, String value) {

        @Override
        public String toString() {
            return "NewToken[name=" + name + ", value=***]";
        }
    }
}
