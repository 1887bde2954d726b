package dev.mosaic.web;

import dev.mosaic.graph.Page;
import org.springframework.ui.Model;

/** Where a paged list stands ("1–50 of 1,204") and the offsets of the pages before and after it, for its template. */
final class PageLinks {

    private PageLinks() {
    }

    /** Adds {@code total}, {@code from}, {@code to}, {@code previous} and {@code next} (null where there is none). */
    static void addTo(Model model, Page<?> page, int from, int pageSize) {
        model.addAttribute("total", page.total());
        model.addAttribute("from", page.items().isEmpty() ? 0 : from + 1);
        model.addAttribute("to", from + page.items().size());
        model.addAttribute("previous", from == 0 ? null : Math.max(0, from - pageSize));
        model.addAttribute("next", from + page.items().size() < page.total() ? from + pageSize : null);
    }
}
