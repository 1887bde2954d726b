package dev.mosaic.web;

import dev.mosaic.graph.GraphFigures;
import java.net.URI;
import java.time.Instant;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What a page built on background figures says about them ("Figures computed 2 minutes ago"), and whether it should
 * refresh itself (every few seconds, from its own URL) until they are up to date.
 *
 * @param self the page's own path and query, for it to ask again
 */
record FiguresNote(String text, boolean refresh, String self) {

    static FiguresNote of(GraphFigures.Freshness freshness, boolean missing, Instant now) {
        String text = freshness.computedAt() == null ? "Figures are being computed."
                : "Figures computed " + Ago.of(freshness.computedAt(), now, "") + (freshness.behind()
                ? "; the latest changes are being added." : ".");
        URI self = ServletUriComponentsBuilder.fromCurrentRequest().build().toUri();
        return new FiguresNote(text, !freshness.current() || missing,
                self.getRawPath() + (self.getRawQuery() == null ? "" : "?" + self.getRawQuery()));
    }
}
