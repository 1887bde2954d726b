package dev.mosaic.web;

import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.platform.errors.ForbiddenException;
import dev.mosaic.platform.errors.NotFoundException;
import dev.mosaic.tenant.TenantPrincipal;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the pages' forms share: who may send them, and how their outcome reaches the page they return to. */
final class Forms {

    private Forms() {
    }

    /**
     * Runs a form's action and keeps, for the page it redirects to, the action's message as a notice, or the reason
     * it was refused (bad input, a conflict, something gone meanwhile) as an error.
     */
    static void report(RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (IllegalArgumentException | ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
    }

    /** @param what the action, as in "Only a workspace admin may {@code what}" */
    static void requireAdmin(TenantPrincipal principal, String what) {
        if (principal.role() != TenantPrincipal.Role.ADMIN) {
            throw new ForbiddenException("Only a workspace admin may " + what);
        }
    }
}
