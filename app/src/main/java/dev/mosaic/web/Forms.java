package dev.mosaic.web;

import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.platform.errors.NotFoundException;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** How the outcome of the pages' forms reaches the page they return to. */
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
}
